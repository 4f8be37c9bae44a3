// Sales plans as read: strategy and linked goals, budget against expenses by category (over
// budget flagged), resources and their cost, milestones (overdue at `at`), contingencies and the
// insights that inform the plan. Exposes what reviews need: overdue milestones and budget lines.
import { defineProjection, unchanged } from '../../fold/projection';
import { goalProgress, type GoalPolicy, type GoalProgress } from '../../goals/readModels/goalProgress';
import { insightsWhere, type Insight } from '../../insights/readModels/insights';
import type { World } from '../../fold/world';
import { isDateOnly } from '../../shared/codec';
import { inPeriod, parsePeriod, periodBounds, toMillis } from '../../shared/period';
import { epochDay, localDayStart } from '../../ledger/metricDays';

export interface Expense {
  readonly expenseId: string;
  readonly category: string;
  readonly amount: number;
  readonly description?: string;
  readonly campaignId?: string;
  readonly occurredAt: string;
}

export interface Resource {
  readonly resourceId: string;
  readonly kind: string;
  readonly description: string;
  readonly cost: number | null;
  readonly repId?: string;
}

export interface Milestone {
  readonly milestoneId: string;
  readonly title: string;
  readonly due: string;
  readonly ownerRepId?: string;
  completedAt?: string;
}

export interface PlanRecord {
  readonly salesPlanId: string;
  readonly title: string;
  readonly period: string;
  readonly owner: string;
  readonly teamId?: string;
  readonly strategy: string;
  readonly goalIds: readonly string[];
  readonly draftedAt: string;
  readonly budgets: Map<string, number>;
  readonly expenses: Expense[];
  readonly resources: Resource[];
  readonly milestones: Map<string, Milestone>;
  readonly contingencies: { contingencyId: string; trigger: string; response: string; amount: number | null }[];
  /** payouts approved for the plan's people in its period: their cost (docs/FIGURES.md#plan-budget-and-spent) */
  readonly payouts: ApprovedPayout[];
}

/** An approved payout as the plans read it: what the company pays a rep for a period. */
export interface ApprovedPayout {
  readonly repId: string;
  readonly teamId: string;
  readonly period: string;
  readonly total: number;
  readonly approvedAt: string;
}

/** The budget category approved payouts are spent from. */
export const PEOPLE_CATEGORY = 'people';

export interface PlansState {
  readonly plans: Map<string, PlanRecord>;
  /** every payout approved, so a plan drafted later still counts those of its period */
  readonly payouts: ApprovedPayout[];
  readonly zone: string;
}

/** A payout is a plan's people cost when its period lies within the plan's and it pays one of the plan's people. */
const paysPlanPeople = (p: Pick<PlanRecord, 'owner' | 'period'>, a: ApprovedPayout, zone: string): boolean => {
  if (!parsePeriod(p.period) || !parsePeriod(a.period)) return false;
  const plan = periodBounds(p.period, zone);
  const paid = periodBounds(a.period, zone);
  if (paid.start < plan.start || paid.end > plan.end) return false;
  return p.owner === 'company' || p.owner === `team:${a.teamId}` || p.owner === `rep:${a.repId}`;
};

export const plansProjection = defineProjection({
  name: 'plans',
  types: ['SalesPlanDrafted', 'BudgetAllocated', 'ExpenseRecorded', 'ResourceAssigned', 'MilestoneAdded', 'MilestoneCompleted', 'ContingencyAdded', 'PayoutApproved'],
  init: (settings): PlansState => ({ plans: new Map(), payouts: [], zone: settings.zone }),
  apply: (s, e) => {
    if (e.type === 'SalesPlanDrafted') {
      const d = e.data;
      s.plans.set(d.salesPlanId, {
        salesPlanId: d.salesPlanId, title: d.title, period: d.period, owner: d.owner, ...(d.teamId ? { teamId: d.teamId } : {}), strategy: d.strategy, goalIds: d.goalIds,
        draftedAt: e.recordedAt, budgets: new Map(), expenses: [], resources: [], milestones: new Map(), contingencies: [],
        payouts: s.payouts.filter((a) => paysPlanPeople(d, a, s.zone)),
      });
      return s;
    }
    if (e.type === 'PayoutApproved') {
      const a: ApprovedPayout = { repId: e.data.repId, teamId: e.data.teamId, period: e.data.period, total: e.data.total, approvedAt: e.occurredAt };
      s.payouts.push(a);
      for (const p of s.plans.values()) if (paysPlanPeople(p, a, s.zone)) p.payouts.push(a);
      return s;
    }
    const p = s.plans.get(e.data.salesPlanId);
    if (!p) return s;
    switch (e.type) {
      case 'BudgetAllocated': {
        const d = e.data;
        p.budgets.set(d.category, d.amount);
        break;
      }
      case 'ExpenseRecorded': {
        const d = e.data;
        p.expenses.push({ expenseId: d.expenseId, category: d.category, amount: d.amount, ...(d.description ? { description: d.description } : {}), ...(d.campaignId ? { campaignId: d.campaignId } : {}), occurredAt: e.occurredAt });
        break;
      }
      case 'ResourceAssigned': {
        const d = e.data;
        p.resources.push({ resourceId: d.resourceId, kind: d.kind, description: d.description, cost: d.cost ?? null, ...(d.repId ? { repId: d.repId } : {}) });
        break;
      }
      case 'MilestoneAdded': {
        const d = e.data;
        p.milestones.set(d.milestoneId, { milestoneId: d.milestoneId, title: d.title, due: d.due, ...(d.ownerRepId ? { ownerRepId: d.ownerRepId } : {}) });
        break;
      }
      case 'MilestoneCompleted': {
        const m = p.milestones.get(e.data.milestoneId);
        if (m) m.completedAt = e.occurredAt;
        break;
      }
      case 'ContingencyAdded': {
        const d = e.data;
        p.contingencies.push({ contingencyId: d.contingencyId, trigger: d.trigger, response: d.response, amount: d.amount ?? null });
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

// ---------- queries ----------

/** When a due date passes: a date is due by the end of that local day; an instant at itself. */
export const dueMs = (due: string, zone: string): number => {
  if (!isDateOnly(due)) return toMillis(due);
  return localDayStart(epochDay(due) + 1, zone);
};

export interface MilestoneView extends Milestone {
  readonly salesPlanId: string;
  readonly status: 'done' | 'open' | 'overdue';
  readonly overdue: boolean;
  /** completed after it was due */
  readonly late: boolean;
}

const milestoneView = (p: PlanRecord, m: Milestone, atMs: number, zone: string): MilestoneView => {
  const due = dueMs(m.due, zone);
  const done = m.completedAt !== undefined && toMillis(m.completedAt) <= atMs;
  const overdue = !done && atMs >= due;
  return { salesPlanId: p.salesPlanId, ...m, ...(done ? {} : { completedAt: undefined }), status: done ? 'done' : overdue ? 'overdue' : 'open', overdue, late: done && toMillis(m.completedAt!) >= due };
};

export interface BudgetLine {
  readonly category: string;
  readonly allocated: number;
  readonly spent: number;
  readonly remaining: number;
  readonly overBudget: boolean;
  /** spent with no allocation at all */
  readonly unbudgeted: boolean;
}

export interface BudgetView {
  readonly allocated: number;
  readonly spent: number;
  readonly remaining: number;
  readonly overBudget: boolean;
  readonly categories: readonly BudgetLine[];
  /** held in reserve by the plan's contingencies, beside the budget (not in `allocated`) */
  readonly reserve: number;
}

/**
 * The plan's expenses that occurred by `at`: the one set the expense list shows and the budget
 * sums, so the two always agree (an expense dated outside the plan's period, recorded before such
 * expenses were refused, is in both and flagged).
 */
export const expensesBy = (p: PlanRecord, atMs: number): Expense[] => p.expenses.filter((e) => toMillis(e.occurredAt) <= atMs);

/** Budget against expenses by category (expenses that occurred by `at`), categories by name. */
export const budgetOf = (p: PlanRecord, atMs: number = Number.POSITIVE_INFINITY): BudgetView => {
  const spent = new Map<string, number>();
  for (const e of expensesBy(p, atMs)) spent.set(e.category, (spent.get(e.category) ?? 0) + e.amount);
  const people = payoutsBy(p, atMs).reduce((a, x) => a + x.total, 0);
  if (people !== 0) spent.set(PEOPLE_CATEGORY, (spent.get(PEOPLE_CATEGORY) ?? 0) + people);
  const names = [...new Set([...p.budgets.keys(), ...spent.keys()])].sort();
  const categories = names.map((category) => {
    const allocated = p.budgets.get(category) ?? 0;
    const s = spent.get(category) ?? 0;
    return { category, allocated, spent: s, remaining: allocated - s, overBudget: s > allocated, unbudgeted: !p.budgets.has(category) && s > 0 };
  });
  const allocated = categories.reduce((a, c) => a + c.allocated, 0);
  const total = categories.reduce((a, c) => a + c.spent, 0);
  const reserve = p.contingencies.reduce((a, c) => a + (c.amount ?? 0), 0);
  return { allocated, spent: total, remaining: allocated - total, overBudget: categories.some((c) => c.overBudget), categories, reserve };
};

/** The plan's people costs known by `at`: payouts approved by then. */
export const payoutsBy = (p: PlanRecord, atMs: number): ApprovedPayout[] => p.payouts.filter((a) => toMillis(a.approvedAt) <= atMs);

export interface PlanView {
  readonly salesPlanId: string;
  readonly title: string;
  readonly period: string;
  readonly owner: string;
  readonly strategy: string;
  readonly goalIds: readonly string[];
  readonly draftedAt: string;
  readonly at: string;
  readonly budget: BudgetView;
  /** the expenses the budget counts, oldest first */
  readonly expenses: readonly ExpenseView[];
  /** payouts approved for the plan's people by `at`, counted as spent in the `people` category */
  readonly payouts: readonly ApprovedPayout[];
  /** expenses dated outside the plan's period, named */
  readonly warnings: readonly string[];
  readonly resources: readonly Resource[];
  readonly resourcesCost: number;
  readonly milestones: readonly MilestoneView[];
  readonly overdueMilestones: number;
  readonly contingencies: PlanRecord['contingencies'];
  readonly goals: readonly GoalProgress[];
  readonly insights: readonly Insight[];
}

export interface ExpenseView extends Expense {
  /** dated outside the plan's period (recorded before that was refused): counted, and warned about */
  readonly outsidePeriod: boolean;
}

const expenseViews = (p: PlanRecord, atMs: number, zone: string): ExpenseView[] => {
  const valid = parsePeriod(p.period) !== undefined;
  return expensesBy(p, atMs)
    .sort((a, b) => toMillis(a.occurredAt) - toMillis(b.occurredAt))
    .map((e) => ({ ...e, outsidePeriod: valid && !inPeriod(p.period, e.occurredAt, zone) }));
};

export const planRecord = (world: World, id: string): PlanRecord | undefined => world.get(plansProjection).plans.get(id);

/** The whole plan at business moment `at`, with its linked goals' progress. */
export const planView = (world: World, id: string, o: { at: string | number; policy?: GoalPolicy }): PlanView | undefined => {
  const p = planRecord(world, id);
  if (!p) return undefined;
  const atMs = toMillis(o.at);
  const zone = world.settings.zone;
  const expenses = expenseViews(p, atMs, zone);
  const milestones = [...p.milestones.values()].map((m) => milestoneView(p, m, atMs, zone)).sort((a, b) => dueMs(a.due, zone) - dueMs(b.due, zone) || a.milestoneId.localeCompare(b.milestoneId));
  return {
    salesPlanId: p.salesPlanId, title: p.title, period: p.period, owner: p.owner, strategy: p.strategy, goalIds: p.goalIds, draftedAt: p.draftedAt,
    at: typeof o.at === 'string' ? o.at : new Date(o.at).toISOString(),
    budget: budgetOf(p, atMs),
    expenses,
    payouts: payoutsBy(p, atMs),
    warnings: expenses.filter((e) => e.outsidePeriod).map((e) => `expense '${e.expenseId}' (${e.occurredAt}) is outside the plan's period ${p.period}; it is counted in spent`),
    resources: p.resources,
    resourcesCost: p.resources.reduce((a, r) => a + (r.cost ?? 0), 0),
    milestones,
    overdueMilestones: milestones.filter((m) => m.overdue).length,
    contingencies: p.contingencies,
    goals: p.goalIds.flatMap((g) => goalProgress(world, g, { at: o.at, policy: o.policy }) ?? []),
    insights: insightsWhere(world, { salesPlanId: p.salesPlanId }),
  };
};

export interface PlanFilter {
  readonly period?: string;
  readonly owner?: string;
  readonly visible?: (owner: string) => boolean;
}

export const plansWhere = (world: World, f: PlanFilter): PlanRecord[] =>
  [...world.get(plansProjection).plans.values()]
    .filter((p) => (f.period === undefined || p.period === f.period) && (f.owner === undefined || p.owner === f.owner) && (!f.visible || f.visible(p.owner)))
    .sort((a, b) => a.period.localeCompare(b.period) || a.salesPlanId.localeCompare(b.salesPlanId));

/** Milestones overdue at `at` across the plans the filter keeps: for the period review. */
export const overdueMilestones = (world: World, f: PlanFilter, at: string | number): MilestoneView[] => {
  const atMs = toMillis(at);
  const zone = world.settings.zone;
  return plansWhere(world, f).flatMap((p) => [...p.milestones.values()].map((m) => milestoneView(p, m, atMs, zone)).filter((m) => m.overdue));
};
