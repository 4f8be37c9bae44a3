// GET /api/plans/:salesPlanId, /api/plans, /api/insights and /api/trainings/:trainingId over HTTP:
// budget against actual by category, milestones overdue at `at`, linked goals and insights,
// members before and after a training, and who may write and read them.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

const ok = async (r: Response) => {
  if (r.status !== 201) throw new Error(`expected 201, got ${r.status}: ${await r.text()}`);
};

describe('sales plans, insights and training over HTTP', () => {
  let t: TestTally;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    t = await testTally({ now: '2026-07-20T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    manager = await t.token('manager', 'M-1', 'T-1');
    await ok(await t.post('SetGoal', { goalId: 'G-T1-Q3', title: 'East Q3', owner: 'team:T-1', metric: 'revenue', period: '2026-Q3', target: 900_000 }, admin));
    const plan = (type: string, data: Record<string, unknown>) => t.post(type, { salesPlanId: 'SP-1', ...data }, manager);
    await ok(await plan('DraftSalesPlan', { title: 'East Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 'Win back lapsed customers', goalIds: ['G-T1-Q3'] }));
    await ok(await plan('AllocateBudget', { category: 'travel', amount: 10_000 }));
    await ok(await plan('AllocateBudget', { category: 'events', amount: 5_000 }));
    await ok(await plan('RecordExpense', { expenseId: 'E-1', category: 'travel', amount: 7_000, occurredAt: '2026-07-03T10:00:00+08:00' }));
    await ok(await plan('RecordExpense', { expenseId: 'E-2', category: 'travel', amount: 4_000, occurredAt: '2026-07-15T10:00:00+08:00' }));
    await ok(await plan('AssignResource', { resourceId: 'RS-1', kind: 'tool', description: 'demo licences', cost: 2_000 }));
    await ok(await plan('AddMilestone', { milestoneId: 'M-1', title: 'partner signed', due: '2026-07-10', ownerRepId: 'R-1' }));
    await ok(await plan('AddMilestone', { milestoneId: 'M-2', title: 'roadshow', due: '2026-07-25' }));
    await ok(await plan('AddMilestone', { milestoneId: 'M-3', title: 'kick-off', due: '2026-07-02' }));
    await ok(await plan('CompleteMilestone', { milestoneId: 'M-3', occurredAt: '2026-07-02T09:00:00+08:00' }));
    await ok(await plan('AddContingency', { contingencyId: 'C-1', trigger: 'July below 80 % of target', response: 'manager joins the top-20 visits' }));
    await ok(await t.post('RecordMarketInsight', { insightId: 'I-1', kind: 'competitor', subject: 'A cuts prices', summary: '15 % off for SMBs', tags: ['pricing', 'SMB'], salesPlanId: 'SP-1', occurredAt: '2026-07-05T10:00:00+08:00' }, manager));
    await ok(await t.post('RecordMarketInsight', { insightId: 'I-2', kind: 'trend', subject: 'Longer approvals', summary: 'two more weeks', tags: ['cycle'], occurredAt: '2026-07-08T10:00:00+08:00' }, admin));
    await ok(await t.post('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 200_000 }], occurredAt: '2026-07-06T10:00:00+08:00' }, admin));
  });

  it('shows budget against expenses by category with over-budget flagged, milestones overdue at `at`, resources, contingencies, goals and insights', async () => {
    const r = await t.get('/api/plans/SP-1', manager);
    expect(r.status).toBe(200);
    const p = await r.json();
    expect(p.budget).toEqual({
      allocated: 15_000, spent: 11_000, remaining: 4_000, overBudget: true,
      categories: [
        { category: 'events', allocated: 5_000, spent: 0, remaining: 5_000, overBudget: false, unbudgeted: false },
        { category: 'travel', allocated: 10_000, spent: 11_000, remaining: -1_000, overBudget: true, unbudgeted: false },
      ],
      reserve: 0,
    });
    expect(p.milestones.map((m: { milestoneId: string; status: string; overdue: boolean }) => [m.milestoneId, m.status, m.overdue])).toEqual([['M-3', 'done', false], ['M-1', 'overdue', true], ['M-2', 'open', false]]);
    expect([p.resourcesCost, p.contingencies.length, p.strategy]).toEqual([2_000, 1, 'Win back lapsed customers']);
    expect(p.goals.map((g: { goalId: string; actual: number }) => [g.goalId, g.actual])).toEqual([['G-T1-Q3', 200_000]]);
    expect(p.insights.map((i: { insightId: string }) => i.insightId)).toEqual(['I-1']);
    // at an earlier business moment the second expense had not happened and M-1 was not yet due
    const early = await (await t.get(`/api/plans/SP-1?at=${encodeURIComponent('2026-07-09T12:00:00+08:00')}`, manager)).json();
    expect([early.budget.spent, early.budget.overBudget, early.overdueMilestones]).toEqual([7_000, false, 0]);
    const list = await (await t.get('/api/plans?period=2026-Q3', manager)).json();
    expect(list.plans).toEqual([{ salesPlanId: 'SP-1', title: 'East Q3', period: '2026-Q3', owner: 'team:T-1', goalIds: ['G-T1-Q3'], budget: { allocated: 15_000, spent: 11_000, remaining: 4_000, overBudget: true, reserve: 0 }, milestones: { total: 3, overdue: 1 } }]);
  });

  it('keeps plans to their team: another manager, a rep and a viewer may not read it; a manager may not plan for the company or another team', async () => {
    expect((await t.get('/api/plans/SP-1', await t.token('manager', 'M-2', 'T-2'))).status).toBe(403);
    expect((await t.get('/api/plans/SP-1', await t.token('rep', 'R-1'))).status).toBe(403);
    expect((await t.get('/api/plans/SP-1', await t.token('viewer'))).status).toBe(403);
    expect((await t.get('/api/plans/SP-9', admin)).status).toBe(404);
    expect((await t.post('DraftSalesPlan', { salesPlanId: 'SP-CO', title: 'x', period: '2026', owner: 'company', strategy: 's' }, manager)).status).toBe(403);
    expect((await t.post('DraftSalesPlan', { salesPlanId: 'SP-T2', title: 'x', period: '2026', owner: 'team:T-2', strategy: 's' }, manager)).status).toBe(403);
    expect((await t.post('RecordExpense', { salesPlanId: 'SP-1', expenseId: 'E-9', category: 'x', amount: 1, occurredAt: '2026-07-03T10:00:00+08:00' }, await t.token('manager', 'M-2', 'T-2'))).status).toBe(403);
    expect((await t.post('AllocateBudget', { salesPlanId: 'SP-1', category: 'x', amount: 1 }, await t.token('rep', 'R-1'))).status).toBe(403);
    const missing = await t.post('DraftSalesPlan', { salesPlanId: 'SP-X', title: 'x', period: '2026', owner: 'team:T-1', strategy: 's', goalIds: ['G-NONE'] }, manager);
    expect([missing.status, (await missing.json()).detail]).toEqual([404, "unknown goal 'G-NONE'"]);
  });

  it('lists insights by kind and tag, newest first, and refuses an unknown kind', async () => {
    const all = await (await t.get('/api/insights', await t.token('rep', 'R-3'))).json();
    expect(all.insights.map((i: { insightId: string }) => i.insightId)).toEqual(['I-2', 'I-1']);
    expect((await (await t.get('/api/insights?kind=competitor', admin)).json()).insights.map((i: { insightId: string }) => i.insightId)).toEqual(['I-1']);
    expect((await (await t.get('/api/insights?tag=smb', admin)).json()).insights.map((i: { insightId: string }) => i.insightId)).toEqual(['I-1']);
    expect((await (await t.get('/api/insights?tag=cycle&kind=competitor', admin)).json()).insights).toEqual([]);
    const bad = await t.get('/api/insights?kind=rumour', admin);
    expect([bad.status, (await bad.json()).errors[0].path]).toEqual([400, 'kind']);
    expect((await t.get('/api/insights', await t.token('viewer'))).status).toBe(403);
  });

  it("shows a training's attendance and its members before and after in equal windows; a rep sees only their own row", async () => {
    await ok(await t.post('ScheduleTraining', { trainingId: 'TR-1', title: 'Negotiation', topic: 'negotiation', date: '2026-07-08', repIds: ['R-1', 'R-2'] }, manager));
    await ok(await t.post('RecordTrainingAttendance', { trainingId: 'TR-1', repId: 'R-1', score: 92, occurredAt: '2026-07-08T09:00:00+08:00' }, manager));
    expect((await t.post('RecordTrainingAttendance', { trainingId: 'TR-1', repId: 'R-3', occurredAt: '2026-07-08T09:00:00+08:00' }, admin)).status).toBe(422);
    expect((await t.post('ScheduleTraining', { trainingId: 'TR-2', title: 'x', topic: 'x', date: '2026-07-08', repIds: ['R-3'] }, manager)).status).toBe(403);
    const view = await (await t.get('/api/trainings/TR-1?days=10', manager)).json();
    // 20 July 10:00: 9–19 July are 11 whole days after, capped at 10; before: 28 June – 7 July
    expect([view.windowDays, view.complete, view.windows, view.attended, view.invited]).toEqual([10, true, { before: { from: '2026-06-28', to: '2026-07-07' }, after: { from: '2026-07-09', to: '2026-07-18' } }, 1, 2]);
    expect(view.members.map((m: { repId: string; attended: boolean; before: number; after: number }) => [m.repId, m.attended, m.before, m.after])).toEqual([['R-1', true, 200_000, 0], ['R-2', false, 0, 0]]);
    const mine = await (await t.get('/api/trainings/TR-1', await t.token('rep', 'R-2'))).json();
    expect(mine.members.map((m: { repId: string }) => m.repId)).toEqual(['R-2']);
    expect((await t.get('/api/trainings/TR-1', await t.token('rep', 'R-3'))).status).toBe(403);
    expect((await (await t.get('/api/trainings', manager)).json()).trainings).toEqual([{ trainingId: 'TR-1', title: 'Negotiation', topic: 'negotiation', date: '2026-07-08', invited: 2, attended: 1 }]);
  });
});
