// Alerts (SPEC §10): the scheduler raises each alert due once — goals behind, milestones, action
// items and deals overdue, care due today, appraisals to acknowledge — and GET /api/alerts shows
// each to whom may read the data it is about.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { dueAlerts } from '../../core/alerts/due';
import { DEFAULT_GOAL_POLICY } from '../../core/goals/readModels/goalProgress';
import { alertKey } from '../../server/alerts/scheduler';
import { seedCompany, testTally, type TestTally } from '../support/app';

const NOW = '2026-11-27T10:00:00+08:00';

interface AlertJson { alertId: string; kind: string; owner: string; subject: { type: string; id: string }; at: string; details: Record<string, unknown>; raisedAt: string }

let t: TestTally;
let admin: string;

const send = async (type: string, data: unknown, token = admin) => {
  const r = await t.post(type, data, token);
  expect(r.status, `${type}: ${await r.clone().text()}`).toBe(201);
};

const list = async (token: string, query = ''): Promise<AlertJson[]> => {
  const r = await t.get(`/api/alerts${query}`, token);
  expect(r.status, await r.clone().text()).toBe(200);
  return ((await r.json()) as { alerts: AlertJson[] }).alerts;
};

beforeAll(async () => {
  t = await testTally({ now: NOW });
  admin = await seedCompany(t);
  await send('RegisterCustomer', { customerId: 'C-3', name: 'Northwind', ownerRepId: 'R-3' });
  await send('SetPipelineStages', { stages: [{ stage: 'lead', probability: '0.1' }] });
  // due on the 20th, still open on the 27th
  await send('OpenDeal', { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', amount: 1_250_000, stage: 'lead', expectedCloseAt: '2026-11-20', title: 'CRM renewal', occurredAt: '2026-11-01T10:00:00+08:00' });
  // closes tomorrow: not overdue
  await send('OpenDeal', { dealId: 'D-2', customerId: 'C-1', repId: 'R-1', amount: 10_000, stage: 'lead', expectedCloseAt: '2026-11-28', occurredAt: '2026-11-01T10:00:00+08:00' });
  await send('DraftSalesPlan', { salesPlanId: 'SP-1', title: 'East Q4', period: '2026-Q4', owner: 'team:T-1', strategy: 'Renewals first' });
  await send('AddMilestone', { salesPlanId: 'SP-1', milestoneId: 'MS-1', title: 'Partner summit', due: '2026-11-20', ownerRepId: 'R-2' });
  await send('AddMilestone', { salesPlanId: 'SP-1', milestoneId: 'MS-2', title: 'Year-end push', due: '2026-12-20', ownerRepId: 'R-2' });
  await send('AddActionItem', { actionId: 'AI-1', title: 'Call back Northwind', due: '2026-11-25', ownerRepId: 'R-3' });
  // nothing sold in November against a target: behind
  await send('SetGoal', { goalId: 'G-1', title: 'Wang Fang November', owner: 'rep:R-1', metric: 'revenue', period: '2026-11', target: 10_000_000 });
  await send('SetCarePolicy', { holidays: [{ date: '11-27', name: '感恩节' }], cadenceDays: { 'high-value': 0, regular: 0, potential: 0 } });
  await send('DefineScorecard', { scorecardId: 'SC-1', title: 'Monthly', period: 'month', kpis: [{ kpiId: 'rev', metric: 'revenue', target: 1_000_000, weight: '1' }] });
  await send('RecordAppraisal', { appraisalId: 'AP-1', repId: 'R-3', period: '2026-10', scorecardId: 'SC-1', rating: 3, comments: 'Steady' });
});

describe('alerts due and raised', () => {
  it('lists each condition once, with names and figures, keyed by kind, subject and day or period', () => {
    const due = dueAlerts(t.deps.projections.world, Date.parse(NOW), DEFAULT_GOAL_POLICY);
    expect(due.map((a) => a.alertId).sort()).toEqual([
      'action-item-overdue:AI-1:2026-11-25',
      'appraisal-pending:AP-1:2026-10',
      'care-due:C-1/holiday:2026-11-27',
      'care-due:C-3/holiday:2026-11-27',
      'deal-overdue:D-1:2026-11-20',
      'goal-behind:G-1:2026-11-01',
      'milestone-overdue:SP-1/MS-1:2026-11-20',
    ]);
    const deal = due.find((a) => a.kind === 'deal-overdue')!;
    expect(deal).toMatchObject({ owner: 'rep:R-1', subject: { type: 'deal', id: 'D-1' }, at: '2026-11-21T00:00:00+08:00' });
    expect(deal.details).toMatchObject({ title: 'CRM renewal', customerName: 'Acme', ownerName: 'Wang Fang', amount: 1_250_000 });
    expect(due.find((a) => a.kind === 'milestone-overdue')!.details).toMatchObject({ planTitle: 'East Q4', ownerName: 'Li Wei' });
    expect(due.find((a) => a.kind === 'goal-behind')!.details).toMatchObject({ target: 10_000_000, actual: 0, ownerName: 'Wang Fang' });
  });

  it('raises them once: two instances ticking at once on one log record each alert once, and a second tick nothing', async () => {
    const other = await testTally({ now: NOW, store: t.deps.store });
    // both compute what is due before either has appended: each sends all seven
    await Promise.all([t.alerts.tick(), other.alerts.tick()]);
    expect(await t.alerts.tick()).toBe(0);
    expect(await other.alerts.tick()).toBe(0);
    const raised = (await t.deps.store.readAll({ after: 0, limit: 10_000 })).filter((e) => e.type === 'AlertRaised');
    expect(raised).toHaveLength(7);
    expect(new Set(raised.map((e) => (e.data as { alertId: string }).alertId)).size).toBe(7);
    expect(raised.every((e) => e.meta.actor === 'alerts' && e.meta.commandId === alertKey((e.data as { alertId: string }).alertId))).toBe(true);
  });

  it('refuses to raise an alert again, by hand or by its key', async () => {
    const data = (await list(admin)).find((a) => a.kind === 'deal-overdue')!;
    const { raisedAt: _r, position: _p, ...command } = data as AlertJson & { position: number };
    expect((await t.post('RaiseAlert', command, admin)).status).toBe(409);
    const wrongId = { ...command, alertId: 'deal-overdue:D-9:2026-11-20' };
    const r = await t.post('RaiseAlert', wrongId, admin);
    expect(r.status).toBe(400);
    expect(JSON.stringify(await r.json())).toContain('alertId');
  });

  it('shows each alert to whom may read what it is about', async () => {
    const kinds = (alerts: AlertJson[]) => alerts.map((a) => a.kind).sort();
    expect(await list(admin)).toHaveLength(7);
    expect(kinds(await list(await t.token('rep', 'R-1')))).toEqual(['care-due', 'deal-overdue', 'goal-behind']);
    expect(kinds(await list(await t.token('rep', 'R-3')))).toEqual(['action-item-overdue', 'appraisal-pending', 'care-due']);
    expect(kinds(await list(await t.token('manager', 'M-1', 'T-1')))).toEqual(['care-due', 'deal-overdue', 'goal-behind', 'milestone-overdue']);
    // an embed reads goals and team work, never customers or pay
    expect(kinds(await list(await t.token('viewer')))).toEqual(['action-item-overdue', 'goal-behind', 'milestone-overdue']);
    expect((await t.get('/api/alerts?owner=rep:R-3', await t.token('rep', 'R-1'))).status).toBe(403);
  });

  it('filters by owner and by when they were raised', async () => {
    expect((await list(admin, '?owner=rep:R-1')).map((a) => a.owner)).toEqual(['rep:R-1', 'rep:R-1', 'rep:R-1']);
    expect(await list(admin, `?since=${encodeURIComponent('2026-11-27T10:00:01+08:00')}`)).toEqual([]);
    expect(await list(admin, `?since=${encodeURIComponent(NOW)}`)).toHaveLength(7);
    expect((await t.get('/api/alerts?since=yesterday', admin)).status).toBe(400);
  });

  it("lists the period's alerts in its review, each said in the reader's language with its owner's name", async () => {
    const review = async (token: string, query = '') => {
      const r = await t.get(`/api/reviews/2026-11${query}`, token);
      expect(r.status, await r.clone().text()).toBe(200);
      return (await r.json()) as { alerts: Record<string, unknown>[] };
    };
    const { alerts } = await review(admin);
    expect(alerts).toHaveLength(7);
    const deal = alerts.find((a) => a.kind === 'deal-overdue')!;
    expect(deal).toEqual({
      alertId: 'deal-overdue:D-1:2026-11-20', kind: 'deal-overdue', subject: { type: 'deal', id: 'D-1' }, owner: 'rep:R-1', ownerName: 'Wang Fang',
      at: '2026-11-21T00:00:00+08:00', raisedAt: expect.any(String), text: 'Deal past its expected close date: CRM renewal',
    });
    const zh = (await review(admin, '?lang=zh-CN')).alerts;
    expect(zh.find((a) => a.kind === 'deal-overdue')!.text).toBe('商机超过预计成交日期：CRM renewal');
    expect(zh.find((a) => a.kind === 'care-due')!.text).toMatch(/^今日客户关怀：(Acme|Northwind)$/);
    // raised on 27 November: none in October's review, nor in November's as known before they were raised
    expect(((await (await t.get('/api/reviews/2026-10', admin)).json()) as { alerts: unknown[] }).alerts).toEqual([]);
    expect((await review(admin, `?asOf=${encodeURIComponent('2026-11-27T09:00:00+08:00')}`)).alerts).toEqual([]);
  });

  it('scopes the review\'s alerts as GET /api/alerts: a manager its team\'s, an embed goals and team work without customers or pay, a rep no review', async () => {
    const kinds = async (token: string) => {
      const r = await t.get('/api/reviews/2026-11', token);
      expect(r.status, await r.clone().text()).toBe(200);
      const body = await r.text();
      return { kinds: (JSON.parse(body) as { alerts: { kind: string }[] }).alerts.map((a) => a.kind).sort(), body };
    };
    expect((await kinds(await t.token('manager', 'M-1', 'T-1'))).kinds).toEqual(['care-due', 'deal-overdue', 'goal-behind', 'milestone-overdue']);
    const viewer = await kinds(await t.token('viewer'));
    expect(viewer.kinds).toEqual(['action-item-overdue', 'goal-behind', 'milestone-overdue']);
    // the deal's title and the appraisal are not an embed's, in the alerts or anywhere else
    expect(viewer.body).not.toContain('CRM renewal');
    expect(viewer.body).not.toContain('appraisal-pending');
    expect((await t.get('/api/reviews/2026-11', await t.token('rep', 'R-1'))).status).toBe(403);
  });

  it("puts the review's alerts in its workbook, read back equal to the JSON and redacted the same way", async () => {
    const sheetOf = async (token: string, lang: string) => {
      const r = await t.get(`/api/reviews/2026-11/export.xlsx?lang=${lang}`, token);
      const name = lang === 'zh-CN' ? '提醒' : 'Alerts';
      expect(r.status).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(await r.arrayBuffer());
      const sheet = book.getWorksheet(name)!;
      expect(sheet, name).toBeDefined();
      const headings = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(String);
      const rows: Record<string, ExcelJS.CellValue>[] = [];
      sheet.eachRow((row, n) => void (n > 1 && rows.push(Object.fromEntries(headings.map((h, i) => [h, row.getCell(i + 1).value ?? null])))));
      return { name: sheet.name, rows };
    };
    const json = (await (await t.get('/api/reviews/2026-11?lang=zh-CN', admin)).json()) as { alerts: { alertId: string; text: string; ownerName: string | null }[] };
    const zh = await sheetOf(admin, 'zh-CN');
    expect(zh.name).toBe('提醒');
    expect(zh.rows.map((r) => [r.提醒编号, r.提醒内容, r.负责人])).toEqual(json.alerts.map((a) => [a.alertId, a.text, a.ownerName ?? '全公司']));
    expect(zh.rows.find((r) => r.提醒编号 === 'deal-overdue:D-1:2026-11-20')).toMatchObject({ 类型: '商机超过预计成交日期', 负责人: 'Wang Fang' });
    const en = await sheetOf(admin, 'en');
    expect(en.name).toBe('Alerts');
    expect(en.rows.find((r) => r['Alert id'] === 'goal-behind:G-1:2026-11-01')).toMatchObject({ Kind: 'Goal behind pace', Alert: 'Goal behind pace: Wang Fang November' });
    const viewer = await sheetOf(await t.token('viewer'), 'en');
    expect(viewer.rows.map((r) => String(r['Alert id']).split(':')[0]).sort()).toEqual(['action-item-overdue', 'goal-behind', 'milestone-overdue']);
  });

  it('marks a goal with the alert raised about its pace as it stands, for every reader of the goal, until it recovers', async () => {
    const open = { alertId: 'goal-behind:G-1:2026-11-01', kind: 'goal-behind', at: '2026-11-01T00:00:00+08:00', raisedAt: expect.any(String) };
    const one = async (token: string, query = '') => ((await (await t.get(`/api/goals/G-1${query}`, token)).json()) as { openAlert: unknown }).openAlert;
    expect(await one(admin)).toEqual(open);
    expect(await one(await t.token('viewer'))).toEqual(open);
    const goals = (await (await t.get('/api/goals?owner=rep:R-1&period=2026-11', admin)).json()) as { goals: { goalId: string; openAlert: unknown }[] };
    expect(goals.goals.find((g) => g.goalId === 'G-1')!.openAlert).toEqual(open);
    // a goal that recovered has no open alert, though the alert stays in the list
    await send('RecordSale', { orderId: 'O-BIG', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 10_000_000 }], occurredAt: NOW });
    expect(await one(admin)).toBeNull();
    expect((await list(admin, '?owner=rep:R-1')).map((a) => a.alertId)).toContain(open.alertId);
  });

  it('raises the next day what falls due then, and not what was raised already', async () => {
    t.setNow('2026-12-21T09:00:00+08:00');
    admin = await t.token('admin');
    const next = await t.alerts.tick();
    const ids = (await list(admin, `?since=${encodeURIComponent('2026-12-21T00:00:00+08:00')}`)).map((a) => a.alertId);
    expect(ids).toContain('milestone-overdue:SP-1/MS-2:2026-12-20');
    expect(ids).toContain('deal-overdue:D-2:2026-11-28');
    expect(ids).not.toContain('deal-overdue:D-1:2026-11-20');
    expect(next).toBe(ids.length);
  });
});
