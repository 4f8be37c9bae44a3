// The review and the payout statement as Excel workbooks (SPEC §11), read back with the same
// library and held against the JSON answers of the same request: every figure equal (money cells
// are the JSON's minor units divided exactly, shown in a currency format), headings in the
// reader's language, asOf honoured, and scoped and redacted exactly as the JSON routes are.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { XLSX_TYPE } from '../../server/documents/workbook';
import type { TestTally } from '../support/app';
import { demoTally } from '../support/demo';

let t: TestTally;
let admin: string;

beforeAll(async () => {
  ({ t, admin } = await demoTally());
}, 120_000);

const json = async (path: string, token = admin) => {
  const r = await t.get(path, token);
  expect(r.status, path).toBe(200);
  return r.json();
};

/** The workbook of a 200 answer, with its headers checked. */
const workbook = async (path: string, token = admin, headers: Record<string, string> = {}) => {
  const r = await t.app.request(path, { headers: { authorization: `Bearer ${token}`, ...headers } });
  expect(r.status, `${path}: ${r.status === 200 ? '' : await r.clone().text()}`).toBe(200);
  expect(r.headers.get('content-type')).toBe(XLSX_TYPE);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await r.arrayBuffer());
  return { book, disposition: r.headers.get('content-disposition') ?? '' };
};

type Cell = ExcelJS.CellValue;
/** A table sheet as records keyed by its heading row. */
const records = (sheet: ExcelJS.Worksheet | undefined): Record<string, Cell>[] => {
  expect(sheet).toBeDefined();
  const headings = (sheet!.getRow(1).values as Cell[]).slice(1).map(String);
  const out: Record<string, Cell>[] = [];
  sheet!.eachRow((row, n) => {
    if (n > 1) out.push(Object.fromEntries(headings.map((h, i) => [h, row.getCell(i + 1).value ?? null])));
  });
  return out;
};
/** A labelled-values sheet as a record. */
const facts = (sheet: ExcelJS.Worksheet | undefined): Record<string, Cell> => {
  expect(sheet).toBeDefined();
  const out: Record<string, Cell> = {};
  sheet!.eachRow((row) => (out[String(row.getCell(1).value)] = row.getCell(2).value ?? null));
  return out;
};
/** A money cell holds the JSON's fen as yuan: exactly the nearest double to fen / 100. */
const fen = (v: Cell): number | null => (v === null ? null : Math.round((v as number) * 100));
const cellOf = (sheet: ExcelJS.Worksheet, heading: string, rowIndex: number) => {
  const col = (sheet.getRow(1).values as Cell[]).indexOf(heading);
  return sheet.getRow(rowIndex + 2).getCell(col);
};

describe('GET /api/reviews/:period/export.xlsx', () => {
  it('holds the JSON review’s KPIs, deviations, budget and action items, money in a currency format', async () => {
    const review = await json('/api/reviews/2026-11?team=T-EAST');
    const { book, disposition } = await workbook('/api/reviews/2026-11/export.xlsx?team=T-EAST&lang=en');
    expect(disposition).toContain('filename="review-2026-11-T-EAST.xlsx"');
    expect(book.worksheets.map((s) => s.name)).toEqual(['Review', 'KPIs', 'Deviations', 'Budget', 'Action items', 'Overdue milestones', 'Alerts', 'Channels', 'Promotions', 'Capacity', 'Segments', 'Campaigns', 'Market share', 'Programmes']);
    expect(facts(book.getWorksheet('Review'))).toMatchObject({ Period: '2026-11', 'Known as of (recorded time)': review.asOf, 'Log position': review.position });

    const kpis = records(book.getWorksheet('KPIs'));
    expect(kpis.map((k) => k.Metric)).toEqual(review.kpis.map((k: { metric: string }) => ({ newCustomers: 'new customers', activeCustomers: 'active customers' })[k.metric] ?? k.metric));
    const revenue = review.kpis[0];
    expect(revenue.metric).toBe('revenue');
    expect({ target: fen(kpis[0].Target), actual: fen(kpis[0].Actual), expected: fen(kpis[0]['Expected to date']), deviation: fen(kpis[0].Deviation), forecast: fen(kpis[0].Forecast) }).toEqual({
      target: revenue.target, actual: revenue.actual, expected: revenue.expectedToDate, deviation: revenue.deviation, forecast: revenue.forecast,
    });
    // the cell is the exact quotient, not one computed in steps
    expect(kpis[0].Actual).toBe(revenue.actual / 100);
    expect(kpis[0].Attainment).toBe(revenue.attainment);
    // counts stay counts, in a count format; revenue is money, in the currency's
    const units = review.kpis.findIndex((k: { metric: string }) => k.metric === 'units');
    expect(kpis[units].Actual).toBe(review.kpis[units].actual);
    const sheet = book.getWorksheet('KPIs')!;
    expect(cellOf(sheet, 'Actual', 0).numFmt).toBe('"¥"#,##0.00;-"¥"#,##0.00');
    expect(cellOf(sheet, 'Actual', units).numFmt).toBe('#,##0');
    expect(cellOf(sheet, 'Attainment', 0).numFmt).toContain('%');
    // no goal, no target: an empty cell, not 0
    expect(kpis[units].Target).toBeNull();

    const deviations = records(book.getWorksheet('Deviations'));
    const reps = review.deviations[0].contributors.reps as { key: string; value: number; deviation: number }[];
    expect(reps.length).toBeGreaterThan(0);
    for (const r of reps) {
      const row = deviations.find((d) => d.By === 'rep' && d.Key === r.key)!;
      expect({ value: fen(row.Actual), deviation: fen(row.Deviation) }, r.key).toEqual({ value: r.value, deviation: r.deviation });
    }
    expect(fen(deviations.find((d) => d.By === 'total')!.Deviation)).toBe(review.deviations[0].deviation);

    const budget = records(book.getWorksheet('Budget'));
    for (const c of review.budget.plans[0].categories as { category: string; allocated: number; spent: number; remaining: number }[]) {
      const row = budget.find((b) => b.Category === c.category)!;
      expect({ allocated: fen(row.Allocated), spent: fen(row.Spent), remaining: fen(row.Remaining) }, c.category).toEqual({ allocated: c.allocated, spent: c.spent, remaining: c.remaining });
    }
    expect(budget.some((b) => b.Remaining !== null && (b.Remaining as number) < 0 && b['Over budget'] === 'yes')).toBe(true);

    const actions = records(book.getWorksheet('Action items'));
    expect(actions.map((a) => [a['Action item'], a.Status, a['Days overdue']])).toEqual(
      review.actionItems.map((a: { actionId: string; status: string; daysOverdue: number }) => [a.actionId, a.status, a.daysOverdue]),
    );
    expect(records(book.getWorksheet('Overdue milestones')).map((m) => m.Milestone)).toEqual(review.overdueMilestones.map((m: { milestoneId: string }) => m.milestoneId));
  }, 60_000);

  it('holds the plan’s market and people sections as the JSON review has them: channels, promotions, capacity, segments, campaigns, market share, programmes', async () => {
    const review = await json('/api/reviews/2026-Q4');
    const { book } = await workbook('/api/reviews/2026-Q4/export.xlsx?lang=en');
    const sheet = (name: string) => records(book.getWorksheet(name));
    const said = (key: string | null) => key ?? '(none)';
    // the demo's fourth quarter has every one of them
    for (const key of ['capacity', 'segments', 'campaigns', 'marketShare', 'programmes']) expect(review[key].length, key).toBeGreaterThan(0);
    type Term = { channel?: string | null; promotion?: string | null; revenue: number; orders: number; newCustomers: number; discount: number };
    for (const [name, list, term] of [['Channels', review.channels.byChannel, 'channel'], ['Promotions', review.channels.byPromotion, 'promotion']] as const) {
      expect((list as Term[]).length, name).toBeGreaterThan(0);
      expect(sheet(name).map((r) => [r[name === 'Channels' ? 'Channel' : 'Promotion'], fen(r.Revenue), r.Orders, r['New customers'], fen(r['Discount given'])]), name).toEqual(
        (list as Term[]).map((r) => [said(r[term] ?? null), r.revenue, r.orders, r.newCustomers, r.discount]),
      );
    }
    expect(sheet('Capacity').map((r) => [r.Team, fen(r['Revenue goal']), r['Reps needed'], r.Headcount, r.Gap])).toEqual(
      review.capacity.map((c: { name: string; teamId: string; goal: number; repsNeeded: number; headcount: number; gap: number }) => [`${c.name} (${c.teamId})`, c.goal, c.repsNeeded, c.headcount, c.gap]),
    );
    expect(sheet('Segments').map((r) => [r.Segment, r.Customers])).toEqual(review.segments.map((s: { segmentName: string; customers: number }) => [s.segmentName, s.customers]));
    expect(sheet('Campaigns').map((c) => [c.Campaign, fen(c.Budget), fen(c.Spend), fen(c.Revenue), c['New customers'], c['Return on spend']])).toEqual(
      review.campaigns.map((c: { campaignId: string; budget: number; spend: number; revenue: number; newCustomers: number; roi: string | null }) => [c.campaignId, c.budget, c.spend, c.revenue, c.newCustomers, c.roi === null ? null : Number(c.roi)]),
    );
    expect(sheet('Market share').map((m) => [m.Insight, fen(m['Market size']), fen(m['Our revenue']), m.Share])).toEqual(
      review.marketShare.map((m: { insightId: string; marketSize: number; ourRevenue: number; share: string | null }) => [m.insightId, m.marketSize, m.ourRevenue, m.share === null ? null : Number(m.share)]),
    );
    expect(sheet('Programmes').map((p) => [p.Training, p.Session, p.Invited, p.Attended])).toEqual(
      review.programmes.map((p: { trainingId: string; session: string; invited: number; attended: number }) => [p.trainingId, p.session, p.invited, p.attended]),
    );
    const zh = await workbook('/api/reviews/2026-Q4/export.xlsx?lang=zh-CN');
    expect(records(zh.book.getWorksheet('客户分群')).map((r) => r.分群)).toEqual(review.segments.map(() => expect.stringMatching(/[\u4e00-\u9fff]/)));
  }, 60_000);

  it('writes its headings and words in Chinese for a zh-CN reader (lang, else Accept-Language)', async () => {
    for (const [path, headers] of [['/api/reviews/2026-11/export.xlsx?lang=zh-CN', {}], ['/api/reviews/2026-11/export.xlsx', { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.5' }]] as const) {
      const { book } = await workbook(path, admin, headers);
      expect(book.worksheets.map((s) => s.name), path).toEqual(['复盘', '关键指标', '偏差分析', '预算', '行动项', '逾期里程碑', '提醒', '渠道', '促销', '人力配置', '客户分群', '营销活动', '市场份额', '培训项目']);
      const kpis = records(book.getWorksheet('关键指标'));
      expect(kpis[0]).toMatchObject({ 指标: '销售额' });
      expect(['超前', '正常', '有风险', '落后']).toContain(kpis[0].进度);
    }
    expect((await t.get('/api/reviews/2026-11/export.xlsx?lang=fr', admin)).status).toBe(400);
  }, 60_000);

  it('answers as of a past moment with what was known then, as the JSON does', async () => {
    const asOf = encodeURIComponent('2026-11-16T00:00:00+08:00');
    const then = await json(`/api/reviews/2026-11?asOf=${asOf}`);
    const now = await json('/api/reviews/2026-11');
    expect(then.kpis[0].actual).toBeLessThan(now.kpis[0].actual);
    const kpis = records((await workbook(`/api/reviews/2026-11/export.xlsx?asOf=${asOf}`)).book.getWorksheet('KPIs'));
    expect(fen(kpis[0].Actual)).toBe(then.kpis[0].actual);
  }, 60_000);

  it('is scoped and redacted as the JSON: a viewer gets no customer names, a manager only its own team, a rep none', async () => {
    const customers = (await json('/api/reviews/2026-11')).deviations[0].contributors.customers as { key: string }[];
    expect(customers.length).toBeGreaterThan(0);
    const byKey = (rows: Record<string, Cell>[]) => rows.filter((d) => d.By === 'customer').map((d) => d.Key);
    expect(byKey(records((await workbook('/api/reviews/2026-11/export.xlsx')).book.getWorksheet('Deviations')))).toEqual(customers.map((c) => c.key));
    const viewer = await t.token('viewer', 'portal');
    expect(byKey(records((await workbook('/api/reviews/2026-11/export.xlsx', viewer)).book.getWorksheet('Deviations')))).toEqual([]);

    const manager = await t.token('manager', 'M-EAST', 'T-EAST');
    expect((await t.get('/api/reviews/2026-11/export.xlsx?team=T-NORTH', manager)).status).toBe(403);
    expect(facts((await workbook('/api/reviews/2026-11/export.xlsx', manager)).book.getWorksheet('Review')).Team).toContain('T-EAST');
    expect((await t.get('/api/reviews/2026-11/export.xlsx', await t.token('rep', 'R-01'))).status).toBe(403);
    expect((await t.get('/api/reviews/2026-W47/export.xlsx', admin)).status).toBe(400);
  }, 60_000);
});

describe('GET /api/payouts/:repId/statement.xlsx', () => {
  it('holds the JSON statement’s lines with their rules, cited positions and amounts, and its total', async () => {
    const s = await json('/api/payouts/R-01?period=2026-10');
    const { book, disposition } = await workbook('/api/payouts/R-01/statement.xlsx?period=2026-10&lang=en');
    expect(disposition).toContain('filename="statement-R-01-2026-10.xlsx"');
    const head = facts(book.getWorksheet('Statement'));
    expect({ total: fen(head.Total), quota: fen(head.Quota), achieved: fen(head.Achieved), attainment: head.Attainment, hash: head['Statement hash (SHA-256)'], status: head.Status }).toEqual({
      total: s.total, quota: s.quota, achieved: s.achieved, attainment: s.attainment, hash: s.statementHash, status: s.status,
    });
    const lines = records(book.getWorksheet('Lines'));
    expect(lines).toHaveLength(s.lines.length + 1);
    s.lines.forEach((l: { lineId: string; kind: string; description: string; amount: number; citations: number[]; rule: unknown; rate: string | null }, i: number) => {
      expect({ lineId: lines[i].Line, kind: lines[i].Kind, rule: lines[i].Rule, amount: fen(lines[i].Amount), cited: lines[i]['Cited log positions'], data: JSON.parse(String(lines[i]['Rule as data (JSON)'])) }).toEqual({
        lineId: l.lineId, kind: l.kind, rule: l.description, amount: l.amount, cited: l.citations.join(', '), data: l.rule,
      });
    });
    // a commission rate is a ratio; a SPIFF's is money per unit
    const tier = s.lines.findIndex((l: { kind: string }) => l.kind === 'commission');
    expect(lines[tier].Rate).toBe(Number(s.lines[tier].rate));
    const spiff = s.lines.findIndex((l: { kind: string }) => l.kind === 'spiff');
    expect(fen(lines[spiff].Rate)).toBe(Number(s.lines[spiff].rate));
    expect(lines[spiff].Basis).toBe(s.lines[spiff].basis);
    // the total row is the statement's total, the sum of its rounded lines
    expect(fen(lines[s.lines.length].Amount)).toBe(s.total);
    expect(s.lines.reduce((a: number, l: { amount: number }) => a + l.amount, 0)).toBe(s.total);
  }, 60_000);

  it('describes the lines in Chinese for a zh-CN reader, as the JSON does', async () => {
    const s = await json('/api/payouts/R-01?period=2026-10&lang=zh-CN');
    const { book } = await workbook('/api/payouts/R-01/statement.xlsx?period=2026-10&lang=zh-CN');
    expect(book.worksheets.map((w) => w.name)).toEqual(['对账单', '明细']);
    const lines = records(book.getWorksheet('明细'));
    expect(lines[0]).toMatchObject({ 类型: '提成', 规则: s.lines[0].description });
    expect(facts(book.getWorksheet('对账单')).状态).toBe('已批准');
  }, 60_000);

  it('is the statement as known at asOf', async () => {
    const asOf = encodeURIComponent('2026-11-16T00:00:00+08:00');
    const then = await json(`/api/payouts/R-01?period=2026-11&asOf=${asOf}`);
    const now = await json('/api/payouts/R-01?period=2026-11');
    expect(then.achieved).toBeLessThan(now.achieved);
    const head = facts((await workbook(`/api/payouts/R-01/statement.xlsx?period=2026-11&asOf=${asOf}`)).book.getWorksheet('Statement'));
    expect({ achieved: fen(head.Achieved), total: fen(head.Total) }).toEqual({ achieved: then.achieved, total: then.total });
  }, 60_000);

  it('is a rep’s own only: another rep’s is 403, a viewer’s 403, a manager’s own team’s only', async () => {
    const rep = await t.token('rep', 'R-01');
    expect((await workbook('/api/payouts/R-01/statement.xlsx?period=2026-10', rep)).book.worksheets).toHaveLength(2);
    expect((await t.get('/api/payouts/R-02/statement.xlsx?period=2026-10', rep)).status).toBe(403);
    expect((await t.get('/api/payouts/R-01/statement.xlsx?period=2026-10', await t.token('viewer', 'portal'))).status).toBe(403);
    // R-01 is on the demo's T-EAST
    expect((await t.get('/api/payouts/R-01/statement.xlsx?period=2026-10', await t.token('manager', 'M-EAST', 'T-EAST'))).status).toBe(200);
    expect((await t.get('/api/payouts/R-01/statement.xlsx?period=2026-10', await t.token('manager', 'M-NORTH', 'T-NORTH'))).status).toBe(403);
    expect((await t.get('/api/payouts/R-01/statement.xlsx', admin)).status).toBe(400);
  }, 60_000);
});
