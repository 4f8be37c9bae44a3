// One achieved figure per statement: the commission tiers, the bonuses, the attainment shown and
// the scorecard's revenue KPI all read it, and a refund clawed back on its own line is not netted
// from it again.
import { beforeAll, describe, expect, it } from 'vitest';
import { testTally, type TestTally } from '../support/app';
import { demoTally } from '../support/demo';
import { incentiveCompany, PLAN, sell, statement } from './payoutsSupport';

const tierBasis = (body: any) => body.lines.filter((l: any) => l.kind === 'commission').reduce((a: number, l: any) => a + l.basis, 0);
const kinds = (body: any) => body.lines.map((l: any) => [l.lineId.replace(/:\d+$/, ''), l.basis, l.amount]);

describe('a small world, worked by hand', () => {
  // Plan P-2026 (payoutsSupport): quota 20,000.00; 5 % to 10,000.00, 10 % above; bonus B100
  // 500.00 at attainment 1; clawback within 30 days.
  // July: O-a 10,000.00 on 10 July → 10,000.00 at 5 % = 500.00 paid, a rate of 5 % on O-a.
  // August: O-b 21,000.00 on 3 August, 1,000.00 of it refunded on 20 August (same month: lowers
  // the base), and 4,000.00 of O-a refunded on 5 August (26 days after its sale: clawed back at
  // the 5 % paid = −200.00, so it does not lower August's base as well).
  // August's achieved = 21,000.00 − 1,000.00 = 20,000.00 → attainment 1.0 → B100 paid.
  // Tiers: 10,000.00 × 5 % = 500.00; 10,000.00 × 10 % = 1,000.00.
  // Total 500.00 + 1,000.00 + 500.00 − 200.00 = 1,800.00.
  // (The ledger's August revenue is 16,000.00: the refund of O-a lowers revenue where it occurs,
  // but on the statement it acts once, as the clawback.)
  let t: TestTally;
  let admin: string;
  let julyOrder: string;
  beforeAll(async () => {
    t = await testTally({ now: '2026-09-02T09:00:00+08:00' });
    admin = await incentiveCompany(t);
    const a = await sell(t, admin, 'R-1', 1_000_000, '2026-07-10T10:00:00+08:00');
    const b = await sell(t, admin, 'R-1', 2_100_000, '2026-08-03T10:00:00+08:00');
    for (const [orderId, amount, day] of [[b.orderId, 100_000, '20'], [a.orderId, 400_000, '05']] as const)
      expect((await t.post('RefundSale', { orderId, amount, occurredAt: `2026-08-${day}T10:00:00+08:00`, reason: 'returned' }, admin)).status).toBe(201);
    julyOrder = a.orderId;
    const card = { scorecardId: 'SC-REV', title: 'Revenue', period: 'month', kpis: [{ kpiId: 'rev', metric: 'revenue', target: 2_000_000, weight: '1' }] };
    expect((await t.post('DefineScorecard', card, admin)).status).toBe(201);
  });

  it('the tiers, the bonus and the attainment shown read one achieved figure; the clawed-back refund is not netted again', async () => {
    const { body } = await statement(t, admin, 'R-1', '2026-08');
    expect({ achieved: body.achieved, attainment: body.attainment }).toEqual({ achieved: 2_000_000, attainment: 1 });
    expect(kinds(body)).toEqual([
      ['commission:tier-1', 1_000_000, 50_000],
      ['commission:tier-2', 1_000_000, 100_000],
      ['bonus:B100', 2_000_000, 50_000],
      [`clawback:${julyOrder}`, 400_000, -20_000],
    ]);
    expect(tierBasis(body)).toBe(body.achieved);
    expect(body.total).toBe(180_000);
  });

  it("the scorecard's revenue is the statement's achieved", async () => {
    const r = await t.get('/api/scorecards/SC-REV?period=2026-08&team=T-1', admin);
    const row = (await r.json()).rows.find((x: any) => x.repId === 'R-1');
    expect(row.kpis[0]).toMatchObject({ actual: 2_000_000, points: 100 });
  });

  it('without a clawback rule the same refund lowers the base instead, once', async () => {
    const t2 = await testTally({ now: '2026-09-02T09:00:00+08:00' });
    const { clawback: _, ...noClawback } = PLAN;
    const admin2 = await incentiveCompany(t2, noClawback);
    const a = await sell(t2, admin2, 'R-1', 1_000_000, '2026-07-10T10:00:00+08:00');
    await sell(t2, admin2, 'R-1', 2_000_000, '2026-08-03T10:00:00+08:00');
    await t2.post('RefundSale', { orderId: a.orderId, amount: 400_000, occurredAt: '2026-08-05T10:00:00+08:00', reason: 'returned' }, admin2);
    const { body } = await statement(t2, admin2, 'R-1', '2026-08');
    // 20,000.00 − 4,000.00 = 16,000.00 → 0.8, no bonus; 500.00 + 600.00 = 1,100.00, no clawback line
    expect({ achieved: body.achieved, attainment: body.attainment, total: body.total }).toEqual({ achieved: 1_600_000, attainment: 0.8, total: 110_000 });
    expect(body.lines.map((l: any) => l.kind)).toEqual(['commission', 'commission']);
    expect(tierBasis(body)).toBe(body.achieved);
  });
});

describe('the demo company, November 2026 (issue 14.1)', () => {
  let t: TestTally;
  let admin: string;
  beforeAll(async () => {
    ({ t, admin } = await demoTally());
  }, 60_000);

  it('R-03: the October refund clawed back on its own line no longer also keeps QUOTA-120 from being paid', async () => {
    const { body } = await statement(t, admin, 'R-03', '2026-11');
    // 24,467,200 sold in November (24,107,200 + the 360,000 support renewal of the 1st), none of it
    // refunded; the 655,200 refund on 16 November of SO-2026-03587 (sold 26 October, in October's
    // 3 % tier) is the clawback line (655,200 × 3 % = −19,656), not netted. Quota 20,000,000:
    // 24,467,200 / 20,000,000 = 1.2234 ≥ 1.2 → QUOTA-120 pays 300,000 (netted as well: 23,812,000
    // → 1.1906, and QUOTA-120 would not pay).
    expect({ achieved: body.achieved, attainment: body.attainment }).toEqual({ achieved: 24_467_200, attainment: 1.2234 });
    expect(tierBasis(body)).toBe(24_467_200); // 16,000,000 + 8,000,000 + 467,200
    expect(kinds(body).filter(([id]: [string]) => id.startsWith('bonus') || id.startsWith('clawback'))).toEqual([
      ['bonus:QUOTA-100', 24_467_200, 200_000],
      ['bonus:QUOTA-120', 24_467_200, 300_000],
      ['clawback:SO-2026-03587', 655_200, -19_656],
    ]);
  });

  it('R-01: the attainment shown is the one its bands add up to', async () => {
    const { body } = await statement(t, admin, 'R-01', '2026-11');
    // 24,825,680 sold in November, none of it refunded: bands 16,000,000 + 8,000,000 + 825,680 →
    // 1.2413 (netting the 1,302,000 refund of SO-2026-03526, an October order clawed back at 3 % =
    // −39,060, a second time would show 23,523,680 → 1.1762)
    expect(tierBasis(body)).toBe(24_825_680);
    expect({ achieved: body.achieved, attainment: body.attainment }).toEqual({ achieved: 24_825_680, attainment: 1.2413 });
    expect(kinds(body).filter(([id]: [string]) => id.startsWith('clawback'))).toEqual([['clawback:SO-2026-03526', 1_302_000, -39_060]]);
  });

  it("the monthly scorecard's revenue of R-03 and R-01 is their statements' achieved", async () => {
    const rows = (await (await t.get('/api/scorecards/SC-REP-MONTHLY?period=2026-11', admin)).json()).rows;
    const revenue = (repId: string) => rows.find((r: any) => r.repId === repId).kpis.find((k: any) => k.kpiId === 'revenue').actual;
    expect([revenue('R-03'), revenue('R-01')]).toEqual([24_467_200, 24_825_680]);
  });
});
