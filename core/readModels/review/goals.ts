// The goal side of a KPI: the goal an owner has on a metric for the period, and how the actual
// stands against it. Until the goals read model is in this build, no KPI has a goal.
import type { Metric } from '../salesLedger';
import type { ReviewContext } from './context';

export type Pace = 'ahead' | 'on-track' | 'at-risk' | 'behind';

export interface KpiGoal {
  readonly goalId: string | null;
  readonly target: number | null;
  readonly attainment: number | null;
  readonly expectedToDate: number | null;
  /** actual − expectedToDate (the target itself once the period is over) */
  readonly deviation: number | null;
  readonly pace: Pace | null;
}

const NO_GOAL: KpiGoal = { goalId: null, target: null, attainment: null, expectedToDate: null, deviation: null, pace: null };

export const goalOfKpi = (_ctx: ReviewContext, _owner: string, _metric: Metric, _actual: number): KpiGoal => NO_GOAL;
