// Rules of sales plans, market research and training, given the events before them.
import { describe, expect, it } from 'vitest';
import { given } from '../../support/given';

const company = [
  { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: 'M-1' } },
  { stream: 'tally-rep-R-1', type: 'RepAdded', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-rep-R-2', type: 'RepAdded', data: { repId: 'R-2', name: 'B', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-goal-G', type: 'GoalSet', data: { goalId: 'G', title: 'G', owner: 'team:T-1', metric: 'revenue', period: '2026-Q3', target: 9 } },
];
const drafted = [...company, { stream: 'tally-salesplan-SP', type: 'SalesPlanDrafted', data: { salesPlanId: 'SP', title: 'Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 's', goalIds: [], teamId: 'T-1' } }];
const at = '2026-07-05T10:00:00+08:00';

describe('sales plans', () => {
  it('drafts a plan for a team with the goals it serves, and refuses an unknown goal or team', () => {
    given(company, { knownGoals: ['G'] }).when('DraftSalesPlan', { salesPlanId: 'SP', title: 'Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 'focus on manufacturing', goalIds: ['G'] }).then([
      { type: 'SalesPlanDrafted', data: { salesPlanId: 'SP', title: 'Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 'focus on manufacturing', goalIds: ['G'], teamId: 'T-1' } },
    ]);
    given(company, { knownGoals: [] }).when('DraftSalesPlan', { salesPlanId: 'SP', title: 'Q3', period: '2026-Q3', owner: 'team:T-1', strategy: 's', goalIds: ['G-9'] }).rejects('notFound', 'G-9');
    given(company).when('DraftSalesPlan', { salesPlanId: 'SP', title: 'Q3', period: '2026-Q3', owner: 'team:T-9', strategy: 's' }).rejects('notFound', 'T-9');
    given(drafted).when('DraftSalesPlan', { salesPlanId: 'SP', title: 'Q3', period: '2026-Q3', owner: 'company', strategy: 's' }).rejects('conflict');
  });

  it('keeps the previous allocation in the event, and takes an expense in a category with no budget', () => {
    const budget = { stream: 'tally-salesplan-SP', type: 'BudgetAllocated', data: { salesPlanId: 'SP', category: 'travel', amount: 100, previous: 0 } };
    given([...drafted, budget]).when('AllocateBudget', { salesPlanId: 'SP', category: 'travel', amount: 250 }).then([{ type: 'BudgetAllocated', data: { salesPlanId: 'SP', category: 'travel', amount: 250, previous: 100 } }]);
    given(drafted).when('RecordExpense', { salesPlanId: 'SP', expenseId: 'E1', category: 'gifts', amount: 30, occurredAt: at }).then([{ type: 'ExpenseRecorded', occurredAt: at }]);
  });

  it('refuses a negative budget, a zero expense, a duplicate expense and a plan that does not exist', () => {
    given(drafted).when('AllocateBudget', { salesPlanId: 'SP', category: 'travel', amount: -1 }).rejects('invalid', 'amount');
    given(drafted).when('RecordExpense', { salesPlanId: 'SP', expenseId: 'E1', category: 'x', amount: 0, occurredAt: at }).rejects('invalid', 'amount');
    const spent = { stream: 'tally-salesplan-SP', type: 'ExpenseRecorded', data: { salesPlanId: 'SP', expenseId: 'E1', category: 'x', amount: 5 } };
    given([...drafted, spent]).when('RecordExpense', { salesPlanId: 'SP', expenseId: 'E1', category: 'x', amount: 5, occurredAt: at }).rejects('conflict', 'E1');
    given(company).when('AllocateBudget', { salesPlanId: 'SP-9', category: 'x', amount: 1 }).rejects('notFound', 'SP-9');
  });

  it('adds milestones with a due date and an owner, completes each once, and refuses an unknown owner', () => {
    given(drafted).when('AddMilestone', { salesPlanId: 'SP', milestoneId: 'M1', title: 'sign', due: '2026-07-10', ownerRepId: 'R-1' }).then([{ type: 'MilestoneAdded' }]);
    given(drafted).when('AddMilestone', { salesPlanId: 'SP', milestoneId: 'M1', title: 'sign', due: 'soon' }).rejects('invalid', 'due');
    given(drafted).when('AddMilestone', { salesPlanId: 'SP', milestoneId: 'M1', title: 'sign', due: '2026-07-10', ownerRepId: 'R-9' }).rejects('notFound', 'R-9');
    const added = { stream: 'tally-salesplan-SP', type: 'MilestoneAdded', data: { salesPlanId: 'SP', milestoneId: 'M1', title: 'sign', due: '2026-07-10' } };
    const done = { stream: 'tally-salesplan-SP', type: 'MilestoneCompleted', data: { salesPlanId: 'SP', milestoneId: 'M1' } };
    given([...drafted, added]).when('CompleteMilestone', { salesPlanId: 'SP', milestoneId: 'M1', occurredAt: at }).then([{ type: 'MilestoneCompleted', occurredAt: at }]);
    given([...drafted, added, done]).when('CompleteMilestone', { salesPlanId: 'SP', milestoneId: 'M1', occurredAt: at }).rejects('milestone-already-completed');
    given(drafted).when('CompleteMilestone', { salesPlanId: 'SP', milestoneId: 'M9', occurredAt: at }).rejects('notFound', 'M9');
  });

  it('assigns resources of the contract kinds and adds contingencies once', () => {
    given(drafted).when('AssignResource', { salesPlanId: 'SP', resourceId: 'RS', kind: 'channel', description: 'partner', cost: 500 }).then([{ type: 'ResourceAssigned', data: { salesPlanId: 'SP', resourceId: 'RS', kind: 'channel', description: 'partner', cost: 500 } }]);
    given(drafted).when('AssignResource', { salesPlanId: 'SP', resourceId: 'RS', kind: 'budget', description: 'x' }).rejects('invalid', 'kind');
    const ct = { stream: 'tally-salesplan-SP', type: 'ContingencyAdded', data: { salesPlanId: 'SP', contingencyId: 'C1', trigger: 't', response: 'r' } };
    given([...drafted, ct]).when('AddContingency', { salesPlanId: 'SP', contingencyId: 'C1', trigger: 't', response: 'r' }).rejects('conflict');
  });
});

describe('market research', () => {
  it('records an insight with its tags once each, linked to an existing plan', () => {
    const [e] = given(drafted)
      .when('RecordMarketInsight', { insightId: 'I1', kind: 'competitor', subject: 'A', summary: 'cheaper', tags: ['Pricing', 'pricing', 'SMB'], salesPlanId: 'SP', occurredAt: at })
      .then([{ type: 'MarketInsightRecorded', occurredAt: at }]);
    expect((e.data as { tags: string[] }).tags).toEqual(['Pricing', 'SMB']);
    given(company).when('RecordMarketInsight', { insightId: 'I1', kind: 'competitor', subject: 'A', summary: 's', salesPlanId: 'SP-9', occurredAt: at }).rejects('notFound', 'SP-9');
    given(company).when('RecordMarketInsight', { insightId: 'I1', kind: 'rumour', subject: 'A', summary: 's', occurredAt: at }).rejects('invalid', 'kind');
  });

  it("records the team an insight is for: named, else its plan's; refuses an unknown team and a team other than its plan's", () => {
    const insight = (more: object) => ({ insightId: 'I1', kind: 'trend', subject: 'A', summary: 's', occurredAt: at, ...more });
    const [linked] = given(drafted).when('RecordMarketInsight', insight({ salesPlanId: 'SP' })).then([{ type: 'MarketInsightRecorded' }]);
    expect((linked.data as { teamId?: string }).teamId).toBe('T-1'); // plan SP is team T-1's
    const [named] = given(company).when('RecordMarketInsight', insight({ teamId: 'T-1' })).then([{ type: 'MarketInsightRecorded' }]);
    expect((named.data as { teamId?: string }).teamId).toBe('T-1');
    const [none] = given(company).when('RecordMarketInsight', insight({})).then([{ type: 'MarketInsightRecorded' }]);
    expect((none.data as { teamId?: string }).teamId).toBeUndefined(); // the company's
    given(company).when('RecordMarketInsight', insight({ teamId: 'T-9' })).rejects('notFound', 'T-9');
    const t2 = { stream: 'tally-team-T-2', type: 'TeamCreated', data: { teamId: 'T-2', name: 'North', managerId: 'M-2' } };
    given([...drafted, t2]).when('RecordMarketInsight', insight({ salesPlanId: 'SP', teamId: 'T-2' })).rejects('insight-team-is-plan-team', "not for 'T-2'");
  });
});

describe('training', () => {
  const scheduled = [...company, { stream: 'tally-training-TR', type: 'TrainingScheduled', data: { trainingId: 'TR', title: 't', topic: 't', date: '2026-07-15', repIds: ['R-1'] } }];

  it('schedules known reps once each and records an invited rep once, not before the day', () => {
    given(company).when('ScheduleTraining', { trainingId: 'TR', title: 't', topic: 't', date: '2026-07-15', repIds: ['R-1', 'R-2'] }).then([{ type: 'TrainingScheduled' }]);
    given(company).when('ScheduleTraining', { trainingId: 'TR', title: 't', topic: 't', date: '2026-07-15', repIds: ['R-1', 'R-1'] }).rejects('invalid', 'repIds');
    given(company).when('ScheduleTraining', { trainingId: 'TR', title: 't', topic: 't', date: '2026-02-30', repIds: ['R-1'] }).rejects('invalid', 'date');
    given(scheduled).when('RecordTrainingAttendance', { trainingId: 'TR', repId: 'R-1', score: 88.5, occurredAt: '2026-07-15T09:00:00+08:00' }).then([{ type: 'TrainingAttended', data: { trainingId: 'TR', repId: 'R-1', score: '88.5' } }]);
    given(scheduled).when('RecordTrainingAttendance', { trainingId: 'TR', repId: 'R-2', occurredAt: '2026-07-15T09:00:00+08:00' }).rejects('not-invited', 'data.repId');
    given(scheduled).when('RecordTrainingAttendance', { trainingId: 'TR', repId: 'R-1', occurredAt: '2026-07-14T09:00:00+08:00' }).rejects('attendance-before-training');
    given(scheduled).when('RecordTrainingAttendance', { trainingId: 'TR', repId: 'R-1', score: 101, occurredAt: '2026-07-15T09:00:00+08:00' }).rejects('invalid', 'score');
  });
});
