import { describe, expect, it } from 'vitest';
import { seedCompany, testTally } from '../support/app';

const card = {
  scorecardId: 'SC-1',
  title: 'Rep scorecard',
  period: 'month',
  kpis: [
    { kpiId: 'rev', metric: 'revenue', target: 100_000, weight: '0.7' },
    { kpiId: 'new', metric: 'newCustomers', target: 2, weight: 0.3 },
  ],
};

const setup = async () => {
  const t = await testTally({ now: '2026-07-20T10:00:00+08:00' });
  const admin = await seedCompany(t);
  await t.post('RegisterCustomer', { customerId: 'C-2', name: 'Beta', ownerRepId: 'R-2' }, admin);
  expect((await t.post('DefineScorecard', card, admin)).status).toBe(201);
  const sale = async (orderId: string, repId: string, customerId: string, amount: number, day = '05') => {
    const r = await t.post('RecordSale', { orderId, customerId, repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt: `2026-07-${day}T10:00:00+08:00` }, await t.token('admin'));
    expect(r.status).toBe(201);
  };
  await sale('O-1', 'R-1', 'C-1', 80_000);
  await sale('O-2', 'R-2', 'C-2', 50_000);
  await sale('O-3', 'R-2', 'C-2', 70_000);
  return { t, admin, sale };
};

describe('GET /api/scorecards/:id', () => {
  it("gives each rep's KPIs and score, sorted by score", async () => {
    const { t, admin } = await setup();
    const r = await t.get('/api/scorecards/SC-1?period=2026-07&team=T-1', admin);
    expect(r.status).toBe(200);
    const body = await r.json();
    // revenue 120,000 → 0.7 × 100 × 1.2 = 84; one new customer → 0.3 × 100 × 0.5 = 15; score 99
    // revenue 80,000 → 56; one new customer → 15; score 71
    expect(body.rows.map((x: { repId: string; score: number }) => [x.repId, x.score])).toEqual([['R-2', 99], ['R-1', 71]]);
    expect(body.rows[0].kpis).toEqual([
      { kpiId: 'rev', metric: 'revenue', weight: '0.7', actual: 120_000, target: 100_000, points: 84 },
      { kpiId: 'new', metric: 'newCustomers', weight: '0.3', actual: 1, target: 2, points: 15 },
    ]);
  });

  it('shows a rep only their own row, a manager only their team, a viewer nothing', async () => {
    const { t } = await setup();
    const rep = await (await t.get('/api/scorecards/SC-1?period=2026-07', await t.token('rep', 'R-1'))).json();
    expect(rep.rows.map((x: { repId: string }) => x.repId)).toEqual(['R-1']);
    const m2 = await (await t.get('/api/scorecards/SC-1?period=2026-07', await t.token('manager', 'M-2', 'T-2'))).json();
    expect(m2.rows.map((x: { repId: string }) => x.repId)).toEqual(['R-3']);
    expect((await t.get('/api/scorecards/SC-1?period=2026-07&team=T-1', await t.token('manager', 'M-2', 'T-2'))).status).toBe(403);
    expect((await t.get('/api/scorecards/SC-1?period=2026-07', await t.token('viewer'))).status).toBe(403);
  });

  it('refuses bad definitions naming the field', async () => {
    const { t, admin } = await setup();
    const bad = async (over: Record<string, unknown>) => (await t.post('DefineScorecard', { ...card, scorecardId: 'SC-9', ...over }, admin)).json();
    const weights = await bad({ kpis: [{ kpiId: 'a', metric: 'revenue', target: 1, weight: 0.5 }, { kpiId: 'b', metric: 'orders', target: 1, weight: 0.4 }] });
    expect(weights.status).toBe(400);
    expect(weights.errors[0].path).toBe('data.kpis');
    const metric = await bad({ kpis: [{ kpiId: 'a', metric: 'happiness', target: 1, weight: 1 }] });
    expect(metric.errors.map((e: { path: string }) => e.path)).toContain('data.kpis.0.metric');
    const target = await bad({ kpis: [{ kpiId: 'a', metric: 'revenue', target: -5, weight: 1 }] });
    expect(target.errors.map((e: { path: string }) => e.path)).toContain('data.kpis.0.target');
    expect((await t.get('/api/scorecards/SC-1?period=2026-W27', admin)).status).toBe(400);
    expect((await t.get('/api/scorecards/SC-404?period=2026-07', admin)).status).toBe(404);
    expect((await t.get('/api/scorecards/SC-1?period=2026-07&team=NOPE', admin)).status).toBe(404);
  });

  it('lets a manager define a scorecard only for their own team', async () => {
    const { t } = await setup();
    const m1 = await t.token('manager', 'M-1', 'T-1');
    expect((await t.post('DefineScorecard', { ...card, scorecardId: 'SC-2' }, m1)).status).toBe(403);
    expect((await t.post('DefineScorecard', { ...card, scorecardId: 'SC-2', appliesTo: { teams: ['T-1'] } }, m1)).status).toBe(201);
    expect((await t.post('DefineScorecard', { ...card, scorecardId: 'SC-3', appliesTo: { teams: ['T-2'] } }, m1)).status).toBe(403);
  });

  it('refuses a rep or team that does not exist (404 naming it), for the admin too', async () => {
    // R-99 or T-99 added later would find themselves on a scorecard nobody defined for them
    const { t, admin } = await setup();
    const rep = await t.post('DefineScorecard', { ...card, scorecardId: 'SC-4', appliesTo: { reps: ['R-1', 'R-99'] } }, admin);
    expect(rep.status).toBe(404);
    expect((await rep.json()).detail).toContain('R-99');
    const team = await t.post('DefineScorecard', { ...card, scorecardId: 'SC-4', appliesTo: { teams: ['T-99'] } }, admin);
    expect(team.status).toBe(404);
    expect((await team.json()).detail).toContain('T-99');
    expect((await t.post('DefineScorecard', { ...card, scorecardId: 'SC-4', appliesTo: { reps: ['R-1'], teams: ['T-2'] } }, admin)).status).toBe(201);
  });
});

describe('appraisals', () => {
  it('freeze the figures of their moment; a later sale shows as a difference, not a change', async () => {
    const { t, sale } = await setup();
    const m1 = await t.token('manager', 'M-1', 'T-1');
    const r = await t.post('RecordAppraisal', { appraisalId: 'AP-1', repId: 'R-1', period: '2026-07', scorecardId: 'SC-1', rating: 3, comments: 'Solid month; open more accounts.' }, m1);
    expect(r.status).toBe(201);
    const recordedAt = (await r.json()).events[0].recordedAt;
    t.setNow('2026-07-25T10:00:00+08:00');
    await sale('O-4', 'R-1', 'C-1', 20_000, '06');
    const m1Later = await t.token('manager', 'M-1', 'T-1');
    const now = await (await t.get('/api/appraisals?rep=R-1', m1Later)).json();
    expect(now.appraisals[0].frozen.score).toBe(71);
    expect(now.appraisals[0].current.score).toBe(85);
    expect(now.appraisals[0].scoreChange).toBe(14);
    expect(now.appraisals[0].pendingAcknowledgement).toBe(true);
    const then = await (await t.get(`/api/appraisals?rep=R-1&asOf=${encodeURIComponent(recordedAt)}`, m1Later)).json();
    expect(then.appraisals[0].current.score).toBe(71);
  });

  it('are acknowledged by their rep only, and seen by their rep only', async () => {
    const { t } = await setup();
    const m1 = await t.token('manager', 'M-1', 'T-1');
    await t.post('RecordAppraisal', { appraisalId: 'AP-1', repId: 'R-1', period: '2026-07', scorecardId: 'SC-1', rating: 4, comments: 'Good' }, m1);
    expect((await t.post('RecordAppraisal', { appraisalId: 'AP-2', repId: 'R-3', period: '2026-07', scorecardId: 'SC-1', rating: 4, comments: 'x' }, m1)).status).toBe(403);
    const r2 = await t.token('rep', 'R-2');
    expect((await t.post('AcknowledgeAppraisal', { appraisalId: 'AP-1', occurredAt: '2026-07-21T09:00:00+08:00' }, r2)).status).toBe(403);
    expect((await (await t.get('/api/appraisals', r2)).json()).appraisals).toEqual([]);
    const r1 = await t.token('rep', 'R-1');
    expect((await t.post('AcknowledgeAppraisal', { appraisalId: 'AP-1', occurredAt: '2026-07-21T09:00:00+08:00', comment: 'Agreed' }, r1)).status).toBe(201);
    const mine = await (await t.get('/api/appraisals', r1)).json();
    expect(mine.appraisals[0]).toMatchObject({ appraisalId: 'AP-1', pendingAcknowledgement: false, acknowledged: { comment: 'Agreed' } });
    expect((await t.get('/api/appraisals', await t.token('viewer'))).status).toBe(403);
    expect((await t.post('RecordAppraisal', { appraisalId: 'AP-3', repId: 'R-1', period: '2026-Q3', scorecardId: 'SC-1', rating: 4, comments: 'x' }, m1)).status).toBe(422);
  });
});

describe('GET /api/leaderboard?rankBy=score', () => {
  it('ranks reps by a chosen scorecard, names and scores only', async () => {
    const { t } = await setup();
    const viewer = await t.token('viewer');
    const r = await t.get('/api/leaderboard?period=2026-07&rankBy=score&scorecard=SC-1', await t.token('admin'));
    expect(r.status).toBe(200);
    const body = await r.json();
    expect(body).toMatchObject({ rankBy: 'score', scorecard: { scorecardId: 'SC-1', version: 1 }, total: 3 });
    // R-2 99, R-1 71, R-3 nothing sold → 0
    expect(body.entries).toEqual([
      { rank: 1, repId: 'R-2', name: 'Li Wei', teamId: 'T-1', value: 99 },
      { rank: 2, repId: 'R-1', name: 'Wang Fang', teamId: 'T-1', value: 71 },
      { rank: 3, repId: 'R-3', name: 'Zhang Min', teamId: 'T-2', value: 0 },
    ]);
    // a score is pay data (SPEC §5a): a manager reads its team's, keeping their ranks among all; a viewer none
    const team = await (await t.get('/api/leaderboard?period=2026-07&rankBy=score&scorecard=SC-1', await t.token('manager', 'M-1', 'T-1'))).json();
    expect(team.entries).toEqual(body.entries.slice(0, 2));
    const embed = await (await t.get('/api/leaderboard?period=2026-07&rankBy=score&scorecard=SC-1', viewer)).json();
    expect({ entries: embed.entries, total: embed.total }).toEqual({ entries: [], total: 3 });
    const rep = await (await t.get('/api/leaderboard?period=2026-07&rankBy=score&scorecard=SC-1&limit=1', await t.token('rep', 'R-1'))).json();
    expect(rep.entries).toEqual([{ rank: 2, repId: 'R-1', name: 'Wang Fang', teamId: 'T-1', value: 71 }]);
    expect(rep.me).toMatchObject({ rank: 2, repId: 'R-1', score: 71 });
    expect((await t.get('/api/leaderboard?period=2026-07&rankBy=score', viewer)).status).toBe(400);
    expect((await t.get('/api/leaderboard?period=2026-07&rankBy=score&scorecard=SC-9', viewer)).status).toBe(404);
  });
});
