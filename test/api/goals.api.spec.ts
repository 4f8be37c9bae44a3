// GET /api/goals and /api/goals/:goalId over HTTP: GoalProgress per SPEC §4, as of a moment before
// and after a revision, role scoping of goal commands and reads, and bad input named by field and rule.
import { describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

const sale = (t: TestTally, token: string, orderId: string, repId: string, amount: number, occurredAt: string) =>
  t.post('RecordSale', { orderId, customerId: 'C-1', repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt }, token);

const expectCreated = async (r: Response) => {
  if (r.status !== 201) throw new Error(`expected 201, got ${r.status}: ${await r.text()}`);
  return r.json();
};

const setup = async (now = '2026-07-16T12:00:00+08:00') => {
  const t = await testTally({ now, env: { TALLY_RATE_LIMIT: '0' } });
  const admin = await seedCompany(t);
  return { t, admin };
};

describe('GET /api/goals/:goalId', () => {
  it('answers GoalProgress with every contract field, from the goal and the recorded sales', async () => {
    const { t, admin } = await setup();
    await expectCreated(await t.post('SetGoal', { goalId: 'G-R1-07', title: 'Wang, July', owner: 'rep:R-1', metric: 'revenue', period: '2026-07', target: 30_000, relevance: 'team plan' }, admin));
    await expectCreated(await sale(t, admin, 'O-1', 'R-1', 20_000, '2026-07-02T10:00:00+08:00'));
    await expectCreated(await sale(t, admin, 'O-2', 'R-1', 4_000, '2026-07-09T10:00:00+08:00'));
    const r = await t.get('/api/goals/G-R1-07', admin);
    expect(r.status).toBe(200);
    const g = await r.json();
    expect(Object.keys(g)).toEqual(expect.arrayContaining(['goalId', 'title', 'owner', 'metric', 'period', 'target', 'actual', 'attainment', 'expectedToDate', 'pace', 'forecast', 'smart', 'children']));
    expect(Object.keys(g.smart)).toEqual(['specific', 'measurable', 'achievable', 'relevant', 'timeBound', 'warnings']);
    // 24,000 of 30,000 is 80 %; at noon on 16 July 15.5 of 31 days have passed: 15,000 expected
    expect(g).toMatchObject({ goalId: 'G-R1-07', owner: 'rep:R-1', metric: 'revenue', period: '2026-07', target: 30_000, actual: 24_000, attainment: 0.8, expectedToDate: 15_000, pace: 'ahead', forecast: 48_000, children: [] });
    expect(g.series.at(-1)).toEqual({ date: '2026-07-16', actual: 24_000, expected: 15_000 });
    // `at` moves the business moment: at the end of the month the same figures are behind
    const late = await (await t.get(`/api/goals/G-R1-07?at=${encodeURIComponent('2026-08-01T00:00:00+08:00')}&series=0`, admin)).json();
    expect([late.expectedToDate, late.pace, late.forecast, late.series]).toEqual([30_000, 'behind', 24_000, undefined]);
  });

  it('resolves a growth target from the ledger and shows the target and its baseline', async () => {
    const { t, admin } = await setup();
    await expectCreated(await sale(t, admin, 'O-1', 'R-1', 5_000_000, '2025-05-02T10:00:00+08:00'));
    const set = await expectCreated(await t.post('SetGoal', { goalId: 'G-2026', title: 'Company 2026', owner: 'company', metric: 'revenue', period: '2026', target: { growth: 0.2, over: '2025' }, relevance: 'annual plan' }, admin));
    expect(set.events[0].data).toMatchObject({ target: 6_000_000, baseline: 5_000_000, targetSpec: { growth: '0.2', over: '2025' } });
    const g = await (await t.get('/api/goals/G-2026', admin)).json();
    expect([g.target, g.baseline, g.targetSpec]).toEqual([6_000_000, 5_000_000, { growth: '0.2', over: '2025' }]);
  });

  it('decomposes a year into quarters and a quarter into months, each child a goal with its own progress', async () => {
    const { t, admin } = await setup();
    await expectCreated(await t.post('SetGoal', { goalId: 'G', title: 'Company', owner: 'company', metric: 'revenue', period: '2026', target: 1_200_000, relevance: 'plan' }, admin));
    await expectCreated(await t.post('DecomposeGoal', { goalId: 'G', into: 'quarter', method: 'even' }, admin));
    await expectCreated(await t.post('DecomposeGoal', { goalId: 'G.2026-Q3', into: 'month', method: 'even' }, admin));
    const year = await (await t.get('/api/goals/G', admin)).json();
    expect(year.children).toEqual(['G.2026-Q1', 'G.2026-Q2', 'G.2026-Q3', 'G.2026-Q4']);
    const q3 = await (await t.get('/api/goals/G.2026-Q3', admin)).json();
    expect([q3.target, q3.parentGoalId, q3.children]).toEqual([300_000, 'G', ['G.2026-Q3.2026-07', 'G.2026-Q3.2026-08', 'G.2026-Q3.2026-09']]);
    const months = await (await t.get('/api/goals?owner=company&period=2026-08', admin)).json();
    expect(months.goals.map((x: { goalId: string; target: number }) => [x.goalId, x.target])).toEqual([['G.2026-Q3.2026-08', 100_000]]);
  });

  it('shows the old target as of a moment before a ReviseGoal and the new one after, with the reason', async () => {
    const setUp = await setup();
    const t = setUp.t;
    let admin = setUp.admin;
    await expectCreated(await t.post('SetGoal', { goalId: 'G-T1', title: 'East', owner: 'team:T-1', metric: 'revenue', period: '2026-Q3', target: 900_000 }, admin));
    t.setNow('2026-07-20T09:00:00+08:00');
    admin = await t.token('admin');
    await expectCreated(await t.post('ReviseGoal', { goalId: 'G-T1', target: 1_000_000, reason: 'a new channel partner' }, admin));
    const before = await (await t.get(`/api/goals/G-T1?asOf=${encodeURIComponent('2026-07-18T00:00:00+08:00')}`, admin)).json();
    expect([before.target, before.revisions]).toEqual([900_000, []]);
    const after = await (await t.get(`/api/goals/G-T1?asOf=${encodeURIComponent('2026-07-21T00:00:00+08:00')}`, admin)).json();
    expect(after.target).toBe(1_000_000);
    expect(after.revisions).toEqual([expect.objectContaining({ from: 900_000, to: 1_000_000, reason: 'a new channel partner', recordedAt: '2026-07-20T01:00:00.000Z' })]);
    // as of before the goal existed, it is unknown
    expect((await t.get(`/api/goals/G-T1?asOf=${encodeURIComponent('2026-07-01T00:00:00+08:00')}`, admin)).status).toBe(404);
  });

  it('lists goals by owner and period, and refuses a malformed owner or period naming the parameter', async () => {
    const { t, admin } = await setup();
    for (const [goalId, owner, period] of [['A', 'rep:R-1', '2026-07'], ['B', 'rep:R-1', '2026-08'], ['C', 'rep:R-2', '2026-07']])
      await expectCreated(await t.post('SetGoal', { goalId, title: goalId, owner, metric: 'revenue', period, target: 100 }, admin));
    const list = await (await t.get('/api/goals?owner=rep:R-1&period=2026-07', admin)).json();
    expect(list.goals.map((g: { goalId: string }) => g.goalId)).toEqual(['A']);
    expect((await (await t.get('/api/goals?period=2026-07', admin)).json()).goals.map((g: { goalId: string }) => g.goalId)).toEqual(['A', 'C']);
    const badOwner = await t.get('/api/goals?owner=region:East', admin);
    expect([badOwner.status, (await badOwner.json()).errors[0].path]).toEqual([400, 'owner']);
    const badPeriod = await t.get('/api/goals?period=2026-Q5', admin);
    expect([badPeriod.status, (await badPeriod.json()).errors[0].path]).toEqual([400, 'period']);
    expect((await t.get('/api/goals/NOPE', admin)).status).toBe(404);
  });
});

describe('goal commands and reads by role', () => {
  it('lets a rep set their own goal but not a team goal (403), and a manager only their own team', async () => {
    const { t, admin } = await setup();
    const rep = await t.token('rep', 'R-1');
    const manager = await t.token('manager', 'M-1', 'T-1');
    const goal = (goalId: string, owner: string) => ({ goalId, title: goalId, owner, metric: 'revenue', period: '2026-07', target: 100 });
    expect((await t.post('SetGoal', goal('TEAM', 'team:T-1'), rep)).status).toBe(403);
    expect((await t.post('SetGoal', goal('OTHER', 'rep:R-2'), rep)).status).toBe(403);
    expect((await t.post('SetGoal', goal('MINE', 'rep:R-1'), rep)).status).toBe(201);
    expect((await t.post('SetGoal', goal('T1', 'team:T-1'), manager)).status).toBe(201);
    expect((await t.post('SetGoal', goal('T2', 'team:T-2'), manager)).status).toBe(403);
    expect((await t.post('SetGoal', goal('R3', 'rep:R-3'), manager)).status).toBe(403);
    expect((await t.post('SetGoal', goal('CO', 'company'), manager)).status).toBe(403);
    expect((await t.post('SetGoal', goal('CO', 'company'), await t.token('viewer'))).status).toBe(403);
    await expectCreated(await t.post('SetGoal', goal('T2-ADMIN', 'team:T-2'), admin));
    expect((await t.post('ReviseGoal', { goalId: 'T2-ADMIN', target: 5, reason: 'x' }, manager)).status).toBe(403);
    expect((await t.post('DecomposeGoal', { goalId: 'T2-ADMIN', into: 'week', method: 'even' }, manager)).status).toBe(403);
    expect((await t.post('ReviseGoal', { goalId: 'MINE', target: 5, reason: 'lower please' }, rep)).status).toBe(403);
    // R-1 already has a July goal of their own, so only R-2 can take a share
    expect((await t.post('CascadeGoal', { goalId: 'T1', owners: ['rep:R-1', 'rep:R-2'], method: 'even' }, manager)).status).toBe(422);
    expect((await t.post('CascadeGoal', { goalId: 'T1', owners: ['rep:R-2'], method: 'even' }, manager)).status).toBe(201);
    expect((await t.post('ReviseGoal', { goalId: 'T1.rep:R-2', target: 60, reason: 'ramp-up' }, manager)).status).toBe(201);
  });

  it('scopes reads: a rep sees their own goals, a manager their team and its reps, a viewer every goal', async () => {
    const { t, admin } = await setup();
    for (const [goalId, owner] of [['CO', 'company'], ['T1', 'team:T-1'], ['T2', 'team:T-2'], ['R1', 'rep:R-1'], ['R2', 'rep:R-2'], ['R3', 'rep:R-3']])
      await expectCreated(await t.post('SetGoal', { goalId, title: goalId, owner, metric: 'revenue', period: '2026-07', target: 100 }, admin));
    const ids = async (token: string) => ((await (await t.get('/api/goals?period=2026-07', token)).json()).goals as { goalId: string }[]).map((g) => g.goalId);
    expect(await ids(await t.token('rep', 'R-1'))).toEqual(['R1']);
    expect(await ids(await t.token('manager', 'M-1', 'T-1'))).toEqual(['T1', 'R1', 'R2']);
    expect(await ids(await t.token('viewer'))).toEqual(['CO', 'T1', 'T2', 'R1', 'R2', 'R3']);
    expect((await t.get('/api/goals/R2', await t.token('rep', 'R-1'))).status).toBe(403);
    expect((await t.get('/api/goals?owner=rep:R-2', await t.token('rep', 'R-1'))).status).toBe(403);
    expect((await t.get('/api/goals/R3', await t.token('manager', 'M-1', 'T-1'))).status).toBe(403);
    expect((await t.get('/api/goals/R3', await t.token('viewer'))).status).toBe(200);
  });
});

describe('bad goal commands', () => {
  it('names the field and the rule: unknown period, week breakdown of a day goal, weights that do not match, negative target', async () => {
    const { t, admin } = await setup();
    const problem = async (r: Response) => ({ status: r.status, type: r.headers.get('content-type'), body: await r.json() });
    const unknownPeriod = await problem(await t.post('SetGoal', { goalId: 'G', title: 'x', owner: 'company', metric: 'revenue', period: '2026-W60', target: 1 }, admin));
    expect([unknownPeriod.status, unknownPeriod.type, unknownPeriod.body.errors[0].path]).toEqual([400, 'application/problem+json', 'data.period']);
    const negative = await problem(await t.post('SetGoal', { goalId: 'G', title: 'x', owner: 'company', metric: 'revenue', period: '2026', target: -100 }, admin));
    expect([negative.status, negative.body.errors.map((e: { path: string }) => e.path)]).toEqual([400, expect.arrayContaining(['data.target'])]);
    await expectCreated(await t.post('SetGoal', { goalId: 'DAY', title: 'x', owner: 'company', metric: 'revenue', period: '2026-07-15', target: 10 }, admin));
    const weekOfDay = await problem(await t.post('DecomposeGoal', { goalId: 'DAY', into: 'week', method: 'even' }, admin));
    expect([weekOfDay.status, weekOfDay.body.rule, weekOfDay.body.errors[0].path]).toEqual([422, 'into-not-finer', 'data.into']);
    await expectCreated(await t.post('SetGoal', { goalId: 'Y', title: 'x', owner: 'company', metric: 'revenue', period: '2026', target: 10 }, admin));
    const weights = await problem(await t.post('DecomposeGoal', { goalId: 'Y', into: 'quarter', method: 'weights', weights: [1, 2] }, admin));
    expect([weights.status, weights.body.rule, weights.body.errors[0].path, weights.body.detail]).toEqual([422, 'weights-count', 'data.weights', '4 quarters of 2026 need 4 weights; 2 were given']);
    const noBaseline = await problem(await t.post('SetGoal', { goalId: 'GR', title: 'x', owner: 'rep:R-3', metric: 'revenue', period: '2026', target: { growth: 0.1, over: '2025' } }, admin));
    expect([noBaseline.status, noBaseline.body.rule]).toEqual([422, 'baseline-is-zero']);
    const dup = await problem(await t.post('SetGoal', { goalId: 'Y2', title: 'x', owner: 'company', metric: 'revenue', period: '2026', target: 10 }, admin));
    expect([dup.status, dup.body.rule]).toEqual([422, 'duplicate-goal']);
  });
});
