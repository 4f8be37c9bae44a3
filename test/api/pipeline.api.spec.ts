// GET /api/pipeline: deals by stage, the weighted forecast by month of expected close, lost
// reasons and competitors, coverage of the owner's revenue goal; a rep sees and moves only its
// own deals, a manager its team's.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { accepted } from './customersSupport';

describe('pipeline API', () => {
  let t: TestTally;
  let admin: string, rep1: string, rep3: string, manager2: string;
  const ok = (type: string, data: unknown, as?: string) => accepted(t, () => admin)(type, data, as);

  beforeAll(async () => {
    t = await testTally({ now: '2026-07-10T10:00:00+08:00' });
    admin = await seedCompany(t);
    rep1 = await t.token('rep', 'R-1');
    rep3 = await t.token('rep', 'R-3');
    manager2 = await t.token('manager', 'M-2', 'T-2');
    await ok('RegisterCustomer', { customerId: 'C-3', name: 'Crane Co', ownerRepId: 'R-3' });
    await ok('SetPipelineStages', { stages: [{ stage: 'Qualify', probability: '0.1' }, { stage: 'Proposal', probability: '0.5' }, { stage: 'Commit', probability: '1' }] });
    const deal = (dealId: string, repId: string, customerId: string, amount: number, stage: string, expectedCloseAt: string) =>
      ok('OpenDeal', { dealId, customerId, repId, amount, stage, expectedCloseAt, occurredAt: '2026-05-02T09:00:00+08:00' }, repId === 'R-1' ? rep1 : admin);
    // issue 4's worked example: 100,000 at 50 %, 50 %, 100 % closing June, July, August
    await deal('D-1', 'R-1', 'C-1', 100_000_00, 'Proposal', '2026-06-20');
    await deal('D-2', 'R-1', 'C-1', 100_000_00, 'Proposal', '2026-07-20');
    await deal('D-3', 'R-1', 'C-1', 100_000_00, 'Commit', '2026-08-20');
    await deal('D-4', 'R-3', 'C-3', 33_333, 'Qualify', '2026-07-05T18:00:00+08:00');
    await deal('D-5', 'R-3', 'C-3', 50_000_00, 'Proposal', '2026-07-25');
    await deal('D-6', 'R-3', 'C-3', 80_000_00, 'Proposal', '2026-07-28');
    await ok('LoseDeal', { dealId: 'D-5', reason: '价格偏高', competitor: '销售易', occurredAt: '2026-07-08T10:00:00+08:00' }, rep3);
    await ok('LoseDeal', { dealId: 'D-6', reason: '价格偏高', competitor: '销售易', occurredAt: '2026-07-09T10:00:00+08:00' }, manager2);
    // opened at 60,000, won in July at the 45,000 agreed
    await deal('D-7', 'R-3', 'C-3', 60_000_00, 'Proposal', '2026-07-15');
    await ok('WinDeal', { dealId: 'D-7', occurredAt: '2026-07-06T10:00:00+08:00', amount: 45_000_00 }, rep3);
    await ok('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 40_000_00 }], occurredAt: '2026-07-02T10:00:00+08:00' });
    await ok('SetGoal', { goalId: 'G-R1-Q3', title: 'R-1 Q3 revenue', owner: 'rep:R-1', metric: 'revenue', period: '2026-Q3', target: 240_000_00 });
  });

  it('forecasts amount × stage probability by month of expected close (50,000 / 50,000 / 100,000)', async () => {
    const p = await (await t.get('/api/pipeline?owner=rep:R-1', admin)).json();
    expect(p.forecast).toEqual([
      { month: '2026-06', deals: 1, amount: 100_000_00, weighted: 50_000_00 },
      { month: '2026-07', deals: 1, amount: 100_000_00, weighted: 50_000_00 },
      { month: '2026-08', deals: 1, amount: 100_000_00, weighted: 100_000_00 },
    ]);
    expect(p.stages).toEqual([
      { stage: 'Qualify', probability: '0.1', deals: 0, amount: 0, weighted: 0 },
      { stage: 'Proposal', probability: '0.5', deals: 2, amount: 200_000_00, weighted: 100_000_00 },
      { stage: 'Commit', probability: '1', deals: 1, amount: 100_000_00, weighted: 100_000_00 },
    ]);
    // the June deal is past its expected close at `at`
    expect(p.deals.find((d: { dealId: string }) => d.dealId === 'D-1').overdue).toBe(true);
  });

  it('rounds each deal’s weighted amount to the fen, half away from zero', async () => {
    const p = await (await t.get('/api/pipeline?owner=rep:R-3', admin)).json();
    // 33,333 fen × 0.1 = 3,333.3 → 3,333
    expect(p.open).toEqual({ deals: 1, amount: 33_333, weighted: 3_333 });
  });

  it('gives lost reasons and competitors, what was won at the amount it was won for, and the win rate of the period', async () => {
    const p = await (await t.get('/api/pipeline?owner=team:T-2&period=2026-07', admin)).json();
    expect(p.lost).toEqual({ deals: 2, amount: 130_000_00, reasons: [{ reason: '价格偏高', deals: 2, amount: 130_000_00 }], competitors: [{ competitor: '销售易', deals: 2, amount: 130_000_00 }] });
    expect(p.won).toEqual({ deals: 1, amount: 45_000_00 });
    expect(p.deals.find((d: { dealId: string }) => d.dealId === 'D-7')).toMatchObject({ status: 'won', amount: 45_000_00, weighted: 45_000_00 });
    // won / (won + lost) by count: 1 / (1 + 2) = 0.3333 (D-4, still open, is not in it)
    expect(p.winRate).toBe(0.3333);
    // June closed nothing: no rate rather than 0
    expect((await (await t.get('/api/pipeline?owner=team:T-2&period=2026-06', admin)).json()).winRate).toBeNull();
  });

  it('measures coverage against what is left of the owner’s revenue goal', async () => {
    const p = await (await t.get('/api/pipeline?owner=rep:R-1&period=2026-Q3', admin)).json();
    // open in Q3: July and August deals, 200,000; goal 240,000 − 40,000 sold = 200,000 left
    expect(p.coverage).toEqual({ pipeline: 200_000_00, weighted: 150_000_00, goal: { goalId: 'G-R1-Q3', target: 240_000_00, actual: 40_000_00, remaining: 200_000_00 }, ratio: 1, weightedRatio: 0.75 });
    const none = await (await t.get('/api/pipeline?owner=rep:R-3&period=2026-Q3', admin)).json();
    expect(none.coverage).toMatchObject({ goal: null, ratio: null });
    expect(none.coverage.note).toContain('no revenue goal');
  });

  it('shows a rep its own deals only, and lets it move only its own', async () => {
    const mine = await (await t.get('/api/pipeline', rep3)).json();
    expect(mine.owner).toBe('rep:R-3');
    expect(mine.deals.map((d: { dealId: string; repId: string }) => [d.dealId, d.repId])).toEqual([['D-4', 'R-3'], ['D-5', 'R-3'], ['D-6', 'R-3'], ['D-7', 'R-3']]);
    expect((await t.get('/api/pipeline?owner=rep:R-1', rep3)).status).toBe(403);
    expect((await t.get('/api/pipeline?owner=company', rep3)).status).toBe(403);
    expect((await t.post('MoveDealStage', { dealId: 'D-1', stage: 'Commit', occurredAt: '2026-07-10T09:00:00+08:00' }, rep3)).status).toBe(403);
    expect((await t.post('MoveDealStage', { dealId: 'D-4', stage: 'Proposal', occurredAt: '2026-07-10T09:00:00+08:00' }, rep3)).status).toBe(201);
    expect((await t.post('MoveDealStage', { dealId: 'D-4', stage: 'Dream', occurredAt: '2026-07-10T09:00:00+08:00' }, rep3)).status).toBe(422);
    const team = await (await t.get('/api/pipeline', manager2)).json();
    expect(team.owner).toBe('team:T-2');
    expect((await t.get('/api/pipeline?owner=team:T-1', manager2)).status).toBe(403);
  });

  it('refuses a bad period with 400 naming it', async () => {
    const r = await t.get('/api/pipeline?period=2026-13', admin);
    expect(r.status).toBe(400);
    expect((await r.json()).errors[0].path).toBe('period');
  });
});
