// The plan side of a review: budget against actual of the sales plans that cover the period,
// milestones overdue at `at`, trainings held in the period and the market insights recorded in it.
import { periodBounds } from '../../shared/period';
import { insightsWhere } from '../../insights/readModels/insights';
import { budgetOf, overdueMilestones, plansWhere, type BudgetLine, type PlanRecord } from '../../plans/readModels/plans';
import { trainingsList } from '../../training/readModels/trainings';
import { localDay, dayId } from '../../ledger/salesLedger';
import { coversRep, ownerInReview, ownerNameIn, shared, type ReviewContext } from './context';
import { defineSection } from './section';

/** Plans whose period overlaps the review's (a Q4 plan belongs in November's review). */
const plansOf = (ctx: ReviewContext): PlanRecord[] =>
  shared(ctx, 'plans', () =>
    plansWhere(ctx.world, { visible: ownerInReview(ctx) }).filter((p) => {
      const b = periodBounds(p.period, ctx.zone);
      return b.start < ctx.bounds.end && b.end > ctx.bounds.start;
    }),
  );

export const budgetSection = defineSection('budget', (ctx) => {
  const plans = plansOf(ctx).map((p) => ({ salesPlanId: p.salesPlanId, title: p.title, period: p.period, owner: p.owner, ...budgetOf(p, ctx.atMs) }));
  const byCategory = new Map<string, { allocated: number; spent: number }>();
  for (const p of plans) for (const c of p.categories) {
    const t = byCategory.get(c.category) ?? { allocated: 0, spent: 0 };
    byCategory.set(c.category, { allocated: t.allocated + c.allocated, spent: t.spent + c.spent });
  }
  const categories: BudgetLine[] = [...byCategory].sort(([a], [b]) => a.localeCompare(b)).map(([category, t]) => ({
    category, allocated: t.allocated, spent: t.spent, remaining: t.allocated - t.spent, overBudget: t.spent > t.allocated, unbudgeted: t.allocated === 0 && t.spent > 0,
  }));
  const allocated = categories.reduce((a, c) => a + c.allocated, 0);
  const spent = categories.reduce((a, c) => a + c.spent, 0);
  // the contingencies' reserve stands beside the budget, as on each plan
  const reserve = plans.reduce((a, p) => a + p.reserve, 0);
  return { allocated, spent, remaining: allocated - spent, overBudget: categories.some((c) => c.overBudget), categories, reserve, plans };
});

export const overdueMilestonesSection = defineSection('overdueMilestones', (ctx) => {
  const ids = new Set(plansOf(ctx).map((p) => p.salesPlanId));
  return overdueMilestones(ctx.world, { visible: ownerInReview(ctx) }, ctx.atMs)
    .filter((m) => ids.has(m.salesPlanId))
    .map((m) => ({ ...m, ownerName: ownerNameIn(ctx, m) }));
});

/** The period's first and last local dates, for filters that take dates. */
export const periodDates = (ctx: ReviewContext) => ({ from: dayId(localDay(ctx.bounds.start, ctx.zone)), to: dayId(localDay(ctx.bounds.end, ctx.zone) - 1) });

export const trainingSection = defineSection('training', (ctx) =>
  // trainings of the period held by `at`
  trainingsList(ctx.world, { ...periodDates(ctx), visible: (repId) => coversRep(ctx, repId) }).filter((t) => t.date <= dayId(localDay(ctx.atMs, ctx.zone))),
);

export const insightsSection = defineSection('insights', (ctx) =>
  insightsWhere(ctx.world, { from: ctx.bounds.start, to: Math.min(ctx.bounds.end, ctx.atMs + 1) }).map(({ insightId, kind, subject, summary, tags, occurredAt, salesPlanId }) => ({
    insightId, kind, subject, summary, tags, occurredAt, salesPlanId: salesPlanId ?? null,
  })),
);
