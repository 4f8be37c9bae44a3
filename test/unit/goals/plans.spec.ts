// Sales plans and training as read: budget against expenses (over budget and unbudgeted flagged),
// milestones overdue at a business moment in the deployment's zone, and a training's members'
// figures in equal windows before and after it.
import { describe, expect, it } from 'vitest';
import { budgetOf, planRecord, planView } from '../../../core/plans/readModels/plans';
import { trainingView } from '../../../core/training/readModels/trainings';
import { goal, rep, sale, team, worldOf, type Draft } from './world';

const plan: Draft[] = [
  team('T-1'), rep('R-1', 'T-1'), goal('G', 'team:T-1', '2026-Q3', 1_000),
  { type: 'SalesPlanDrafted', data: { salesPlanId: 'SP', title: 'Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 'focus', goalIds: ['G'], teamId: 'T-1' } },
  { type: 'BudgetAllocated', data: { salesPlanId: 'SP', category: 'travel', amount: 1_000, previous: 0 } },
  { type: 'BudgetAllocated', data: { salesPlanId: 'SP', category: 'events', amount: 500, previous: 0 } },
  { type: 'ExpenseRecorded', occurredAt: '2026-07-05T10:00:00+08:00', data: { salesPlanId: 'SP', expenseId: 'E1', category: 'travel', amount: 700 } },
  { type: 'ExpenseRecorded', occurredAt: '2026-07-20T10:00:00+08:00', data: { salesPlanId: 'SP', expenseId: 'E2', category: 'travel', amount: 400 } },
  { type: 'ExpenseRecorded', occurredAt: '2026-07-21T10:00:00+08:00', data: { salesPlanId: 'SP', expenseId: 'E3', category: 'gifts', amount: 50 } },
  { type: 'MilestoneAdded', data: { salesPlanId: 'SP', milestoneId: 'M1', title: 'sign partner', due: '2026-07-10', ownerRepId: 'R-1' } },
  { type: 'MilestoneAdded', data: { salesPlanId: 'SP', milestoneId: 'M2', title: 'launch', due: '2026-07-31T18:00:00+08:00' } },
  { type: 'MilestoneCompleted', occurredAt: '2026-07-30T10:00:00+08:00', data: { salesPlanId: 'SP', milestoneId: 'M2' } },
];

describe('sales plan', () => {
  it('sets budget against expenses by category and flags an over-spent and an unbudgeted one', () => {
    const b = budgetOf(planRecord(worldOf(plan), 'SP')!);
    expect(b.categories).toEqual([
      { category: 'events', allocated: 500, spent: 0, remaining: 500, overBudget: false, unbudgeted: false },
      { category: 'gifts', allocated: 0, spent: 50, remaining: -50, overBudget: true, unbudgeted: true },
      { category: 'travel', allocated: 1_000, spent: 1_100, remaining: -100, overBudget: true, unbudgeted: false },
    ]);
    expect([b.allocated, b.spent, b.overBudget]).toEqual([1_500, 1_150, true]);
    // as of a business moment, only the expenses that had occurred
    expect(budgetOf(planRecord(worldOf(plan), 'SP')!, Date.parse('2026-07-10T00:00:00+08:00')).spent).toBe(700);
  });

  it('makes a milestone due on a date overdue from midnight after it in Shanghai, not in UTC', () => {
    const w = worldOf(plan);
    const status = (at: string) => planView(w, 'SP', { at })!.milestones.map((m) => [m.milestoneId, m.status]);
    expect(status('2026-07-10T23:59:00+08:00')).toEqual([['M1', 'open'], ['M2', 'open']]);
    expect(status('2026-07-11T00:00:00+08:00')).toEqual([['M1', 'overdue'], ['M2', 'open']]);
    // 2026-07-10T16:30Z is 00:30 on the 11th in Shanghai
    expect(status('2026-07-10T16:30:00Z')[0]).toEqual(['M1', 'overdue']);
    expect(status('2026-08-01T00:00:00+08:00')).toEqual([['M1', 'overdue'], ['M2', 'done']]);
    const view = planView(w, 'SP', { at: '2026-08-01T00:00:00+08:00' })!;
    expect([view.overdueMilestones, view.goals.map((g) => g.goalId)]).toEqual([1, ['G']]);
  });
});

describe('training', () => {
  const events: Draft[] = [
    team('T-1'), rep('R-1', 'T-1'), rep('R-2', 'T-1'),
    { type: 'TrainingScheduled', data: { trainingId: 'TR', title: 'Negotiation', topic: 'negotiation', date: '2026-07-15', repIds: ['R-1', 'R-2'] } },
    { type: 'TrainingAttended', occurredAt: '2026-07-15T09:00:00+08:00', data: { trainingId: 'TR', repId: 'R-1', score: '90' } },
    sale('R-1', 'T-1', 100, '2026-07-05T10:00:00+08:00'),
    sale('R-1', 'T-1', 999, '2026-07-15T10:00:00+08:00'), // the training day itself is in neither window
    sale('R-1', 'T-1', 300, '2026-07-17T10:00:00+08:00'),
    sale('R-1', 'T-1', 700, '2026-07-28T10:00:00+08:00'),
    sale('R-2', 'T-1', 200, '2026-07-10T10:00:00+08:00'),
  ];

  it("compares each member's metric in equal windows before and after, cut to the days past at `at`", () => {
    const w = worldOf(events);
    // at 20 July 10:00 the days 16–19 have passed: four days after, so four days before (11–14)
    const early = trainingView(w, 'TR', { at: '2026-07-20T10:00:00+08:00', metric: 'revenue', days: 30 })!;
    expect([early.windowDays, early.complete, early.windows]).toEqual([4, false, { before: { from: '2026-07-11', to: '2026-07-14' }, after: { from: '2026-07-16', to: '2026-07-19' } }]);
    expect(early.members.map((m) => [m.repId, m.attended, m.before, m.after])).toEqual([['R-1', true, 0, 300], ['R-2', false, 0, 0]]);
    const full = trainingView(w, 'TR', { at: '2026-09-01T00:00:00+08:00', metric: 'revenue', days: 14 })!;
    expect(full.members.map((m) => [m.repId, m.before, m.after, m.change, m.growth])).toEqual([['R-1', 100, 1_000, 900, 9], ['R-2', 200, 0, -200, -1]]);
    expect([full.attendanceRate, full.averageScore, full.summary.attended.growth, full.summary.absent.members]).toEqual([0.5, '90', 9, 1]);
  });
});
