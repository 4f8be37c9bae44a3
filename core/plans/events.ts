// Events of sales plans.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

const opt = <P extends t.Props>(required: P, optional: t.Props, name: string) => t.intersection([t.type(required), t.partial(optional)], name);

export const SalesPlanDrafted = opt(
  { salesPlanId: t.string, title: t.string, period: t.string, owner: t.string, strategy: t.string, goalIds: t.array(t.string) },
  { teamId: t.string },
  'SalesPlanDrafted',
);
export const BudgetAllocated = opt({ salesPlanId: t.string, category: t.string, amount: t.number, previous: t.number }, { note: t.string }, 'BudgetAllocated');
export const ExpenseRecorded = opt({ salesPlanId: t.string, expenseId: t.string, category: t.string, amount: t.number }, { description: t.string, campaignId: t.string }, 'ExpenseRecorded');
export const ResourceAssigned = opt({ salesPlanId: t.string, resourceId: t.string, kind: t.string, description: t.string }, { cost: t.number, repId: t.string }, 'ResourceAssigned');
export const MilestoneAdded = opt({ salesPlanId: t.string, milestoneId: t.string, title: t.string, due: t.string }, { ownerRepId: t.string }, 'MilestoneAdded');
export const MilestoneCompleted = opt({ salesPlanId: t.string, milestoneId: t.string }, { note: t.string }, 'MilestoneCompleted');
export const ContingencyAdded = opt({ salesPlanId: t.string, contingencyId: t.string, trigger: t.string, response: t.string }, { amount: t.number }, 'ContingencyAdded');

export type SalesPlanEvent = EventsOf<typeof salesPlanEventCodecs>;

export type SalesPlanEventData<T extends SalesPlanEvent['type']> = Extract<SalesPlanEvent, { type: T }>['data'];

export const salesPlanEventCodecs = { SalesPlanDrafted, BudgetAllocated, ExpenseRecorded, ResourceAssigned, MilestoneAdded, MilestoneCompleted, ContingencyAdded } as const;
