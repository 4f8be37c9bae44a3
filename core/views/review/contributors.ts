// Who moved a number: the reps, products and customers behind a sales KPI of the period, each with
// its value, the same key's value one period earlier and the change. All three are grouped from
// the ledger's rows in one pass per period, as analytics groups them (so reps and products equal
// GET /api/analytics to the fen).
import { saleTermsProjection } from '../../sales/readModels/saleTerms';
import type { AnalyticsContext, AnalyticsScope } from '../analytics';
import { directoryProjection } from '../../teams/readModels/directory';
import { salesLedgerProjection, type SpanRows } from '../../ledger/salesLedger';
import { gatherRows, groupGathered, type KeyTable } from '../rowGroups';
import { groupPeriodAsOf, periodTotalsAsOf, type ByLedgerId, type PeriodTotals } from '../spanIndex';
import { periodBounds } from '../../shared/period';
import { periodComparison, type Comparison } from '../../shared/growth';
import { shared, type ReviewContext } from './context';

export type SalesMetric = 'revenue' | 'units' | 'orders';
export const SALES_METRICS: readonly SalesMetric[] = ['revenue', 'units', 'orders'];

export interface Contributor {
  readonly key: string;
  readonly name?: string;
  readonly value: number;
  readonly previous: number;
  /** value − previous: how much this key moved the number */
  readonly change: number;
  /** this key's own goal, where it should be by `at`, and its deviation from that (reps with goals) */
  readonly target?: number;
  readonly expectedToDate?: number;
  readonly deviation?: number;
}

export interface Contributors {
  readonly reps: Contributor[];
  readonly products: Contributor[];
  readonly customers: Contributor[];
}

export const scopeOf = (ctx: ReviewContext): AnalyticsScope => (ctx.team ? { kind: 'team', teamId: ctx.team.teamId } : { kind: 'all' });

export const analyticsContext = (ctx: ReviewContext): AnalyticsContext => ({
  ledger: ctx.world.get(salesLedgerProjection),
  directory: ctx.world.get(directoryProjection),
  // the review groups by rep and product only; tiers are never asked for
  tierAt: () => new Map(),
  terms: ctx.world.get(saleTermsProjection),
});

/** What the review compares: the period to `at` against the same span of the previous period. */
export const reviewComparison = (ctx: ReviewContext): Comparison => shared(ctx, 'comparison', () => periodComparison(ctx.period, ctx.atMs, ctx.zone));

/**
 * Each rep's, product's and customer's figures over a period as they stood at `atMs` (what
 * occurred by then), in one gathering of its rows: the reps' and products' are analytics' rows
 * (figuresByKey), and an order is one order for its customer however many reps share its credit.
 */
const byKeys = (ctx: ReviewContext, period: string, atMs: number): Record<keyof Contributors, KeyTable> =>
  shared(ctx, `keys ${period} ${wholePeriod(ctx, period, atMs) ? 'ended' : atMs}`, () => {
    const [reps, products, customers] = wholePeriod(ctx, period, atMs)
      ? groupPeriodAsOf(analyticsContext(ctx), MOVERS, scopeOf(ctx), period)
      : groupGathered(analyticsContext(ctx), MOVERS, periodRows(ctx, period, atMs));
    return { reps, products, customers };
  });

const MOVERS: ByLedgerId[] = ['rep', 'product', 'customer'];

/** Does what occurred by `atMs` (inclusive) hold the whole period? Then a review as of a past moment cuts it by position only, and its groupings are read from its running sums (spanIndex.ts). */
export const wholePeriod = (ctx: ReviewContext, period: string, atMs: number): boolean => atMs + 1 >= periodBounds(period, ctx.zone).end;

/**
 * The revenue, units, orders and active customers of the review's scope over a period that ended
 * by `atMs`, as valuesBy counts them, from the period's customer sums: their totals, orders one per
 * sale, and the customers with a sale (the same sums the movers are grouped from, without making
 * their tables: a retrospective's months ask only these). Undefined while the period runs
 * (valuesBy reads its rows).
 */
export const endedPeriodTotals = (ctx: ReviewContext, period: string, atMs: number): PeriodTotals | undefined =>
  wholePeriod(ctx, period, atMs) ? periodTotalsAsOf(analyticsContext(ctx), MOVERS, scopeOf(ctx), period) : undefined;

/** The rows of the review's scope in a period to `atMs` (the span its growth compares), gathered once per review: the KPIs and the channels group the same. */
export const periodRows = (ctx: ReviewContext, period: string, atMs: number): SpanRows =>
  shared(ctx, `rows ${period} ${atMs}`, () => {
    const span = periodComparison(period, atMs, ctx.zone).current;
    return gatherRows(analyticsContext(ctx), scopeOf(ctx), span.start, span.end);
  });

/** Every key's figures now and one period earlier (the same span of it while the period runs), by key id of one ledger: the same ids in both. */
export interface Movement {
  readonly now: KeyTable;
  readonly before: KeyTable;
}

export const movements = (ctx: ReviewContext): Record<keyof Contributors, Movement> => {
  // the previous period as it stood at the same point: what occurred before the end of its compared span
  const now = byKeys(ctx, ctx.period, ctx.atMs);
  const before = byKeys(ctx, ctx.previous, reviewComparison(ctx).previous.end - 1);
  return {
    reps: { now: now.reps, before: before.reps },
    products: { now: now.products, before: before.products },
    customers: { now: now.customers, before: before.customers },
  };
};

/** A key in the running, with what ranks it. */
interface Candidate {
  readonly key: string;
  readonly value: number;
  readonly previous: number;
  readonly goal: { target: number; expectedToDate: number } | undefined;
  readonly score: number;
}

/**
 * The keys that moved a metric most, in the direction that matters: when the KPI is behind its
 * goal the biggest falls first, when ahead the biggest rises; without a goal the biggest moves.
 * A key's own deviation from its own goal ranks it first when it has one. Every key is weighed
 * from the tables' arrays; a record is made only for one that makes the first `limit`, and a key
 * is named only when it may (a company has thousands of customers and the review shows five):
 * without goals a key whose score is below the last kept one's costs a few comparisons of numbers.
 */
export const topMovers = (
  m: Movement,
  metric: SalesMetric,
  direction: -1 | 0 | 1,
  limit: number,
  goalOf?: (key: string) => { target: number; expectedToDate: number } | undefined,
  nameOf: (key: string) => string | undefined = () => undefined,
): Contributor[] => {
  const now = m.now[metric];
  const before = m.before[metric];
  const ranksBefore = (a: Candidate, b: Candidate) => b.score - a.score || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const keyAt = (k: number, inNow: boolean) => (inNow ? m.now.name(k) : m.before.name(k));
  // the first `limit` in rank order, kept as they come
  const top: Candidate[] = [];
  if (limit <= 0) return [];
  for (let k = 0, n = Math.max(m.now.size, m.before.size); k < n; k++) {
    const inNow = k < m.now.size && m.now.seen[k] === 1;
    const inBefore = k < m.before.size && m.before.seen[k] === 1;
    if (!inNow && !inBefore) continue;
    const value = inNow ? now[k] : 0;
    const previous = inBefore ? before[k] : 0;
    let key: string | undefined;
    let goal: Candidate['goal'];
    if (goalOf) goal = goalOf((key = keyAt(k, inNow)));
    if (value === previous && value === 0 && !goal) continue;
    const weight = goal ? value - goal.expectedToDate : value - previous;
    const score = direction === 0 ? Math.abs(weight) : direction * weight;
    // below the last kept score: out whatever its name
    if (top.length === limit && score < top[limit - 1].score) continue;
    const c = { key: key ?? keyAt(k, inNow), value, previous, goal, score };
    if (top.length === limit && ranksBefore(c, top[limit - 1]) >= 0) continue;
    let i = top.length;
    while (i > 0 && ranksBefore(c, top[i - 1]) < 0) i--;
    top.splice(i, 0, c);
    if (top.length > limit) top.pop();
  }
  return top.map(({ key, value, previous, goal }) => {
    const name = nameOf(key);
    return { key, ...(name ? { name } : {}), value, previous, change: value - previous, ...(goal ? { ...goal, deviation: value - goal.expectedToDate } : {}) };
  });
};
