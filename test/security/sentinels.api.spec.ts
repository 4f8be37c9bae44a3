// What each role may read (SPEC §5a), proved from the outside: distinctive values are seeded into
// every restricted class of data — customers, orders, deals, complaints, contacts (customer); scores,
// appraisals, disputes, payout amounts (pay); meeting notes, decisions, action outcomes (notes) —
// for reps in two teams. Then every GET route of /openapi.json (so a route added later is covered
// without touching this file), for every role, with and without asOf, and the live stream must not
// answer with a value of a class the role may not read about whom it is about. An admin must see
// every value somewhere, so a sentinel that never reaches any answer cannot pass for a redaction.
import { beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import type { Role } from '../../core/shared/command';
import { XLSX_TYPE } from '../../server/documents/workbook';
import { testTally, type TestTally } from '../support/app';

// T-1 (manager M-1); T-2 (manager M-2): R-3.
const TEAM_OF: Record<string, string> = { 'R-1': 'T-1', 'R-2': 'T-1', 'R-3': 'T-2' };
const REPS = Object.keys(TEAM_OF);
const tag = (rep: string) => rep.replace('-', '');

// One sale a rep in November, against a monthly scorecard of one KPI, revenue, target 10,000,000
// (points = 1 × 100 × actual / target, to 2 decimals) and a plan paying 7.13 % on every fen:
//   R-1 3,721,300 → score 37.213 → 37.21; commission 3,721,300 × 0.0713 = 265,328.69 → 265,329
//   R-2 5,863,700 → score 58.637 → 58.64; commission 5,863,700 × 0.0713 = 418,081.81 → 418,082
//   R-3 8,147,100 → score 81.471 → 81.47; commission 8,147,100 × 0.0713 = 580,888.23 → 580,888
const SALE: Record<string, number> = { 'R-1': 3_721_300, 'R-2': 5_863_700, 'R-3': 8_147_100 };
const SCORE: Record<string, number> = { 'R-1': 37.21, 'R-2': 58.64, 'R-3': 81.47 };
const PAYOUT: Record<string, number> = { 'R-1': 265_329, 'R-2': 418_082, 'R-3': 580_888 };

type Restricted = 'customer' | 'pay' | 'notes';
interface Sentinel {
  readonly value: string | number;
  readonly cls: Restricted;
  /** whose it is: a rep (customer and pay data, an action item's outcome) or only a team (a team's meeting) */
  readonly rep?: string;
  readonly team: string;
}

const SENTINELS: Sentinel[] = [
  ...REPS.flatMap((rep): Sentinel[] => {
    const k = tag(rep);
    const team = TEAM_OF[rep];
    const of = (cls: Restricted, values: (string | number)[]) => values.map((value) => ({ value, cls, rep, team }));
    return [
      ...of('customer', [`CQX-${k}`, `ZQname-${k}`, `ZQcontact-${k}`, `ZQnote-${k}`, `OQX-${k}`, `DQX-${k}`, `ZQdeal-${k}`, `ZQcomplaint-${k}`]),
      ...of('pay', [`AQX-${k}`, `ZQappraisal-${k}`, `ZQdispute-${k}`, SCORE[rep], PAYOUT[rep]]),
      ...of('notes', [`ZQoutcome-${k}`]),
    ];
  }),
  // the company's meeting (it names no team) counts as team 'company'
  ...['T-1', 'T-2', 'company'].flatMap((team): Sentinel[] => [`ZQnotes-${tag(team)}`, `ZQdecision-${tag(team)}`].map((value) => ({ value, cls: 'notes', team }))),
];

interface Caller {
  readonly role: Role;
  readonly sub: string;
  readonly team?: string;
  /** §5a, written out for this test's company */
  readonly mayRead: (s: Sentinel) => boolean;
  /** raw events (an answer's event lists, stream names): an admin all, a manager its team's, a rep or viewer none */
  readonly rawEvents: boolean;
}

const CALLERS: Caller[] = [
  { role: 'admin', sub: 'admin', mayRead: () => true, rawEvents: true },
  // own team: its reps' customers, pay and notes; the notes of the company's meetings, which managers hold with the admin
  { role: 'manager', sub: 'M-1', team: 'T-1', mayRead: (s) => s.team === 'T-1' || s.team === 'company', rawEvents: true },
  // itself: its own customers and pay; its own team's notes, not the company's meetings' (§5a: own team)
  { role: 'rep', sub: 'R-1', mayRead: (s) => (s.cls === 'notes' ? s.team === 'T-1' : s.rep === 'R-1'), rawEvents: false },
  // company-wide figures and team work without notes: none of these classes
  { role: 'viewer', sub: 'portal', mayRead: () => false, rawEvents: false },
];

/** Where the sentinel must show up for the caller somewhere (not only may): what proves the answers are not simply empty. */
const mustSee = (c: Caller, s: Sentinel): boolean => {
  if (c.role === 'admin') return true;
  if (c.role === 'manager') return c.mayRead(s);
  // its own customers, pay and action item; not what only raw events carry (an order id, a contact's
  // note), nor its team's meetings (reviews are not a rep's)
  if (c.role === 'rep') return s.rep === 'R-1' && !/^(OQX|ZQnote)-/.test(String(s.value));
  return false;
};

const numberPattern = (n: number) => new RegExp(`(?<![\\d.])${String(n).replace('.', '\\.')}(?![\\d])`);
const found = (text: string, s: Sentinel) => (typeof s.value === 'number' ? numberPattern(s.value).test(text) : text.includes(s.value));

// ---------- the company ----------

const NOV = (day: number, hour = 10) => `2026-11-${String(day).padStart(2, '0')}T${String(hour).padStart(2, '0')}:00:00+08:00`;

const seed = async (t: TestTally) => {
  const admin = await t.token('admin');
  const send = async (type: string, data: Record<string, unknown>, token = admin) => {
    const r = await t.post(type, data, token);
    if (r.status !== 201) throw new Error(`${type} ${JSON.stringify(data)}: ${r.status} ${await r.text()}`);
    return (await r.json()) as { events: { data: Record<string, unknown> }[] };
  };
  await send('CreateTeam', { teamId: 'T-1', name: 'East', managerId: 'M-1' });
  await send('CreateTeam', { teamId: 'T-2', name: 'North', managerId: 'M-2' });
  for (const rep of REPS) await send('AddRep', { repId: rep, name: `Rep ${tag(rep)}`, teamId: TEAM_OF[rep], joinedAt: '2025-01-01' });
  await send('SetPipelineStages', { stages: [{ stage: 'Proposal', probability: '0.5' }] });
  await send('DefineScorecard', { scorecardId: 'SC-1', title: 'Monthly', period: 'month', kpis: [{ kpiId: 'rev', metric: 'revenue', target: 10_000_000, weight: '1' }] });
  await send('PublishIncentivePlan', {
    planId: 'P-1', version: 1, name: 'Field 2026', effectiveFrom: '2026-01-01', period: 'month', measure: 'revenue',
    quota: { amount: 10_000_000 }, commission: { tiers: [{ from: '0', rate: '0.0713' }] },
  });
  await send('SetGoal', { goalId: 'G-CO', title: 'November', owner: 'company', metric: 'revenue', period: '2026-11', target: 30_000_000 });
  await send('StartContest', { contestId: 'CT-1', title: 'November sprint', metric: 'revenue', from: '2026-11-01', to: '2026-11-30', rankBy: 'value', prizes: [{ rank: 1, prize: 'Trip' }] });
  await send('ScheduleTraining', { trainingId: 'TR-1', title: 'Negotiation', topic: 'deals', date: '2026-11-05', repIds: ['R-1', 'R-3'] });
  for (const team of ['T-1', 'T-2']) {
    const k = tag(team);
    await send('DraftSalesPlan', { salesPlanId: `SP-${k}`, title: `Plan ${k}`, period: '2026-Q4', owner: `team:${team}`, strategy: 'Focus on renewals' });
    await send('AllocateBudget', { salesPlanId: `SP-${k}`, category: 'travel', amount: 100_000 });
    const attendees = [team === 'T-1' ? 'M-1' : 'M-2', ...REPS.filter((r) => TEAM_OF[r] === team)];
    await send('HoldMeeting', { meetingId: `MQX-${k}`, kind: 'monthly-review', occurredAt: NOV(26), attendees, period: '2026-11', notes: `ZQnotes-${k}`, decisions: [`ZQdecision-${k}`], teamId: team });
    await send('RecordLesson', { lessonId: `L-${k}`, period: '2026-11', kind: 'keep', text: 'Weekly pipeline review', teamId: team, meetingId: `MQX-${k}` });
  }
  await send('HoldMeeting', { meetingId: 'MQX-CO', kind: 'monthly-review', occurredAt: NOV(26, 9), attendees: ['M-1', 'M-2'], period: '2026-11', notes: 'ZQnotes-company', decisions: ['ZQdecision-company'] });
  for (const rep of REPS) {
    const k = tag(rep);
    const customerId = `CQX-${k}`;
    await send('SetGoal', { goalId: `G-${k}`, title: `November ${k}`, owner: `rep:${rep}`, metric: 'revenue', period: '2026-11', target: 10_000_000 });
    await send('RegisterCustomer', { customerId, name: `ZQname-${k}`, ownerRepId: rep, region: 'East', birthday: '12-05', contacts: [{ name: `ZQcontact-${k}`, phone: '+86 21 5555 0100' }] });
    await send('RecordSale', { orderId: `OQX-${k}`, customerId, repId: rep, lines: [{ product: 'CRM', units: 1, amount: SALE[rep] }], occurredAt: NOV(10) });
    await send('OpenDeal', { dealId: `DQX-${k}`, customerId, repId: rep, amount: 1_000_000, stage: 'Proposal', expectedCloseAt: '2026-11-20', title: `ZQdeal-${k}` });
    await send('RecordFeedback', { feedbackId: `FQX-${k}`, customerId, kind: 'complaint', text: `ZQcomplaint-${k}`, occurredAt: NOV(12) });
    await send('LogCustomerContact', { customerId, contactId: `KQX-${k}`, repId: rep, kind: 'call', occurredAt: NOV(13), note: `ZQnote-${k}` });
    await send('RecordAppraisal', { appraisalId: `AQX-${k}`, repId: rep, period: '2026-11', scorecardId: 'SC-1', rating: 4, comments: `ZQappraisal-${k}` });
    await send('AddActionItem', { actionId: `IQX-${k}`, title: `Follow up ${k}`, due: '2026-11-20', ownerRepId: rep, source: `MQX-${tag(TEAM_OF[rep])}` });
    await send('CompleteActionItem', { actionId: `IQX-${k}`, occurredAt: NOV(25), outcome: `ZQoutcome-${k}` });
    await send('AwardBadge', { badgeId: `B-${k}`, repId: rep, title: 'Closer', reason: 'First November sale', occurredAt: NOV(11) });
    if (rep !== 'R-2') await send('RecordTrainingAttendance', { trainingId: 'TR-1', repId: rep, occurredAt: NOV(5) });
    const statement = (await (await t.get(`/api/payouts/${rep}?period=2026-11`, admin)).json()) as { total: number; lines: { lineId: string }[] };
    expect(statement.total, `${rep}'s payout`).toBe(PAYOUT[rep]);
    await send('OpenDispute', { disputeId: `UQX-${k}`, repId: rep, period: '2026-11', lineId: statement.lines[0].lineId, reason: 'rate', text: `ZQdispute-${k}` });
  }
  // the alerts due now carry deal titles, customer names and appraisal scores: /api/alerts must scope them
  expect(await t.alerts.tick()).toBeGreaterThanOrEqual(REPS.length * 2);
};

// ---------- the requests, generated from the route table ----------

const PATH_VALUES: Record<string, string[]> = {
  customerId: REPS.map((r) => `CQX-${tag(r)}`),
  goalId: ['G-CO', 'G-R1', 'G-R3'],
  salesPlanId: ['SP-T1', 'SP-T2'],
  trainingId: ['TR-1'],
  period: ['2026-11', '2026-Q4'],
  actionId: REPS.map((r) => `IQX-${tag(r)}`),
  scorecardId: ['SC-1'],
  repId: REPS,
  contestId: ['CT-1'],
  webhookId: ['WH-NONE'],
  campaignId: ['CA-NONE'],
};

/** Each query parameter's values: the first is sent on every request, each other one in a request of its own. */
const QUERY_VALUES: Record<string, (string | undefined)[]> = {
  period: ['2026-11'],
  owner: [undefined, 'company', 'team:T-1', 'team:T-2', 'rep:R-1', 'rep:R-2', 'rep:R-3'],
  team: [undefined, 'T-1', 'T-2'],
  rep: [undefined, 'R-1', 'R-2', 'R-3'],
  by: ['rep', 'team', 'region', 'product', 'tier', 'day'],
  rankBy: [undefined, 'attainment', 'growth', 'score'],
  scorecard: ['SC-1'],
  status: [undefined, 'open', 'done', 'overdue'],
  meeting: [undefined, 'MQX-T1', 'MQX-T2'],
  salesPlanId: [undefined, 'SP-T1', 'SP-T2'],
  stream: [undefined, 'tally-order-OQX-R3'],
  tier: [undefined, 'regular', 'potential', 'high-value'],
  flagAfterDays: [undefined, '0'],
  since: [undefined, NOV(27, 0)],
  ...Object.fromEntries(['at', 'metric', 'limit', 'offset', 'series', 'lang', 'kind', 'tag', 'days', 'after', 'v'].map((q) => [q, [undefined]])),
};

/** Parameters whose meaning differs by route. */
const ROUTE_QUERY_VALUES: Record<string, Record<string, (string | undefined)[]>> = {
  '/api/reviews/:period/compare': { from: ['2026-01-01T00:00:00+08:00'], to: ['2026-12-31T00:00:00+08:00'] },
  '/api/care': { from: ['2026-11-01'], to: ['2026-12-31'] },
  '/api/insights': { from: [undefined], to: [undefined] },
};

const AS_OF = NOV(27, 10);

interface Probe {
  readonly route: string;
  readonly url: string;
}

const probesFor = (path: string, query: readonly string[]): Probe[] => {
  const params = [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]);
  let paths = [path];
  for (const p of params) {
    const values = PATH_VALUES[p];
    if (!values) throw new Error(`no values for path parameter ${p} of ${path}: add them to PATH_VALUES`);
    paths = paths.flatMap((x) => values.map((v) => x.replace(`:${p}`, encodeURIComponent(v))));
  }
  const valuesOf = (q: string) => {
    const values = ROUTE_QUERY_VALUES[path]?.[q] ?? QUERY_VALUES[q];
    if (!values) throw new Error(`no values for query parameter ${q} of ${path}: add them to QUERY_VALUES`);
    return values;
  };
  const base = Object.fromEntries(query.map((q) => [q, valuesOf(q)[0]]));
  const variants = [base, ...query.flatMap((q) => valuesOf(q).slice(1).map((v) => ({ ...base, [q]: v })))];
  return paths.flatMap((p) =>
    variants.flatMap((v) =>
      [undefined, AS_OF].map((asOf) => {
        const qs = new URLSearchParams(Object.entries({ ...v, asOf }).filter((e): e is [string, string] => e[1] !== undefined)).toString();
        return { route: path, url: qs ? `${p}?${qs}` : p };
      }),
    ),
  );
};

/**
 * What an answer shows, as text: a workbook's cells one a line, each number also in minor units
 * (a money cell holds 2653.29 for the JSON's 265329), so a workbook is audited as its JSON is.
 */
const shown = async (r: Response): Promise<string> => {
  if (r.headers.get('content-type') !== XLSX_TYPE) return r.text();
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(await r.arrayBuffer());
  const cells: string[] = [];
  book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(typeof cell.value === 'number' ? `${cell.value} ${Math.round(cell.value * 100)}` : String(cell.value)))));
  return cells.join('\n');
};

interface Answer {
  readonly url: string;
  readonly status: number;
  readonly text: string;
}

/** The values a caller was shown that it may not read, and the values it was shown at all. */
const audit = (caller: Caller, answers: readonly Answer[]) => {
  const leaks: string[] = [];
  const seen = new Set<Sentinel>();
  for (const a of answers) {
    // a stream name is only ever part of a raw event, in an answer or on the stream
    if (!caller.rawEvents && /"(stream|streams)":\[?"tally-/.test(a.text)) leaks.push(`${caller.role} ${a.url} → ${a.status} shows raw events`);
    for (const s of SENTINELS) {
      // a value the request itself named (a 404 echoing an id) is not a leak
      if (!found(a.text, s) || (typeof s.value === 'string' && decodeURIComponent(a.url).includes(s.value))) continue;
      seen.add(s);
      if (!caller.mayRead(s)) leaks.push(`${caller.role} ${a.url} → ${a.status} shows ${s.cls} ${s.value} (of ${s.rep ?? s.team})`);
    }
  }
  return { leaks, seen };
};

// ---------- the stream ----------

interface StreamMessage {
  position: number;
  types: string[];
  streams?: string[];
}

/** The messages of GET /api/stream from the start of the log up to `head` (missed batches are replayed first). */
const streamMessages = async (t: TestTally, token: string, head: number): Promise<{ messages: StreamMessage[]; text: string }> => {
  const r = await t.app.request('/api/stream?lastEventId=0', { headers: { authorization: `Bearer ${token}` } });
  expect(r.status).toBe(200);
  const reader = r.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const messages: StreamMessage[] = [];
  while (messages[messages.length - 1]?.position !== head) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
    const frames = text.split('\n\n');
    messages.length = 0;
    for (const f of frames) {
      const data = /^data: (.*)$/m.exec(f)?.[1];
      if (/^id: /m.test(f) && data) messages.push(JSON.parse(data));
    }
  }
  await reader.cancel();
  return { messages, text };
};

// ---------- the test ----------

describe('what each role reads (SPEC §5a), by sentinel values', () => {
  let t: TestTally;
  const tokens = new Map<Caller, string>();
  beforeAll(async () => {
    t = await testTally({ now: NOV(27, 10), env: { TALLY_RATE_LIMIT: '0' } });
    await seed(t);
    for (const c of CALLERS) tokens.set(c, await t.token(c.role, c.sub, c.team));
  }, 60_000);

  const gets = async () => {
    const doc = (await (await t.app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> };
    return Object.entries(doc.paths)
      .filter(([path, ops]) => path.startsWith('/api/') && ops.get && path !== '/api/stream')
      .map(([path, ops]) => ({
        path: path.replace(/\{([A-Za-z]+)\}/g, ':$1'),
        query: (ops.get.parameters ?? []).filter((p) => p.in === 'query' && p.name !== 'asOf').map((p) => p.name),
      }));
  };

  it.each(CALLERS.map((c) => [c.role, c] as const))('no GET route shows a %s a value it may not read, with or without asOf', async (_role, caller) => {
    const routes = await gets();
    expect(routes.length).toBeGreaterThan(25);
    const answers: Answer[] = [];
    const failures: string[] = [];
    for (const { path, query } of routes)
      for (const probe of probesFor(path, query)) {
        const r = await t.get(probe.url, tokens.get(caller)!);
        const text = await shown(r);
        if (r.status >= 500) failures.push(`${probe.url} → ${r.status} ${text}`);
        answers.push({ url: probe.url, status: r.status, text });
      }
    expect(failures).toEqual([]);
    const { leaks, seen } = audit(caller, answers);
    expect(leaks).toEqual([]);
    const unseen = SENTINELS.filter((s) => mustSee(caller, s) && !seen.has(s)).map((s) => `${s.cls} ${s.value}`);
    expect(unseen, `values a ${caller.role} may read but found nowhere`).toEqual([]);
  }, 120_000);

  it('an admin sees every value both live and as of a moment after it was recorded', async () => {
    const admin = CALLERS[0];
    for (const asOf of [false, true]) {
      const answers: Answer[] = [];
      for (const { path, query } of await gets())
        for (const probe of probesFor(path, query).filter((p) => p.url.includes('asOf=') === asOf)) {
          const r = await t.get(probe.url, tokens.get(admin)!);
          answers.push({ url: probe.url, status: r.status, text: await shown(r) });
        }
      expect(SENTINELS.filter((s) => !audit(admin, answers).seen.has(s)).map((s) => s.value), asOf ? 'with asOf' : 'live').toEqual([]);
    }
  }, 120_000);

  it('the live stream names streams only to whom may read their events: an admin all, a manager its team’s, a rep or viewer none', async () => {
    const head = t.deps.projections.position;
    for (const caller of CALLERS) {
      const { messages, text } = await streamMessages(t, tokens.get(caller)!, head);
      expect(messages.length, caller.role).toBeGreaterThan(REPS.length * 10);
      // every message still says what changed, so a widget knows what to fetch again
      for (const m of messages) expect(m.types.length).toBeGreaterThan(0);
      expect(audit(caller, [{ url: '/api/stream', status: 200, text }]).leaks).toEqual([]);
      const streams = new Set(messages.flatMap((m) => m.streams ?? []));
      if (caller.role === 'admin') expect([...streams]).toEqual(expect.arrayContaining(['tally-order-OQX-R1', 'tally-order-OQX-R3', 'tally-deal-DQX-R3', 'tally-meeting-MQX-T2']));
      if (caller.role === 'manager') {
        expect([...streams]).toEqual(expect.arrayContaining(['tally-order-OQX-R1', 'tally-order-OQX-R2', 'tally-deal-DQX-R2', 'tally-meeting-MQX-T1', 'tally-action-IQX-R2']));
        expect([...streams].filter((s) => /R3|T2/.test(s))).toEqual([]);
      }
      if (caller.role === 'rep' || caller.role === 'viewer') expect(streams.size).toBe(0);
    }
  }, 60_000);
});
