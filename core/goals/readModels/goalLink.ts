// Where incentives meet goals: a rep's goal on a metric and period — as a plan's quota
// (`quota: { fromGoal: true }`), as the bar of a contest ranked by attainment, as the line of the
// "100 % of goal" badge — citing the goal's events (set and revisions).
import type { QuotaFact } from '../../incentives/calculate/statement';
import type { IncentivePlan } from '../../incentives/events';
import { goalFor, goalsOf, type GoalRecord } from './goals';
import type { World } from '../../fold/world';

export interface RepGoal {
  readonly goalId: string;
  readonly metric: string;
  readonly period: string;
  readonly target: number;
  readonly citations: readonly number[];
}

const asRepGoal = (g: GoalRecord): RepGoal => ({
  goalId: g.goalId, metric: g.metric, period: g.period, target: g.target,
  citations: [...new Set([g.position, ...g.revisions.map((r) => r.position)])].sort((a, b) => a - b),
});

/** The rep's goal on a metric for a period (the first set on it, at its current target). */
export const repGoal = (world: World, repId: string, metric: string, period: string): RepGoal | undefined => {
  const g = goalFor(world, `rep:${repId}`, metric, period);
  return g && asRepGoal(g);
};

/** Every goal of the rep. */
export const repGoals = (world: World, repId: string): RepGoal[] => {
  const s = goalsOf(world);
  return (s.byOwner.get(`rep:${repId}`) ?? []).map((id) => asRepGoal(s.goals.get(id)!));
};

export const quotaOf = (world: World, plan: IncentivePlan, repId: string, period: string): { quota: QuotaFact | null; warning?: string } => {
  if (!plan.quota) return { quota: null };
  if ('amount' in plan.quota) return { quota: { amount: plan.quota.amount, kind: 'plan', citations: [] } };
  const goal = repGoal(world, repId, plan.measure, period);
  return goal && goal.target > 0
    ? { quota: { amount: goal.target, kind: 'goal', goalId: goal.goalId, citations: goal.citations } }
    : { quota: null, warning: `the quota is the rep's goal, but rep '${repId}' has no ${plan.measure} goal for ${period}` };
};
