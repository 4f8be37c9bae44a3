// Sales plan stream state: what a decision needs — the owner (for scope), the ids already used,
// each category's budget and which milestones are done.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type SalesPlanEvent, salesPlanEventCodecs } from './events';

export type SalesPlanState =
  | { readonly status: 'none' }
  | {
      readonly status: 'drafted';
      readonly owner: string;
      /** the period the plan is for: its expenses fall in it */
      readonly period: string;
      /** the owning team (a rep's team when drafted), for managers' scope */
      readonly teamId?: string;
      readonly budgets: ReadonlyMap<string, number>;
      readonly expenses: ReadonlySet<string>;
      readonly resources: ReadonlySet<string>;
      /** milestone id → completed? */
      readonly milestones: ReadonlyMap<string, boolean>;
      readonly contingencies: ReadonlySet<string>;
    };

export const initialSalesPlan = (): SalesPlanState => ({ status: 'none' });

const withAdded = <T>(set: ReadonlySet<T>, v: T) => new Set([...set, v]);

export const evolveSalesPlan = (s: SalesPlanState, e: FoldedEvent<SalesPlanEvent>): SalesPlanState => {
  if (e.type === 'SalesPlanDrafted')
    return { status: 'drafted', owner: e.data.owner, period: e.data.period, teamId: e.data.teamId, budgets: new Map(), expenses: new Set(), resources: new Set(), milestones: new Map(), contingencies: new Set() };
  if (s.status !== 'drafted') return s;
  switch (e.type) {
    case 'BudgetAllocated':
      return { ...s, budgets: new Map(s.budgets).set(e.data.category, e.data.amount) };
    case 'ExpenseRecorded':
      return { ...s, expenses: withAdded(s.expenses, e.data.expenseId) };
    case 'ResourceAssigned':
      return { ...s, resources: withAdded(s.resources, e.data.resourceId) };
    case 'MilestoneAdded':
      return { ...s, milestones: new Map(s.milestones).set(e.data.milestoneId, false) };
    case 'MilestoneCompleted':
      return { ...s, milestones: new Map(s.milestones).set(e.data.milestoneId, true) };
    case 'ContingencyAdded':
      return { ...s, contingencies: withAdded(s.contingencies, e.data.contingencyId) };
    default:
      return s;
  }
};

export const salesPlanStream = streamKind('tally-salesplan-', initialSalesPlan, evolveSalesPlan, salesPlanEventCodecs);
