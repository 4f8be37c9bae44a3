// The goal side of a review: the goal an owner has on a metric for the period and how the actual
// stands against it — the same GoalProgress GET /api/goals gives, so the figures agree — and the
// goals of the period that are at risk or behind.
import { goalProgress, goalsAtRisk, type GoalPolicy, type Pace } from '../../goals/readModels/goalProgress';
import { goalFor } from '../../goals/readModels/goals';
import type { Metric } from '../../ledger/salesLedger';
import { ownerInReview, type ReviewContext } from './context';
import { defineSection } from './section';

export interface KpiGoal {
  readonly goalId: string | null;
  readonly target: number | null;
  readonly attainment: number | null;
  readonly expectedToDate: number | null;
  /** actual − expectedToDate (the whole target once the period is over) */
  readonly deviation: number | null;
  readonly pace: Pace | null;
}

const NO_GOAL: KpiGoal = { goalId: null, target: null, attainment: null, expectedToDate: null, deviation: null, pace: null };

export const goalOfKpi = (ctx: ReviewContext, owner: string, metric: Metric): KpiGoal => {
  const g = goalFor(ctx.world, owner, metric, ctx.period);
  const p = g && goalProgress(ctx.world, g.goalId, { at: ctx.at, policy: ctx.goalPolicy });
  if (!p) return NO_GOAL;
  return { goalId: p.goalId, target: p.target, attainment: p.attainment, expectedToDate: p.expectedToDate, deviation: p.actual - p.expectedToDate, pace: p.pace };
};

export const goalsAtRiskSection = defineSection('goalsAtRisk', (ctx) =>
  goalsAtRisk(ctx.world, { period: ctx.period, visible: ownerInReview(ctx) }, { at: ctx.at, policy: ctx.goalPolicy }),
);

export type { GoalPolicy };
