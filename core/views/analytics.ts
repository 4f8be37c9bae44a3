// Sales analytics (SPEC §4): the ledger's entries of a period grouped by rep, team, month, week,
// day, region, product, tier, channel, promotion or campaign, with revenue, units, orders, customers,
// newCustomers, the discount and premium against list prices (§13) and growth
// against the same key one period earlier — to `at` while the period runs, against the same span
// before. Every figure comes from the sales ledger, so rows agree with goals, leaderboards and
// payouts to the fen.
import { comparedGrowth, comparisonView, periodComparison, type Comparison, type Growth } from '../shared/growth';
import { parsePeriod, periodBounds, subPeriods, type Bounds } from '../shared/period';
import type { Directory } from '../teams/readModels/directory';
import type { SaleTerms } from '../sales/readModels/saleTerms';
import type { CampaignRecord } from '../campaigns/readModels/campaigns';
import { eachRowBetween, rowMs, type SalesLedger } from '../ledger/salesLedger';
import { emptySums, groupRows, groupRowsBy, ownerOfScope, TIME, type KeySums } from './rowGroups';
import { allocate, shareGrid } from './shares';

export { allocate, shareGrid };

export const ANALYTICS_BY = ['rep', 'team', 'month', 'week', 'day', 'region', 'product', 'tier', 'channel', 'promotion', 'campaign'] as const;
export type AnalyticsBy = (typeof ANALYTICS_BY)[number];

export interface AnalyticsRow extends Growth {
  readonly key: string;
  readonly revenue: number;
  readonly units: number;
  readonly orders: number;
  readonly customers: number;
  readonly newCustomers: number;
  readonly discount: number;
  readonly premium: number;
}

export interface Totals {
  readonly revenue: number;
  readonly units: number;
  readonly orders: number;
  readonly customers: number;
  readonly newCustomers: number;
  /** below list price, on the lines sold with one (docs/FIGURES.md#discounts-and-premiums) */
  readonly discount: number;
  /** above list price, on the lines sold with one */
  readonly premium: number;
}

/** Whose entries count: everyone's, a rep's own, or a team's (the team credited at the time). */
export type AnalyticsScope = { readonly kind: 'all' } | { readonly kind: 'rep'; readonly repId: string } | { readonly kind: 'team'; readonly teamId: string };

export interface AnalyticsContext {
  readonly ledger: SalesLedger;
  readonly directory: Directory;
  /** tier of each customer at a moment (for by=tier) */
  readonly tierAt: (atMs: number) => ReadonlyMap<string, string>;
  /** the channel, promotion and discounts each order was sold on */
  readonly terms: SaleTerms;
  /** the campaigns started (absent: none, so by=campaign puts every sale in `(none)`) */
  readonly campaigns?: readonly CampaignRecord[];
}



/** Keys every time-kind row set shows, even when nothing sold in them. */
const timeKeys = (by: AnalyticsBy, periodId: string): string[] => {
  const kind = TIME[by];
  const p = parsePeriod(periodId)!;
  if (!kind) return [];
  if (kind === p.kind) return [periodId];
  return subPeriods(periodId, kind) ?? [];
};

export interface AnalyticsAnswer {
  readonly rows: AnalyticsRow[];
  readonly total: Totals;
  /** what the rows cover and their growth compares with (to `at` while the period runs) */
  readonly comparison: ReturnType<typeof comparisonView>;
}

/**
 * The analytics of a period by a key, measured at `at` (absent: the whole period as recorded).
 * Growth compares each key with the same key one period earlier (a month row with the month
 * before it) over the same span: while the period runs, to `at` against the same time of the
 * previous one; a row not started yet has no growth. A new customer is one whose first-ever sale
 * is in the row.
 */
export const analytics = (ctx: AnalyticsContext, periodId: string, by: AnalyticsBy, scope: AnalyticsScope, atMs = Infinity): AnalyticsAnswer => {
  const compared = periodComparison(periodId, atMs, ctx.ledger.zone);
  const { current: span } = compared;
  // the rows and their total in one pass over the period's rows
  const [current, total] = groupRowsBy(ctx, [by, 'total'], scope, span.start, span.end, { customers: true, discounts: true, tiersAt: span.end });
  for (const k of timeKeys(by, periodId)) if (!current.has(k)) current.set(k, emptySums());
  const keys = [...current.keys()].sort();
  const growthOf = TIME[by] ? timeRowGrowth(ctx, periodId, scope, keys, current, atMs) : keyRowGrowth(ctx, by, periodId, scope, current, compared);
  const rows = keys.map((key): AnalyticsRow => {
    const r = current.get(key)!;
    return { key, revenue: r.revenue, units: r.units, orders: r.orders, customers: r.customers, newCustomers: r.newCustomers, discount: r.discount, premium: r.premium, ...growthOf(key) };
  });
  return { rows, total: totalsOf(total.get('total')), comparison: comparisonView(compared, ctx.ledger.zone) };
};

/**
 * Each key's revenue, units and orders over a period measured at `at`: the figures of analytics()'s
 * rows for a `by` without time keys, without the growth and totals it also groups for.
 */
export const figuresByKey = (ctx: AnalyticsContext, periodId: string, by: AnalyticsBy, scope: AnalyticsScope, atMs = Infinity): Map<string, { revenue: number; units: number; orders: number }> => {
  const span = periodComparison(periodId, atMs, ctx.ledger.zone).current;
  const rows = groupRows(ctx, by, scope, span.start, span.end, { tiersAt: span.end });
  return new Map([...rows].map(([key, r]) => [key, { revenue: r.revenue, units: r.units, orders: r.orders }]));
};

/** Growth of each key over the same key in the compared span of the previous period. */
const keyRowGrowth = (ctx: AnalyticsContext, by: AnalyticsBy, periodId: string, scope: AnalyticsScope, current: Map<string, KeySums>, compared: Comparison) => {
  const { previous } = compared;
  const before = groupRows(ctx, by, scope, previous.start, previous.end, { tiersAt: previous.end });
  return (key: string): Growth => comparedGrowth(current.get(key)!.revenue, before.get(key)?.revenue ?? 0, compared, periodId);
};

/**
 * Growth of each time row over the sub-period just before it, over the same span: a row covers its
 * part of the period up to `at` (a week straddling the period's start only its days inside it),
 * and is compared with the same days and time of the sub-period before. One pass over the entries
 * of every row's base.
 */
const timeRowGrowth = (ctx: AnalyticsContext, periodId: string, scope: AnalyticsScope, keys: readonly string[], current: Map<string, KeySums>, atMs: number) => {
  const zone = ctx.ledger.zone;
  const period = periodBounds(periodId, zone);
  const compared = new Map<string, Comparison>();
  for (const k of keys) {
    const b = periodBounds(k, zone);
    compared.set(k, periodComparison(k, atMs, zone, { start: Math.max(b.start, period.start), end: Math.min(b.end, period.end) }));
  }
  // the rows' bases are disjoint spans (each in its own sub-period): in order, found by bisection
  const bases = [...compared].map(([key, c]) => ({ key, ...c.previous })).sort((a, b) => a.start - b.start);
  const before = new Map<string, number>();
  eachRowBetween(ctx.ledger, ownerOfScope(scope), bases[0]?.start ?? 0, Math.max(0, ...bases.map((b) => b.end)), (row) => {
    const ms = rowMs(ctx.ledger, row);
    let lo = 0;
    let hi = bases.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bases[mid].start <= ms) lo = mid + 1;
      else hi = mid;
    }
    const base = bases[lo - 1];
    if (base && ms < base.end) before.set(base.key, (before.get(base.key) ?? 0) + ctx.ledger.data.amount.get(row));
  });
  return (key: string): Growth => comparedGrowth(current.get(key)!.revenue, before.get(key) ?? 0, compared.get(key)!, key);
};

const totalsBetween = (ctx: AnalyticsContext, span: Bounds, scope: AnalyticsScope): Totals => {
  return totalsOf(groupRows(ctx, 'total', scope, span.start, span.end, { customers: true, discounts: true }).get('total'));
};

const totalsOf = (t: KeySums = emptySums()): Totals => ({
  revenue: t.revenue, units: t.units, orders: t.orders, customers: t.customers, newCustomers: t.newCustomers, discount: t.discount, premium: t.premium,
});

/** The period's totals in scope at `at` (absent: the whole period): what the rows add up to (an order counted once). */
export const totalOf = (ctx: AnalyticsContext, periodId: string, scope: AnalyticsScope, atMs = Infinity): Totals => totalsBetween(ctx, periodComparison(periodId, atMs, ctx.ledger.zone).current, scope);
