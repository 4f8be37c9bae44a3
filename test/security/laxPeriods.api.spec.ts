// Periods have four-digit years 1900–2999 on every command and query (SPEC §5a), and a log written
// by an older, laxer version — a goal for period 1000, a payout approved for 0999-01, a sale in the
// year 1000 — never makes a query fail: such events are left out of every figure and the answer
// says so in `warnings`. The lax events are appended straight to the store, past the engine, as an
// older version would have written them; then every GET route of /openapi.json is asked, for
// every role, live and as of a past moment, and after a restart: no answer is a 500.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../core/shared/command';
import { ROLES } from '../../core/shared/command';
import type { StoredEvent } from '../../core/shared/envelope';
import { MemoryStore } from '../../server/store/memory';
import { PLAN } from '../api/payoutsSupport';
import { seedCompany, testTally, type TestTally } from '../support/app';

// Years the scratch run uses (valid today), and the lax years they are rewritten to.
const LAX: Record<string, string> = { '2998': '1000', '2997': '0999', '2996': '1000', '2995': '1000', '2994': '0001', '2993': '0999' };
const laxText = (s: string) => s.replace(/^(299[3-8])/, (y) => LAX[y]);
const lax = (v: unknown): unknown =>
  typeof v === 'string' ? laxText(v) : Array.isArray(v) ? v.map(lax) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, lax(x)])) : v;

const SALE_AT = '2997-01-05T10:00:00+08:00';
const SCRATCH_NOW = '2999-06-30T12:00:00+08:00';
const CONTEST_STARTED_AT = '2997-01-02T10:00:00+08:00';
// The valid events are recorded at the test clock's 2026-11-27T02:00Z, the lax ones a day later.
const LAX_RECORDED_AT = '2026-11-28T00:00:00.000Z';
const BEFORE_LAX = '2026-11-27T12:00:00Z';
const AFTER_LAX = '2026-11-28T12:00:00Z';

/** Everything that carries a period, a date or a business time, in the scratch years. */
const scenario = (statementHash?: string, lineId?: string): [string, Record<string, unknown>][] => [
  ['RecordSale', { orderId: 'O-L1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 3_000_000 }], occurredAt: SALE_AT }],
  ['SetGoal', { goalId: 'G-Y', title: 'Year 1000', owner: 'company', metric: 'revenue', period: '2998', target: 100 }],
  ['SetGoal', { goalId: 'G-M', title: 'Month 0999-01', owner: 'rep:R-1', metric: 'revenue', period: '2997-01', target: { growth: 0.1, over: '2997-01' } }],
  ['SetGoal', { goalId: 'G-Q', title: 'Quarter 1000-Q1', owner: 'team:T-1', metric: 'revenue', period: '2996-Q1', target: 300 }],
  ['DecomposeGoal', { goalId: 'G-Q', into: 'month', method: 'seasonal' }],
  ['SetGoal', { goalId: 'G-W', title: 'Week 1000-W01', owner: 'rep:R-2', metric: 'units', period: '2995-W01', target: 5 }],
  ['SetGoal', { goalId: 'G-1', title: 'Year 0001', owner: 'team:T-2', metric: 'orders', period: '2994', target: 12 }],
  ['DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'even' }],
  ['SetGoal', { goalId: 'G-9', title: 'Year 0999', owner: 'rep:R-3', metric: 'revenue', period: '2993', target: 9 }],
  ['CascadeGoal', { goalId: 'G-Y', owners: ['team:T-1', 'team:T-2'], method: 'even' }],
  ['ReviseGoal', { goalId: 'G-Y', target: 200, reason: 'lax' }],
  ['DraftSalesPlan', { salesPlanId: 'SP-L', title: 'Plan 1000-Q1', period: '2996-Q1', owner: 'team:T-1', strategy: 'old', goalIds: ['G-Q'] }],
  ['AddMilestone', { salesPlanId: 'SP-L', milestoneId: 'MS-L', title: 'Kick-off', due: '2996-02-01' }],
  ['HoldMeeting', { meetingId: 'MT-L', kind: 'monthly-review', occurredAt: '2997-02-01T10:00:00+08:00', attendees: ['R-1'], period: '2997-01', teamId: 'T-1' }],
  ['AddActionItem', { actionId: 'A-L', title: 'Follow up', due: '2997-02-10', source: 'MT-L', ownerRepId: 'R-1' }],
  ['CompleteActionItem', { actionId: 'A-L', occurredAt: '2997-02-05T10:00:00+08:00' }],
  ['RecordLesson', { lessonId: 'L-L', period: '2996-Q1', kind: 'keep', text: 'old lesson', teamId: 'T-1' }],
  ['DefineScorecard', { scorecardId: 'SC-L', title: 'Monthly', period: 'month', kpis: [{ kpiId: 'rev', metric: 'revenue', target: 1000, weight: 1 }], effectiveFrom: '2996-01-01' }],
  ['RecordAppraisal', { appraisalId: 'AP-L', repId: 'R-1', period: '2997-01', scorecardId: 'SC-L', rating: 3, comments: 'fine' }],
  ['StartContest', { contestId: 'CT-L', title: 'Old contest', metric: 'revenue', from: '2997-01-01', to: '2997-01-31', rankBy: 'growth', prizes: [{ rank: 1, prize: 'cup' }] }],
  ['ScheduleTraining', { trainingId: 'TR-L', title: 'Old', topic: 'CRM', date: '2997-01-10', repIds: ['R-1'] }],
  ['RecordTrainingAttendance', { trainingId: 'TR-L', repId: 'R-1', occurredAt: '2997-01-10T10:00:00+08:00', score: 80 }],
  ['OpenDeal', { dealId: 'D-L', customerId: 'C-1', repId: 'R-1', amount: 100, stage: 'Proposal', expectedCloseAt: '2997-03-01' }],
  ...(statementHash ? ([['ApprovePayout', { repId: 'R-1', period: '2997-01', statementHash }]] as [string, Record<string, unknown>][]) : []),
  ...(lineId ? ([['OpenDispute', { disputeId: 'DS-L', repId: 'R-1', period: '2997-01', lineId, reason: 'wrong', text: 'old dispute' }]] as [string, Record<string, unknown>][]) : []),
];

/** A company every run starts from: seedCompany, the incentive plan, pipeline stages. */
const company = async (t: TestTally) => {
  const admin = await seedCompany(t);
  for (const [type, data] of [
    ['PublishIncentivePlan', PLAN],
    ['SetPipelineStages', { stages: [{ stage: 'Proposal', probability: '0.5' }] }],
  ] as const)
    expect((await t.post(type, data, admin)).status, type).toBe(201);
  return admin;
};

/** The scenario's events as the scratch run appended them, with every scratch year made lax. */
const laxEvents = async (): Promise<StoredEvent[]> => {
  const scratch = await testTally({ now: SCRATCH_NOW });
  const admin = await company(scratch);
  const from = scratch.deps.projections.position;
  const post = async (type: string, data: unknown) => {
    // a contest is started while its window runs (an ended one is refused), so its clock goes back there
    const startedAt = type === 'StartContest' ? CONTEST_STARTED_AT : undefined;
    if (startedAt) scratch.setNow(startedAt);
    const r = await scratch.post(type, data, startedAt ? await scratch.token('admin') : admin);
    if (startedAt) scratch.setNow(SCRATCH_NOW);
    expect(r.status, `${type}: ${r.status === 201 ? '' : await r.text()}`).toBe(201);
  };
  const first = scenario();
  for (const [type, data] of first) await post(type, data);
  const statement = await (await scratch.get('/api/payouts/R-1?period=2997-01', admin)).json();
  for (const [type, data] of scenario(statement.statementHash, statement.lines[0].lineId).slice(first.length)) await post(type, data);
  const events = await scratch.deps.store.readAll({ after: from });
  await scratch.close();
  return events.map((e) => ({ ...e, data: lax(e.data), occurredAt: laxText(e.occurredAt), recordedAt: LAX_RECORDED_AT }));
};

/** Append events as another version would have: straight to the store, one append per command. */
const appendPastTheEngine = async (store: MemoryStore, events: readonly StoredEvent[]) => {
  const byCommand = new Map<string, StoredEvent[]>();
  for (const e of events) byCommand.set(e.meta.commandId, [...(byCommand.get(e.meta.commandId) ?? []), e]);
  for (const group of byCommand.values()) {
    const [r] = await store.appendMany([
      { stream: group[0].stream, expected: 'any', events: group.map(({ type, data, occurredAt, recordedAt, meta }) => ({ type, data, occurredAt, recordedAt, meta })) },
    ]);
    expect(r.kind).toBe('ok');
  }
};

// Values for path and query parameters; each route is asked once per value of a parameter it has.
const PATH: Record<string, string[]> = {
  goalId: ['G-Y', 'G-Q.1000-01', 'G-V'],
  repId: ['R-1'],
  customerId: ['C-1'],
  salesPlanId: ['SP-L', 'SP-V'],
  trainingId: ['TR-L'],
  contestId: ['CT-L', 'CT-V'],
  scorecardId: ['SC-L'],
  actionId: ['A-L'],
  period: ['2026-07', '2026-Q3', '2026', '1900', '1900-01', '1900-Q1'],
};
const QUERY: Record<string, string[]> = {
  period: ['2026-07', '2026', '2026-Q1', '2026-W27', '2026-07-15', '1900', '1900-01', '1900-W01'],
  by: ['rep', 'team', 'month', 'week', 'day', 'region', 'product', 'tier'],
  rankBy: ['value', 'attainment', 'growth'],
  metric: ['revenue'],
  from: ['2026-07-01'],
  to: ['2026-07-31'],
};

/** Every GET of the OpenAPI document as concrete URLs: one per value of each parameter it names. */
const urlsOf = (doc: { paths: Record<string, Record<string, { parameters?: { name: string; in: string }[] }>> }): string[] => {
  const urls: string[] = [];
  for (const [path, ops] of Object.entries(doc.paths)) {
    const op = ops.get;
    if (!op || !path.startsWith('/api/') || path === '/api/stream') continue;
    const params = op.parameters ?? [];
    const pathNames = params.filter((p) => p.in === 'path').map((p) => p.name);
    const queryNames = params.filter((p) => p.in === 'query' && QUERY[p.name]).map((p) => p.name);
    const varying = [...pathNames.map((n) => ['path', n] as const), ...queryNames.map((n) => ['query', n] as const)];
    const build = (choice: Record<string, string>) => {
      const p = path.replace(/\{(\w+)\}/g, (_, n: string) => encodeURIComponent(choice[n] ?? PATH[n]?.[0] ?? 'X-1'));
      const q = new URLSearchParams(queryNames.map((n) => [n, choice[n] ?? QUERY[n][0]]));
      // compare needs two recorded moments: before the lax events and now
      if (path.endsWith('/compare')) (q.set('from', BEFORE_LAX), q.set('to', AFTER_LAX));
      return q.size ? `${p}?${q}` : p;
    };
    urls.push(build({}));
    for (const [where, n] of varying) for (const v of (where === 'path' ? PATH[n] : QUERY[n]) ?? []) urls.push(build({ [n]: v }));
  }
  return [...new Set(urls)];
};

describe('a log with periods an older version let through', () => {
  let t: TestTally;
  let store: MemoryStore;
  let urls: string[];
  const tokens = {} as Record<Role, string>;
  let laxFrom = 0;

  beforeAll(async () => {
    const events = await laxEvents();
    store = new MemoryStore();
    const live = await testTally({ store, env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await company(live);
    // valid figures beside the lax ones: a July sale, a goal and a contest of 2026 still running on the clock's 2026-11-27
    for (const [type, data] of [
      ['RecordSale', { orderId: 'O-V1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 500_000 }], occurredAt: '2026-07-02T10:00:00+08:00' }],
      ['SetGoal', { goalId: 'G-V', title: 'July', owner: 'rep:R-1', metric: 'revenue', period: '2026-07', target: 1_000_000 }],
      ['DraftSalesPlan', { salesPlanId: 'SP-V', title: 'Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 'grow' }],
      ['StartContest', { contestId: 'CT-V', title: 'Second half', metric: 'revenue', from: '2026-07-01', to: '2026-12-31', rankBy: 'growth', prizes: [{ rank: 1, prize: 'cup' }] }],
    ] as const)
      expect((await live.post(type, data, admin)).status, type).toBe(201);
    laxFrom = live.deps.projections.position + 1;
    await appendPastTheEngine(store, events);
    await live.close();
    // a restart folds the whole log again, lax events included
    t = await testTally({ store, now: '2026-11-29T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    for (const role of ROLES) tokens[role] = await t.token(role, ...(role === 'manager' ? ['M-1', 'T-1'] : role === 'rep' ? ['R-1'] : []));
    urls = urlsOf(await (await t.app.request('/openapi.json')).json());
  });

  it('answers every GET route of /openapi.json for every role, live and as of a past moment, never with a 500', async () => {
    expect(urls.length).toBeGreaterThan(60);
    const failures: string[] = [];
    for (const url of urls)
      for (const asOf of ['', BEFORE_LAX, AFTER_LAX])
        for (const role of ROLES) {
          const full = asOf ? `${url}${url.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}` : url;
          const r = await t.get(full, tokens[role]);
          if (r.status >= 500) failures.push(`${role} GET ${full} → ${r.status} ${await r.text()}`);
          else await r.body?.cancel();
        }
    expect(failures).toEqual([]);
  });

  it('leaves the lax events out of the figures and says so', async () => {
    const admin = tokens.admin;
    const goals = await (await t.get('/api/goals', admin)).json();
    // only the valid goal: G-Y, G-M, G-Q (and its months), G-W, G-1 (and its quarters), G-9 name years 0001, 0999 or 1000
    expect(goals.goals.map((g: { goalId: string }) => g.goalId)).toEqual(['G-V']);
    expect(goals.warnings.join(' ')).toMatch(/left out .* outside 1900–2999/);
    expect(goals.warnings.join(' ')).toContain(`${laxFrom}`);
    // the July leaderboard has the valid sale only (500,000 fen); the lax sale of 0999-01-05 is in no period
    const board = await (await t.get('/api/leaderboard?period=2026-07', admin)).json();
    expect(board.entries.find((e: { repId: string }) => e.repId === 'R-1').value).toBe(500_000);
    // asked as of a moment before the lax events were appended, nothing is left out, so nothing is said
    const before = await (await t.get(`/api/goals?asOf=${encodeURIComponent(BEFORE_LAX)}`, admin)).json();
    expect(before.warnings).toBeUndefined();
  });

  it('answers commands on what the lax events recorded without a 500', async () => {
    const admin = tokens.admin;
    const statuses: string[] = [];
    for (const [type, data] of [
      ['ReviseGoal', { goalId: 'G-Y', target: 300, reason: 'again' }],
      ['DecomposeGoal', { goalId: 'G-9', into: 'month', method: 'seasonal' }],
      ['DecomposeGoal', { goalId: 'G-W', into: 'month', method: 'even' }],
      ['CascadeGoal', { goalId: 'G-1', owners: ['rep:R-3'], method: 'history' }],
      ['AllocateBudget', { salesPlanId: 'SP-L', category: 'travel', amount: 100 }],
      ['CompleteMilestone', { salesPlanId: 'SP-L', milestoneId: 'MS-L', occurredAt: '2026-07-01T10:00:00+08:00' }],
      ['AcknowledgeAppraisal', { appraisalId: 'AP-L', occurredAt: '2026-07-01T10:00:00+08:00' }],
      ['ResolveDispute', { disputeId: 'DS-L', outcome: 'rejected', note: 'old' }],
      ['RefundSale', { orderId: 'O-L1', amount: 100, occurredAt: '2026-07-01T10:00:00+08:00', reason: 'old' }],
      ['WinDeal', { dealId: 'D-L', occurredAt: '2026-07-01T10:00:00+08:00' }],
      ['RecordTrainingAttendance', { trainingId: 'TR-L', repId: 'R-1', occurredAt: '2026-07-01T10:00:00+08:00' }],
    ] as const) {
      const r = await t.post(type, data, admin);
      statuses.push(`${type} ${r.status < 500 ? 'answered' : `${r.status} ${await r.text()}`}`);
    }
    expect(statuses.filter((s) => !s.endsWith('answered'))).toEqual([]);
    // and every query still answers after them
    expect((await t.get('/api/goals', admin)).status).toBe(200);
  });

  it('refuses those periods on commands and queries with a 400 naming the field', async () => {
    const admin = tokens.admin;
    for (const period of ['1000', '0999', '0001', '0999-01', '1000-Q1', '1000-W01', '1899-12', '3000', '3000-01-01']) {
      const r = await t.post('SetGoal', { goalId: `G-${period}`, title: 'lax', owner: 'company', metric: 'revenue', period, target: 1 }, admin);
      expect(r.status, period).toBe(400);
      expect((await r.json()).errors.map((e: { path: string }) => e.path)).toEqual(['data.period']);
      const q = await t.get(`/api/leaderboard?period=${period}`, admin);
      expect(q.status, period).toBe(400);
      expect((await q.json()).detail).toContain('period');
    }
    const review = await t.get('/api/reviews/1000-Q1', admin);
    expect(review.status).toBe(400);
    const over = await t.post('SetGoal', { goalId: 'G-over', title: 'lax', owner: 'company', metric: 'revenue', period: '2026', target: { growth: 0.1, over: '0999' } }, admin);
    expect((await over.json()).errors.map((e: { path: string }) => e.path)).toContain('data.target.over');
  });
});
