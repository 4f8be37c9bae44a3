// KPIs of the period against goals: each contract metric's actual for the review's owner, the
// goal's target, expected-to-date, deviation and pace, the run-rate forecast to period end, and
// for the sales metrics the reps, products and customers that moved the number.
import { comparedGrowth } from '../../shared/growth';
import { ratio } from '../../shared/money';
import { directoryProjection } from '../../teams/readModels/directory';
import { valueBy, valuesBy } from '../../ledger/metricDays';
import { METRICS, salesLedgerProjection, type Metric } from '../../ledger/salesLedger';
import { shared, type ReviewContext } from './context';
import { endedPeriodTotals, movements, reviewComparison, SALES_METRICS, topMovers, type Contributors, type SalesMetric } from './contributors';
import { goalOfKpi, type KpiGoal } from './goals';
import { defineSection } from './section';

export interface KpiRow extends KpiGoal {
  readonly metric: Metric;
  readonly owner: string;
  readonly title: string;
  readonly actual: number;
  /** the same metric one period earlier; while the period runs, over the same span of it (the growth base) */
  readonly previous: number;
  readonly growth: number | null;
  readonly growthNote: string | null;
  /** actual projected to period end at the run rate so far (the actual once the period is over) */
  readonly forecast: number;
  readonly contributors: Contributors | null;
}

const TOP = 5;

const forecastOf = (actual: number, elapsed: number): number => (elapsed >= 1 || elapsed <= 0 ? actual : Math.round(actual / elapsed));

const titleOf = (ctx: ReviewContext, metric: Metric): string => {
  const team = ctx.team && ctx.world.get(directoryProjection).teams.get(ctx.team.teamId)?.name;
  return `${metric} · ${team ?? (ctx.team ? ctx.team.teamId : 'company')} · ${ctx.period}`;
};

/** Every metric's actual: what occurred by `at`, as the goal's actual counts it. */
const actuals = (ctx: ReviewContext) => shared(ctx, 'kpiActuals', () => figuresBy(ctx, ctx.period, ctx.atMs));

/** valuesBy of the review's owner; an ended period's sales figures are the sums its movers are grouped from. */
const figuresBy = (ctx: ReviewContext, period: string, atMs: number): Record<Metric, number> => {
  const ledger = ctx.world.get(salesLedgerProjection);
  const ended = endedPeriodTotals(ctx, period, atMs);
  return ended ? { ...ended, newCustomers: valueBy(ledger, ctx.owner, 'newCustomers', period, atMs)! } : valuesBy(ledger, ctx.owner, period, atMs);
};

/** A metric's actual against its goal, and the growth base, without who moved it. */
const kpiFigures = (ctx: ReviewContext, metric: Metric) => {
  const previous = shared(ctx, 'kpiPrevious', () => {
    const compared = reviewComparison(ctx);
    // the growth base: the previous period, or its same span while this one runs
    return figuresBy(ctx, ctx.previous, compared.status === 'ended' ? Infinity : compared.previous.end - 1);
  });
  return { actual: actuals(ctx)[metric], previous: previous[metric], goal: goalOfKpi(ctx, ctx.owner, metric) };
};

/** Each metric's actual against its goal: what a retrospective compares a month by, then and now (no growth base, so the month before is not read). */
export const kpiStandings = (ctx: ReviewContext) =>
  METRICS.map((metric) => {
    const actual = actuals(ctx)[metric];
    const goal = goalOfKpi(ctx, ctx.owner, metric);
    return { metric, actual, target: goal.target, attainment: goal.attainment, deviation: goal.deviation, pace: goal.pace };
  });

export const kpiRows = (ctx: ReviewContext): KpiRow[] =>
  shared(ctx, 'kpis', () => {
    const moved = movements(ctx);
    const reps = ctx.world.get(directoryProjection).reps;
    const compared = reviewComparison(ctx);
    return METRICS.map((metric): KpiRow => {
      const { actual, previous, goal } = kpiFigures(ctx, metric);
      const direction = goal.deviation === null ? 0 : goal.deviation < 0 ? -1 : 1;
      const sales = (SALES_METRICS as readonly string[]).includes(metric) ? (metric as SalesMetric) : undefined;
      const repGoal = (repId: string) => {
        const g = goalOfKpi(ctx, `rep:${repId}`, metric);
        return g.target === null ? undefined : { target: g.target, expectedToDate: g.expectedToDate! };
      };
      return {
        metric, owner: ctx.owner, title: titleOf(ctx, metric), ...goal, actual, previous, ...comparedGrowth(actual, previous, compared, ctx.period), forecast: forecastOf(actual, ctx.elapsed),
        contributors: sales
          ? {
              reps: topMovers(moved.reps, sales, direction, TOP, repGoal, (k) => reps.get(k)?.name),
              products: topMovers(moved.products, sales, direction, TOP),
              customers: topMovers(moved.customers, sales, direction, TOP, undefined, (k) => ctx.world.get(directoryProjection).customers.get(k)?.name),
            }
          : null,
      };
    });
  });

export const kpisSection = defineSection('kpis', kpiRows);

/** The KPIs off their goal, biggest shortfall first, each with who moved it. */
export const deviationsSection = defineSection('deviations', (ctx) =>
  kpiRows(ctx)
    .filter((k) => k.deviation !== null && k.deviation !== 0)
    .sort((a, b) => (a.attainment ?? 0) - (b.attainment ?? 0))
    .map(({ metric, title, goalId, target, expectedToDate, actual, deviation, attainment, pace, contributors }) => ({ metric, title, goalId, target, expectedToDate, actual, deviation, attainment, pace, contributors })),
);

/** Where the period stands (or ended): elapsed share, and each goal's pace and forecast. */
export const paceSection = defineSection('pace', (ctx) => ({
  at: ctx.at,
  elapsed: Math.round(ctx.elapsed * 10_000) / 10_000,
  ended: ctx.elapsed >= 1,
  kpis: kpiRows(ctx).map(({ metric, goalId, target, actual, expectedToDate, pace, forecast }) => ({
    metric, goalId, target, actual, expectedToDate, pace, forecast, forecastAttainment: target ? ratio(forecast, target) : null,
  })),
}));
