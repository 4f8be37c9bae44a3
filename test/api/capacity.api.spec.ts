// GET /api/capacity over HTTP: reps needed for a team's revenue goal at the median output of its
// selling reps over the three months before, the gap to its headcount (a rep who left is not
// counted), asOf, who may read it, and bad parameters named.
import { beforeAll, describe, expect, it } from 'vitest';
import { created, seedCompany, testTally, type TestTally } from '../support/app';


describe('GET /api/capacity', () => {
  let t: TestTally;
  let admin: string;
  let beforeRevision = '';
  const sale = (orderId: string, repId: string, amount: number, day: string) =>
    t.post('RecordSale', { orderId, customerId: 'C-1', repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt: `${day}T10:00:00+08:00` }, admin);

  beforeAll(async () => {
    t = await testTally({ now: '2026-07-10T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    await created(await t.post('AddRep', { repId: 'R-4', name: 'Zhao Lei', teamId: 'T-1', joinedAt: '2025-01-01' }, admin));
    // East (T-1) in April–June: R-1 sells 100k, 120k, 140k; R-2 60k in April and 80k in June (none in May); R-4 nothing
    for (const [id, rep, amount, day] of [
      ['O-1', 'R-1', 100_000_00, '2026-04-10'], ['O-2', 'R-1', 120_000_00, '2026-05-10'], ['O-3', 'R-1', 140_000_00, '2026-06-10'],
      ['O-4', 'R-2', 60_000_00, '2026-04-12'], ['O-5', 'R-2', 80_000_00, '2026-06-12'],
      // March is outside the three months before July
      ['O-6', 'R-2', 900_000_00, '2026-03-12'],
      // North's sales are not East's output
      ['O-7', 'R-3', 500_000_00, '2026-05-01'],
    ] as const) await created(await sale(id, rep, amount, day));
    await created(await t.post('SetGoal', { goalId: 'G-EAST-07', title: 'East July', owner: 'team:T-1', metric: 'revenue', period: '2026-07', target: 450_000_00 }, admin));
    await created(await t.post('RemoveRep', { repId: 'R-4', leftAt: '2026-07-01' }, admin));
    const last = await created(await t.post('SetGoal', { goalId: 'G-EAST-08', title: 'East August', owner: 'team:T-1', metric: 'revenue', period: '2026-08', target: 100_000_00 }, admin));
    beforeRevision = last.events[0].recordedAt;
    t.setNow('2026-07-10T11:00:00+08:00');
    await created(await t.post('ReviseGoal', { goalId: 'G-EAST-08', target: 500_000_00, reason: 'new product' }, admin));
  });

  it('needs ⌈goal / median output⌉ reps and says the gap to the reps still on the team', async () => {
    const r = await t.get('/api/capacity?period=2026-07&team=T-1', admin);
    expect(r.status).toBe(200);
    // five rep-months: 60k, 80k, 100k, 120k, 140k → median 100k; 450k / 100k → 5 reps; are left (R-4 left on 1 July)
    expect(await r.json()).toMatchObject({
      period: '2026-07', team: 'T-1', goal: 450_000_00, perRep: 100_000_00, repsNeeded: 5, headcount: 2, gap: 3,
      basis: { periods: ['2026-04', '2026-05', '2026-06'], repPeriods: 5 },
    });
    // before R-4 left the team had three reps
    expect(await (await t.get('/api/capacity?period=2026-07&team=T-1&at=2026-06-30T12:00:00%2B08:00', admin)).json()).toMatchObject({ headcount: 3, basis: { periods: ['2026-03', '2026-04', '2026-05'] } });
  });

  it('has no reps needed without a goal or without any output to go by', async () => {
    expect(await (await t.get('/api/capacity?period=2026-09&team=T-1', admin)).json()).toMatchObject({ goal: null, perRep: 100_000_00, repsNeeded: null, gap: null });
    expect(await (await t.get('/api/capacity?period=2026-07&team=T-2', admin)).json()).toMatchObject({ goal: null, perRep: 500_000_00, headcount: 1 });
    // by quarter each rep-quarter is one sample: R-2's 900k in Q1, R-1's 360k and R-2's 140k in Q2
    expect(await (await t.get('/api/capacity?period=2026-Q3&team=T-1', admin)).json()).toMatchObject({ perRep: 360_000_00, basis: { periods: ['2025-Q4', '2026-Q1', '2026-Q2'], repPeriods: 3 } });
    expect(await (await t.get('/api/capacity?period=2026-01&team=T-1', admin)).json()).toMatchObject({ perRep: null, repsNeeded: null, gap: null, basis: { periods: ['2025-10', '2025-11', '2025-12'], repPeriods: 0 } });
  });

  it('answers the goal as it was known at asOf', async () => {
    expect(await (await t.get('/api/capacity?period=2026-08&team=T-1', admin)).json()).toMatchObject({ goal: 500_000_00, repsNeeded: 5 });
    expect(await (await t.get(`/api/capacity?period=2026-08&team=T-1&asOf=${encodeURIComponent(beforeRevision)}`, admin)).json()).toMatchObject({ goal: 100_000_00, repsNeeded: 1, gap: -1 });
  });

  it('lets a manager and a rep read their own team, a viewer any team', async () => {
    expect((await t.get('/api/capacity?period=2026-07&team=T-1', await t.token('manager', 'M-1', 'T-1'))).status).toBe(200);
    expect((await t.get('/api/capacity?period=2026-07&team=T-2', await t.token('manager', 'M-1', 'T-1'))).status).toBe(403);
    expect((await t.get('/api/capacity?period=2026-07&team=T-1', await t.token('rep', 'R-2'))).status).toBe(200);
    expect((await t.get('/api/capacity?period=2026-07&team=T-2', await t.token('rep', 'R-2'))).status).toBe(403);
    expect((await t.get('/api/capacity?period=2026-07&team=T-2', await t.token('viewer'))).status).toBe(200);
  });

  it('names the bad parameter', async () => {
    for (const [query, param, status] of [
      ['period=2026-07', 'team', 400], ['team=T-1', 'period', 400], ['period=2026-13&team=T-1', 'period', 400],
      ['period=2026-07&team=bad%20id', 'team', 400], ['period=2026-07&team=T-1&at=yesterday', 'at', 400],
    ] as const) {
      const r = await t.get(`/api/capacity?${query}`, admin);
      const body = await r.json();
      expect([r.status, body.errors?.[0]?.path], query).toEqual([status, param]);
    }
    expect((await t.get('/api/capacity?period=2026-07&team=T-9', admin)).status).toBe(404);
  });
});
