// The goal tracker's trend: cumulative actual against expected over the period, from
// the API's `series` when it has one, else from the breakdown, else from the totals.
import type { GoalProgress } from '../guards';

export type Pt = readonly [x: number, y: number];

export interface Trend {
  expected: Pt[];
  actual: Pt[];
  /** Run-rate projection from the last actual point to period end. */
  forecast?: Pt[];
}

const clamp01 = (n: number): number => Math.min(1, Math.max(0, n));

const cumulative = (values: number[]): number[] => {
  let sum = 0;
  return values.map((v) => (sum += v));
};

/** x runs 0…1 over the period, y is the metric's cumulative value. */
export function trendOf(goal: GoalProgress, children: GoalProgress[]): Trend {
  if (goal.series && goal.series.length > 0) {
    // The series runs from the period's start to the moment of measure; the rest of the
    // period is the plan (expected rising to target) and the run-rate forecast.
    const n = goal.series.length;
    const elapsed = clamp01(goal.elapsed ?? 1);
    const x = (i: number) => (elapsed * (i + 1)) / n;
    const last = goal.series[n - 1]!;
    const rest = elapsed < 1;
    return {
      expected: [[0, 0], ...goal.series.map((p, i): Pt => [x(i), p.expected]), ...(rest ? [[1, goal.target] as Pt] : [])],
      actual: [[0, 0], ...goal.series.map((p, i): Pt => [x(i), p.actual])],
      forecast: rest && goal.forecast !== undefined ? [[elapsed, last.actual], [1, goal.forecast]] : undefined,
    };
  }
  if (children.length > 1) {
    const n = children.length;
    const planned = cumulative(children.map((c) => c.target));
    const actual = cumulative(children.map((c) => c.actual));
    // The actual line stops at the last sub-period that has begun.
    let started = 0;
    children.forEach((c, i) => {
      if ((c.expectedToDate ?? 0) > 0 || c.actual !== 0) started = i + 1;
    });
    return {
      expected: [[0, 0], ...planned.map((y, i): Pt => [(i + 1) / n, y])],
      actual: [[0, 0], ...actual.slice(0, started).map((y, i): Pt => [(i + 1) / n, y])],
    };
  }
  // Linear expectation: the elapsed share is expectedToDate / target.
  const elapsed = goal.target > 0 && goal.expectedToDate !== undefined ? clamp01(goal.expectedToDate / goal.target) : undefined;
  const trend: Trend = { expected: [[0, 0], [1, goal.target]], actual: [] };
  if (elapsed !== undefined && elapsed > 0) {
    trend.actual = [[0, 0], [elapsed, goal.actual]];
    if (goal.forecast !== undefined && elapsed < 1) trend.forecast = [[elapsed, goal.actual], [1, goal.forecast]];
  }
  return trend;
}
