// Teams and reps over HTTP: MoveRep's rules, and a moved rep counting for its new team everywhere
// the team is asked about now (leaderboard, payouts, who may act and read for it), while its past
// sales stay with the team it sold for.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

const sale = (orderId: string, repId: string, amount: number) => ({ orderId, customerId: 'C-1', repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt: '2026-07-10T10:00:00+08:00' });

describe('MoveRep', () => {
  let t: TestTally;
  let admin: string;
  const json = async (r: Response | Promise<Response>) => {
    const res = await r;
    if (res.status >= 300) throw new Error(`${res.status} ${await res.text()}`);
    return res.json();
  };

  beforeAll(async () => {
    t = await testTally({ now: '2026-08-20T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    // before the move, R-2 sells 300 for T-1 (R-1 sells 500, R-3 400 for T-2)
    for (const [orderId, repId, amount] of [['O-1', 'R-1', 500], ['O-2', 'R-2', 300], ['O-3', 'R-3', 400]] as const) await json(t.post('RecordSale', sale(orderId, repId, amount), admin));
    const moved = await json(t.post('MoveRep', { repId: 'R-2', teamId: 'T-2', reason: 'north needs a closer' }, admin));
    expect(moved.events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([['RepMoved', { repId: 'R-2', fromTeamId: 'T-1', toTeamId: 'T-2', reason: 'north needs a closer' }]]);
  });

  it('refuses an unknown rep or team (404) and a move to the team the rep is in (422), naming the rule', async () => {
    const cases: [unknown, number, string][] = [
      [{ repId: 'R-9', teamId: 'T-1', reason: 'x' }, 404, '/problems/not-found'],
      [{ repId: 'R-1', teamId: 'T-9', reason: 'x' }, 404, '/problems/not-found'],
      [{ repId: 'R-2', teamId: 'T-2', reason: 'x' }, 422, '/problems/rule/rep-already-in-team'],
    ];
    for (const [data, status, type] of cases) {
      const r = await t.post('MoveRep', data, admin);
      expect([r.status, (await r.json()).type], JSON.stringify(data)).toEqual([status, type]);
    }
  });

  it('ranks the rep in its new team: July by team is T-1 = [R-1], T-2 = [R-3 400, R-2 300]', async () => {
    const board = async (team: string) => (await json(t.get(`/api/leaderboard?period=2026-07&team=${team}`, admin))).entries.map((e: { repId: string; teamId: string; value: number }) => [e.repId, e.teamId, e.value]);
    expect(await board('T-1')).toEqual([['R-1', 'T-1', 500]]);
    expect(await board('T-2')).toEqual([['R-3', 'T-2', 400], ['R-2', 'T-2', 300]]);
  });

  it('hands the rep to its new manager: M-2 reads and acts for R-2, M-1 no longer does', async () => {
    const [m1, m2] = [await t.token('manager', 'M-1', 'T-1'), await t.token('manager', 'M-2', 'T-2')];
    expect((await t.get('/api/payouts/R-2?period=2026-07', m2)).status).toBe(200);
    expect((await t.get('/api/payouts/R-2?period=2026-07', m1)).status).toBe(403);
    const team2 = await json(t.get('/api/payouts?period=2026-07&team=T-2', admin));
    expect(team2.statements.map((s: { repId: string }) => s.repId).sort()).toEqual(['R-2', 'R-3']);
    expect((await t.post('AwardBadge', { badgeId: 'B-1', repId: 'R-2', title: 'Closer', reason: 'welcome', occurredAt: '2026-08-01T10:00:00+08:00' }, m1)).status).toBe(403);
    expect((await t.post('AwardBadge', { badgeId: 'B-1', repId: 'R-2', title: 'Closer', reason: 'welcome', occurredAt: '2026-08-01T10:00:00+08:00' }, m2)).status).toBe(201);
  });

  it('leaves past sales with the team they were made for: July by team is T-1 800 (R-1 500 + R-2 300), T-2 400', async () => {
    const rows = (await json(t.get('/api/analytics?period=2026-07&by=team', admin))).rows.map((r: { key: string; revenue: number }) => [r.key, r.revenue]);
    expect(rows).toEqual([['T-1', 800], ['T-2', 400]]);
  });
});
