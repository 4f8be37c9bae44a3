// Seasonal breakdowns weigh each sub-period by the same one a year before, and growth targets read
// from a period not yet over say what their baseline leaves out (issue 14, items 4 and 5).
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { demoTally } from '../support/demo';

const created = async (r: Response) => {
  if (r.status !== 201) throw new Error(`${r.status} ${await r.text()}`);
  return r.json();
};

interface Progress { target: number; warnings: string[]; breakdown: { reference?: string[]; fallback?: string } | null }

describe('a seasonal breakdown of the demo (2 December 2026)', () => {
  let t: TestTally;
  let admin: string;
  beforeAll(async () => {
    ({ t, admin } = await demoTally());
  }, 120_000);

  it("splits R-05's 2027-Q1 goal of ¥900,000 by its January–March 2026, not by October–December 2026", async () => {
    // R-05's revenue in the demo: 2026-01 18,931,600; 2026-02 17,204,400; 2026-03 36,157,020
    // (Σ 72,293,020). 90,000,000 × each / Σ = 23,568,582.42 · 21,418,333.33 · 45,013,084.25: the
    // floors sum to 89,999,999 and the largest fraction (.42) takes the last fen.
    // (Weighed by October–December 2026, December not over, it gave March next to nothing.)
    await created(await t.post('SetGoal', { goalId: 'G-R05-2027Q1', title: 'R-05 2027 Q1', owner: 'rep:R-05', metric: 'revenue', period: '2027-Q1', target: 90_000_000, relevance: 'plan 2027' }, admin));
    const decomposed = await created(await t.post('DecomposeGoal', { goalId: 'G-R05-2027Q1', into: 'month', method: 'seasonal' }, admin));
    const data = decomposed.events[0].data;
    expect(data.children.map((c: { period: string; target: number }) => [c.period, c.target])).toEqual([['2027-01', 23_568_583], ['2027-02', 21_418_333], ['2027-03', 45_013_084]]);
    expect([data.reference, data.weights, data.fallback]).toEqual([['2026-01', '2026-02', '2026-03'], ['18931600', '17204400', '36157020'], undefined]);
    const goal: Progress = await (await t.get('/api/goals/G-R05-2027Q1', admin)).json();
    expect(goal.breakdown?.reference).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(goal.warnings.filter((w) => w.startsWith('breakdown'))).toEqual([]);
  });
});

describe('a seasonal breakdown whose reference is not all there', () => {
  let t: TestTally;
  let admin: string;
  beforeAll(async () => {
    t = await testTally({ now: '2026-12-02T10:00:00+08:00' });
    admin = await seedCompany(t);
    // R-1 sold in February, March and every quarter of 2026, but nothing in January
    let n = 0;
    for (const day of ['2026-02-10', '2026-03-10', '2026-05-10', '2026-08-10', '2026-11-10'])
      await created(await t.post('RecordSale', { orderId: `S-${++n}`, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 100_000 }], occurredAt: `${day}T10:00:00+08:00` }, admin));
  });

  it("splits 2027 into quarters evenly on 2 December: 2026's fourth quarter, its reference, is not over", async () => {
    await created(await t.post('SetGoal', { goalId: 'Y', title: '2027', owner: 'rep:R-1', metric: 'revenue', period: '2027', target: 1_000_000, relevance: 'plan' }, admin));
    const data = (await created(await t.post('DecomposeGoal', { goalId: 'Y', into: 'quarter', method: 'seasonal' }, admin))).events[0].data;
    expect(data.children.map((c: { target: number }) => c.target)).toEqual([250_000, 250_000, 250_000, 250_000]);
    expect(data.fallback).toBe(
      'the reference a year before (2026-Q1 – 2026-Q4) is not complete: 2026-Q4 has not ended, so 2026-12-02T10:00:00+08:00 to 2027-01-01T00:00:00+08:00 is missing from it, so the target was split evenly',
    );
    const goal: Progress = await (await t.get('/api/goals/Y', admin)).json();
    expect(goal.warnings).toContain(`breakdown: ${data.fallback}`);
  });

  it('splits a quarter evenly when a month of its reference had no sales', async () => {
    // 2026-01 has no order: the seasons of January are unknown, so 2027-Q1's 30 orders are split 3 × 10
    await created(await t.post('SetGoal', { goalId: 'Q', title: '2027 Q1 orders', owner: 'rep:R-1', metric: 'orders', period: '2027-Q1', target: 30, relevance: 'plan' }, admin));
    const data = (await created(await t.post('DecomposeGoal', { goalId: 'Q', into: 'month', method: 'seasonal' }, admin))).events[0].data;
    expect(data.children.map((c: { target: number }) => c.target)).toEqual([10, 10, 10]);
    expect(data.fallback).toBe('the reference a year before (2026-01 – 2026-03) is missing in part: no orders in 2026-01, so the target was split evenly');
  });

  it('says what a growth target over a period not yet ended leaves out', async () => {
    // "+20 % over 2026" in units, set on 2 December: the baseline is 2026 to date, 5 units → target 6
    const set = await created(await t.post('SetGoal', { goalId: 'G', title: '2027 +20 %', owner: 'rep:R-1', metric: 'units', period: '2027', target: { growth: '0.2', over: '2026' }, relevance: 'plan' }, admin));
    expect([set.events[0].data.baseline, set.events[0].data.target]).toEqual([5, 6]);
    const goal: Progress = await (await t.get('/api/goals/G', admin)).json();
    expect(goal.warnings).toContain(
      'baseline: 2026 had not ended when the target was set (2026-12-02T10:00:00+08:00), so its baseline 5 leaves out 2026-12-02T10:00:00+08:00 to 2027-01-01T00:00:00+08:00; the target is 0.2 over part of 2026',
    );
    // the same rule over a quarter that has ended warns of nothing
    await created(await t.post('SetGoal', { goalId: 'G1', title: '2027 Q1 +10 %', owner: 'rep:R-1', metric: 'units', period: '2027-Q1', target: { growth: '0.1', over: '2026-Q1' }, relevance: 'plan' }, admin));
    expect(((await (await t.get('/api/goals/G1', admin)).json()) as Progress).warnings.filter((w) => w.startsWith('baseline'))).toEqual([]);
  });
});
