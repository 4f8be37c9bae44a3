// People costs and reserves on a sales plan (SPEC §13): payouts approved for the plan's people in
// its period are spent from its `people` category; a contingency's amount is a reserve beside the
// budget, on the plan and in the period review.
import { beforeAll, describe, expect, it } from 'vitest';
import { testTally, type TestTally } from '../support/app';
import { incentiveCompany, sell, statement } from './payoutsSupport';

describe('people costs and reserves on a plan', () => {
  let t: TestTally;
  let admin: string;
  let manager: string;
  let julyR1: number;
  const ok = async (type: string, data: unknown, token = manager) => {
    const r = await t.post(type, data, token);
    if (r.status !== 201) throw new Error(`${type}: ${r.status} ${await r.text()}`);
  };
  const plan = async (id: string, query = '') => (await t.get(`/api/plans/${id}${query}`, admin)).json();

  beforeAll(async () => {
    t = await testTally({ now: '2026-08-03T09:00:00+08:00' });
    admin = await incentiveCompany(t);
    manager = await t.token('manager', 'M-1', 'T-1');
    await ok('DraftSalesPlan', { salesPlanId: 'SP-EAST', title: 'East Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 's' });
    await ok('AllocateBudget', { salesPlanId: 'SP-EAST', category: 'people', amount: 100_000 });
    await ok('AddContingency', { salesPlanId: 'SP-EAST', contingencyId: 'CT-1', trigger: 'July below target', response: 'extra visits', amount: 30_000 });
    await ok('AddContingency', { salesPlanId: 'SP-EAST', contingencyId: 'CT-2', trigger: 'a rep leaves', response: 'reassign accounts' });
    await sell(t, admin, 'R-1', 1_300_000, '2026-07-05T10:00:00+08:00');
    await sell(t, admin, 'R-3', 400_000, '2026-07-06T10:00:00+08:00');
    const r1 = await statement(t, admin, 'R-1', '2026-07');
    const r3 = await statement(t, admin, 'R-3', '2026-07');
    julyR1 = r1.body.total;
    await ok('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: r1.body.statementHash }, admin);
    await ok('ApprovePayout', { repId: 'R-3', period: '2026-07', statementHash: r3.body.statementHash }, admin);
    // drafted after the approvals: the company's plan still counts both, being every rep's
    await ok('DraftSalesPlan', { salesPlanId: 'SP-CO', title: 'Company Q3', period: '2026-Q3', owner: 'company', strategy: 's' }, admin);
  });

  it("counts the payouts approved for the plan's team in its period as spent from `people`", async () => {
    expect(julyR1).toBeGreaterThan(0);
    const p = await plan('SP-EAST');
    expect(p.budget.categories.find((c: { category: string }) => c.category === 'people')).toMatchObject({ allocated: 100_000, spent: julyR1, remaining: 100_000 - julyR1 });
    expect(p.payouts.map((x: { repId: string; period: string; total: number }) => [x.repId, x.period, x.total])).toEqual([['R-1', '2026-07', julyR1]]);
    const company = await plan('SP-CO');
    expect(company.payouts.map((x: { repId: string }) => x.repId)).toEqual(['R-1', 'R-3']);
    expect(company.budget.spent).toBe(company.payouts.reduce((a: number, x: { total: number }) => a + x.total, 0));
  });

  it('counts a payout only once it was approved (at)', async () => {
    const before = await plan('SP-EAST', `?at=${encodeURIComponent('2026-08-01T10:00:00+08:00')}`);
    expect([before.budget.spent, before.payouts]).toEqual([0, []]);
  });

  it("shows the contingencies' amounts as a reserve beside the budget, on the plan, the list and the review", async () => {
    const p = await plan('SP-EAST');
    expect([p.budget.reserve, p.budget.allocated, p.contingencies.map((c: { amount: number | null }) => c.amount)]).toEqual([30_000, 100_000, [30_000, null]]);
    const list = await (await t.get('/api/plans?period=2026-Q3&owner=team:T-1', admin)).json();
    expect(list.plans[0].budget.reserve).toBe(30_000);
    const review = await (await t.get('/api/reviews/2026-07?team=T-1', admin)).json();
    expect(review.budget.reserve).toBe(30_000);
  });

  it('refuses a negative or fractional reserve, naming the field', async () => {
    for (const amount of [-1, 1.5]) {
      const r = await t.post('AddContingency', { salesPlanId: 'SP-EAST', contingencyId: 'CT-9', trigger: 't', response: 'r', amount }, manager);
      expect([r.status, (await r.json()).errors[0].path]).toEqual([400, 'data.amount']);
    }
  });
});
