// A plan's expense list and its spend agree: an expense dated outside the plan's period is refused
// (422 naming occurredAt), and one already stored from before that rule is listed and counted
// alike, flagged, never listed without being counted.
import { beforeEach, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

let t: TestTally;
let admin: string;

// 2026-Q4 in Asia/Shanghai: [2026-10-01T00:00+08:00, 2027-01-01T00:00+08:00)
beforeEach(async () => {
  t = await testTally({ now: '2027-03-02T10:00:00+08:00' });
  admin = await seedCompany(t);
  expect((await t.post('DraftSalesPlan', { salesPlanId: 'SP-Q4', title: 'East Q4', period: '2026-Q4', owner: 'team:T-1', strategy: 's' }, admin)).status).toBe(201);
  expect((await t.post('AllocateBudget', { salesPlanId: 'SP-Q4', category: 'travel', amount: 10_000 }, admin)).status).toBe(201);
});

const expense = (expenseId: string, amount: number, occurredAt: string) => ({ salesPlanId: 'SP-Q4', expenseId, category: 'travel', amount, occurredAt });

const plan = async (at: string) =>
  (await (await t.get(`/api/plans/SP-Q4?at=${encodeURIComponent(at)}`, admin)).json()) as {
    budget: { spent: number; remaining: number };
    expenses: { expenseId: string; amount: number; outsidePeriod: boolean }[];
    warnings: string[];
  };

describe("a plan's expenses", () => {
  it('refuses an expense dated outside the period, naming occurredAt, and accepts both edges of it', async () => {
    for (const [id, at] of [['E-before', '2026-09-30T23:59:59+08:00'], ['E-after', '2027-01-01T00:00:00+08:00'], ['E-march', '2027-03-01T10:00:00+08:00']]) {
      const r = await t.post('RecordExpense', expense(id, 1_000, at), admin);
      const body = (await r.json()) as { rule: string; errors: { path: string }[] };
      expect([id, r.status, body.rule, body.errors[0].path]).toEqual([id, 422, 'expense-outside-plan-period', 'data.occurredAt']);
    }
    expect((await t.post('RecordExpense', expense('E-first', 1_000, '2026-10-01T00:00:00+08:00'), admin)).status).toBe(201);
    expect((await t.post('RecordExpense', expense('E-last', 2_000, '2026-12-31T23:59:59+08:00'), admin)).status).toBe(201);
    // 10,000 allocated − (1,000 + 2,000) = 7,000 remaining; the list holds the same two
    const p = await plan('2027-03-02T10:00:00+08:00');
    expect([p.budget.spent, p.budget.remaining, p.expenses.map((e) => e.expenseId)]).toEqual([3_000, 7_000, ['E-first', 'E-last']]);
  });

  it('lists and counts an out-of-period expense stored before the rule alike, and warns about it', async () => {
    expect((await t.post('RecordExpense', expense('E-1', 3_000, '2026-10-10T10:00:00+08:00'), admin)).status).toBe(201);
    // an expense of 5,000 dated 2027-03-01, recorded on the Q4 plan before such expenses were refused
    const [result] = await t.deps.store.appendMany([{
      stream: 'tally-salesplan-SP-Q4', expected: 'any',
      events: [{ type: 'ExpenseRecorded', data: { salesPlanId: 'SP-Q4', expenseId: 'E-OLD', category: 'travel', amount: 5_000 }, occurredAt: '2027-03-01T10:00:00+08:00', recordedAt: '2026-12-02T10:00:00+08:00', meta: { commandId: 'old', actor: 'admin', correlationId: 'old' } }],
    }]);
    if (result.kind !== 'ok') throw new Error('append failed');
    await t.deps.projections.waitFor(result.events[0].position);

    // on 2 December it had not occurred: neither listed nor counted — 3,000 spent, 7,000 left
    const december = await plan('2026-12-02T10:00:00+08:00');
    expect([december.budget.spent, december.budget.remaining, december.expenses.map((e) => e.expenseId), december.warnings]).toEqual([3_000, 7_000, ['E-1'], []]);
    // on 2 March both: 3,000 + 5,000 = 8,000 spent, 2,000 left, and the list sums to the same 8,000
    const march = await plan('2027-03-02T10:00:00+08:00');
    expect([march.budget.spent, march.budget.remaining]).toEqual([8_000, 2_000]);
    expect(march.expenses.map((e) => [e.expenseId, e.amount, e.outsidePeriod])).toEqual([['E-1', 3_000, false], ['E-OLD', 5_000, true]]);
    expect(march.expenses.reduce((sum, e) => sum + e.amount, 0)).toBe(march.budget.spent);
    expect(march.warnings).toEqual(["expense 'E-OLD' (2027-03-01T10:00:00+08:00) is outside the plan's period 2026-Q4; it is counted in spent"]);
  });
});
