// With `at`, a goal's actual, expectedToDate, pace and forecast count only what occurred by that
// business moment; with `asOf`, only what had been recorded by then. The review of the period at
// the same moment measures the same actual.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { demoTally } from '../support/demo';

const q = (iso: string) => encodeURIComponent(iso);
const figures = (g: any) => ({ actual: g.actual, expectedToDate: g.expectedToDate, pace: g.pace, forecast: g.forecast });

describe('a small world, worked by hand', () => {
  // Goal: R-1, July 2026, revenue 31,000.00 (1,000.00 a day over 31 days).
  // Sales of R-1: 10,000.00 on 10 July 10:00; 5,000.00 on 16 July 09:00; 8,000.00 on 16 July
  // 15:00; 2,000.00 of the first refunded on 16 July 11:00. Recorded on 17 July; then on 20 July
  // a 3,000.00 sale of 12 July is recorded late.
  // At noon on 16 July (15.5 of 31 days, expected 15,500.00), as known on 18 July:
  //   actual 10,000 + 5,000 − 2,000 = 13,000.00 (the 15:00 sale comes later) → 0.8387: behind;
  //   forecast 13,000 × 31 / 15.5 = 26,000.00.
  // As known now, the late sale of 12 July counts too: 16,000.00 → 1.0323: on-track, forecast 32,000.00.
  let t: TestTally;
  let admin: string;
  beforeAll(async () => {
    t = await testTally({ now: '2026-07-17T09:00:00+08:00' });
    admin = await seedCompany(t);
    const post = async (type: string, data: unknown) => expect((await t.post(type, data, admin)).status, type).toBe(201);
    const sale = (orderId: string, amount: number, occurredAt: string) => post('RecordSale', { orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount }], occurredAt });
    await post('SetGoal', { goalId: 'G-R1-07', title: 'R-1 July', owner: 'rep:R-1', metric: 'revenue', period: '2026-07', target: 3_100_000, relevance: 'plan' });
    await sale('O-1', 1_000_000, '2026-07-10T10:00:00+08:00');
    await sale('O-2', 500_000, '2026-07-16T09:00:00+08:00');
    await sale('O-3', 800_000, '2026-07-16T15:00:00+08:00');
    await post('RefundSale', { orderId: 'O-1', amount: 200_000, occurredAt: '2026-07-16T11:00:00+08:00', reason: 'returned' });
    t.setNow('2026-07-20T09:00:00+08:00');
    admin = await t.token('admin'); // a token of the new day
    await sale('O-4', 300_000, '2026-07-12T10:00:00+08:00');
  });

  it('counts only what occurred by `at`, and with asOf only what was recorded by then', async () => {
    const at = q('2026-07-16T12:00:00+08:00');
    const known = await (await t.get(`/api/goals/G-R1-07?at=${at}&asOf=${q('2026-07-18T00:00:00+08:00')}`, admin)).json();
    expect(figures(known)).toEqual({ actual: 1_300_000, expectedToDate: 1_550_000, pace: 'behind', forecast: 2_600_000 });
    expect(known.attainment).toBe(0.4194); // 13,000 / 31,000
    expect(known.series.at(-1)).toEqual({ date: '2026-07-16', actual: 1_300_000, expected: 1_550_000 });
    const now = await (await t.get(`/api/goals/G-R1-07?at=${at}`, admin)).json();
    expect(figures(now)).toEqual({ actual: 1_600_000, expectedToDate: 1_550_000, pace: 'on-track', forecast: 3_200_000 });
  });

  it('after the period, `at` counts the whole period; before it, nothing', async () => {
    const after = await (await t.get(`/api/goals/G-R1-07?at=${q('2026-08-01T00:00:00+08:00')}`, admin)).json();
    expect(figures(after)).toEqual({ actual: 2_400_000, expectedToDate: 3_100_000, pace: 'behind', forecast: 2_400_000 }); // 10,000 + 5,000 + 8,000 + 3,000 − 2,000
    const before = await (await t.get(`/api/goals/G-R1-07?at=${q('2026-06-30T12:00:00+08:00')}`, admin)).json();
    expect(figures(before)).toEqual({ actual: 0, expectedToDate: 0, pace: null, forecast: null });
  });
});

describe('the demo company, November 2026', () => {
  let t: TestTally;
  let admin: string;
  beforeAll(async () => {
    ({ t, admin } = await demoTally());
  }, 60_000);

  it('G-2026-11 at the end of 15 November reads the sales of 1–15 November, not the month', async () => {
    const at = q('2026-11-15T23:59:59+08:00');
    const g = await (await t.get(`/api/goals/G-2026-11?at=${at}`, admin)).json();
    // the goal's own series by the end of 15 November: 118 sales (12 of them the support renewals
    // of 1 November) of 158,290,800 less four refunds (SO-2026-03589 219,648 on 1 Nov,
    // SO-2026-03534 178,200 on 6 Nov, SO-2026-03526 1,302,000 on 9 Nov, SO-2026-03667 167,040 on
    // 15 Nov: 1,866,888) = 156,423,912. Expected: the weekly children W45 (90,000,000, over) + W46
    // (90,000,000 × (7 days − 1 s) / 7 days = 89,999,851) = 179,999,851. 156,423,912 / 179,999,851
    // = 0.869 → behind. Forecast: 156,423,912 × 30 days / (15 days − 1 s) = 156,423,912 ×
    // 2,592,000,000 / 1,295,999,000 = 312,848,065 (rounded).
    expect(figures(g)).toEqual({ actual: 156_423_912, expectedToDate: 179_999_851, pace: 'behind', forecast: 312_848_065 });
    expect(g.series.at(-1).actual).toBe(156_423_912);
    const review = await (await t.get(`/api/reviews/2026-11?at=${at}`, admin)).json();
    const revenue = review.kpis.find((k: any) => k.metric === 'revenue');
    expect({ actual: revenue.actual, expectedToDate: revenue.expectedToDate, pace: revenue.pace }).toEqual({ actual: 156_423_912, expectedToDate: 179_999_851, pace: 'behind' });
  });

  it('G-2026-11 says its team goals do not add up: ¥2.93 M of ¥3.6 M, short by ¥670,000.00', async () => {
    const g = await (await t.get('/api/goals/G-2026-11?series=0', admin)).json();
    const teams = await Promise.all(['T-EAST', 'T-NORTH', 'T-SOUTH'].map(async (id) => (await (await t.get(`/api/goals/G-2026-11-${id}?series=0`, admin)).json()).target));
    const total = teams.reduce((a: number, b: number) => a + b, 0);
    expect(total).toBe(293_000_000); // each team's November goal is the sum of its reps' (demo goals.ts)
    // the weekly decomposition sums to 360,000,000; the team goals naming it as parent do not
    expect(g.breakdown).toMatchObject({ kind: 'period', childrenTotal: 360_000_000, difference: 0, mismatch: true });
    expect(g.breakdown.sets[1]).toEqual({ via: 'parentGoalId', kind: 'owners', children: ['G-2026-11-T-EAST', 'G-2026-11-T-NORTH', 'G-2026-11-T-SOUTH'], childrenTotal: 293_000_000, difference: 67_000_000, mismatch: true });
    expect(g.warnings.join(' ')).toContain('short by CNY 670,000.00');
  });
});
