// Commands of sales plans (SPEC §3a): the strategy, the goals it serves, budget by category and
// the expenses against it, resources, milestones and contingency measures.
import * as t from 'io-ts';
import { boundedArray, closed, DateOnly, Id, Instant, literalUnion, MinorUnits, Note, PeriodId, PositiveMinorUnits, Text } from '../shared/codec';
import { Owner } from '../goals/commands';

export const Category = Text(80, 'Category');

export const DraftSalesPlan = closed(
  'DraftSalesPlan',
  { salesPlanId: Id, title: Text(200), period: PeriodId, owner: Owner, strategy: Text(8000) },
  { goalIds: boundedArray(Id, 100, 0, 'GoalIds') },
);
export type DraftSalesPlan = t.TypeOf<typeof DraftSalesPlan>;

export const AllocateBudget = closed('AllocateBudget', { salesPlanId: Id, category: Category, amount: MinorUnits }, { note: Note(1000) });
export type AllocateBudget = t.TypeOf<typeof AllocateBudget>;

export const RecordExpense = closed(
  'RecordExpense',
  { salesPlanId: Id, expenseId: Id, category: Category, amount: PositiveMinorUnits, occurredAt: Instant },
  // campaignId: the marketing campaign the money was spent on (a started one)
  { description: Text(500), campaignId: Id },
);
export type RecordExpense = t.TypeOf<typeof RecordExpense>;

export const ResourceKind = literalUnion('ResourceKind', ['people', 'tool', 'channel', 'other'] as const);

export const AssignResource = closed(
  'AssignResource',
  { salesPlanId: Id, resourceId: Id, kind: ResourceKind, description: Text(500) },
  { cost: MinorUnits, repId: Id },
);
export type AssignResource = t.TypeOf<typeof AssignResource>;

export const Due = t.union([DateOnly, Instant], 'DateOrInstant');

export const AddMilestone = closed('AddMilestone', { salesPlanId: Id, milestoneId: Id, title: Text(200), due: Due }, { ownerRepId: Id });
export type AddMilestone = t.TypeOf<typeof AddMilestone>;

export const CompleteMilestone = closed('CompleteMilestone', { salesPlanId: Id, milestoneId: Id, occurredAt: Instant }, { note: Note(1000) });
export type CompleteMilestone = t.TypeOf<typeof CompleteMilestone>;

// amount: money held in reserve for the response, shown beside the budget
export const AddContingency = closed('AddContingency', { salesPlanId: Id, contingencyId: Id, trigger: Text(500), response: Text(1000) }, { amount: MinorUnits });
export type AddContingency = t.TypeOf<typeof AddContingency>;
