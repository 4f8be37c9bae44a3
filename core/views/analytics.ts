// Sales analytics (SPEC §4): the ledger's entries of a period grouped by rep, team, month, week,
// day, region, product, tier, channel, promotion or campaign, with revenue, units, orders, customers,
// newCustomers, the discount and premium against list prices (§13) and growth
// against the same key one period earlier — to `at` while the period runs, against the same span
// before. Every figure comes from the sales ledger, so rows agree with goals, leaderboards and
// payouts to the fen.
import { comparedGrowth, comparisonView, periodComparison, type Comparison, type Growth } from '../shared/growth';
import { largestRemainder } from '../shared/money';
import { parsePeriod, periodBounds, periodOf, subPeriods, type Bounds, type PeriodKind } from '../shared/period';
import type { Directory } from '../teams/readModels/directory';
import { termsOf, type SaleTerms } from '../sales/readModels/saleTerms';
import type { CampaignRecord } from '../campaigns/readModels/campaigns';
import { attribution } from './campaigns';
import { creditsAt, entriesBetween as ownerEntriesBetween, firstSaleOf, orderOf, type LedgerEntry, type OrderLine, type SalesLedger } from '../ledger/salesLedger';

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

const TIME_BY: Partial<Record<AnalyticsBy, PeriodKind>> = { month: 'month', week: 'week', day: 'day' };

interface Acc {
  revenue: number;
  units: number;
  orders: number;
  customers: Set<string>;
  newCustomers: Set<string>;
  discount: number;
  premium: number;
}

const acc = (): Acc => ({ revenue: 0, units: 0, orders: 0, customers: new Set(), newCustomers: new Set(), discount: 0, premium: 0 });

/** The entries in scope whose business time is in [start, end), in log order. */
const entriesBetween = (ledger: SalesLedger, start: number, end: number, scope: AnalyticsScope): LedgerEntry[] =>
  ownerEntriesBetween(ledger, scope.kind === 'all' ? 'company' : scope.kind === 'rep' ? `rep:${scope.repId}` : `team:${scope.teamId}`, start, end);

/**
 * An entry's share of each key. Most `by`s give one key per entry; `product` splits a credit over
 * the order's lines by their amounts (largest remainder, so the parts sum to the credit).
 */
type Part = { key: string; amount: number; units: number; discount: number; premium: number };
type Splitter = (e: LedgerEntry) => Part[];

/** `tiersAt`: the moment whose tiers group by=tier (the end of what the rows cover). */
const splitterFor = (by: AnalyticsBy, ctx: AnalyticsContext, tiersAt: number): Splitter => {
  const zone = ctx.ledger.zone;
  const discounts = creditDiscounts(ctx);
  const one = (key: (e: LedgerEntry) => string): Splitter => (e) => {
    const d = discounts(e);
    return [{ key: key(e), amount: e.amount, units: e.units, discount: sumOf(d?.discount), premium: sumOf(d?.premium) }];
  };
  switch (by) {
    case 'rep':
      return one((e) => e.repId);
    case 'team':
      return one((e) => e.teamId);
    case 'month':
    case 'week':
    case 'day':
      return one((e) => periodOf(TIME_BY[by]!, e.ms, zone));
    case 'region':
      return one((e) => ctx.directory.customers.get(e.customerId)?.region ?? '(none)');
    case 'tier': {
      const tiers = ctx.tierAt(tiersAt);
      return one((e) => tiers.get(e.customerId) ?? 'potential');
    }
    case 'product':
      return productSplitter(ctx.ledger, discounts);
    case 'channel':
      return one((e) => termsOf(ctx.terms, e.orderId)?.channel ?? '(none)');
    case 'promotion':
      return one((e) => termsOf(ctx.terms, e.orderId)?.promotionId ?? '(none)');
    case 'campaign': {
      const credited = attribution(ctx.campaigns ?? [], ctx.terms, ctx.ledger);
      return one((e) => credited.get(e.orderId) ?? '(none)');
    }
  }
};

const sumOf = (xs: readonly number[] | undefined) => (xs ? xs.reduce((a, x) => a + x, 0) : 0);

/**
 * A sale credit's part of each line's discount and premium (undefined: none, or a refund — a
 * refund gives money back and changes no price): each line's shared between the credits by their
 * amounts, largest remainder, so the credits' parts sum to the line's.
 */
const creditDiscounts = (ctx: AnalyticsContext) => {
  const grids = new Map<number, { repIds: string[]; discount: number[][]; premium: number[][] } | undefined>();
  return (e: LedgerEntry): { discount: number[]; premium: number[] } | undefined => {
    if (e.kind !== 'sale') return undefined;
    if (!grids.has(e.position)) {
      const lines = termsOf(ctx.terms, e.orderId)?.lines ?? [];
      if (!lines.some((l) => l.discount > 0 || l.premium > 0)) grids.set(e.position, undefined);
      else {
        const credits = creditsAt(ctx.ledger, e.position);
        const byCredit = (perLine: number[]) => transpose(perLine.map((x) => allocate(x, credits.map((c) => Math.abs(c.amount)))), credits.length);
        grids.set(e.position, { repIds: credits.map((c) => c.repId), discount: byCredit(lines.map((l) => l.discount)), premium: byCredit(lines.map((l) => l.premium)) });
      }
    }
    const grid = grids.get(e.position);
    const i = grid ? grid.repIds.indexOf(e.repId) : -1;
    return grid && i >= 0 ? { discount: grid.discount[i], premium: grid.premium[i] } : undefined;
  };
};

/** rows[line][credit] → [credit][line] */
const transpose = (rows: number[][], credits: number): number[][] => Array.from({ length: credits }, (_, i) => rows.map((r) => r[i]));

/**
 * By product, a sale's lines are the figures: an order of 1 SUPPORT + 3 CRM-PRO is 1 + 3 units
 * however it is split between reps. Each credit takes its part of every line (shareGrid), so a
 * credit's parts sum to the credit and the credits' parts of a line sum to the line. A refund
 * names no products: it is shared over the lines by their amounts (as the ledger does), then
 * between the credits the same way. `discounts`: each credit's part of the lines' discounts and
 * premiums (absent: none are counted).
 */
export const productSplitter = (ledger: SalesLedger, discounts?: ReturnType<typeof creditDiscounts>): Splitter => {
  const grids = new Map<number, { lines: readonly OrderLine[]; repIds: string[]; amounts: number[][]; units: number[][] }>();
  return (e) => {
    let grid = grids.get(e.position);
    if (!grid) {
      const lines = orderOf(ledger, e.orderId)?.lines ?? [];
      const credits = creditsAt(ledger, e.position);
      const lineAmounts = e.kind === 'sale' ? lines.map((l) => l.amount) : allocate(-sum(credits, (c) => c.amount), lines.map((l) => l.amount));
      const lineUnits = e.kind === 'sale' ? lines.map((l) => l.units) : lines.map(() => 0);
      grid = {
        lines, repIds: credits.map((c) => c.repId),
        amounts: lines.length === 0 ? [] : shareGrid(credits.map((c) => Math.abs(c.amount)), lineAmounts),
        units: lines.length === 0 ? [] : shareGrid(credits.map((c) => c.units), lineUnits),
      };
      grids.set(e.position, grid);
    }
    if (grid.lines.length === 0) return [{ key: '(none)', amount: e.amount, units: e.units, discount: 0, premium: 0 }];
    const i = grid.repIds.indexOf(e.repId);
    const sign = e.kind === 'refund' ? -1 : 1;
    const { amounts, units } = grid;
    const d = discounts?.(e);
    return grid.lines.map((l, j) => ({ key: l.product, amount: sign * amounts[i][j], units: units[i][j], discount: d?.discount[j] ?? 0, premium: d?.premium[j] ?? 0 }));
  };
};

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((a, x) => a + f(x), 0);

/**
 * A table of whole numbers whose rows sum to `rows` and columns to `columns` (the two totals are
 * equal). Each row but the last takes its total from what is left of each column, in proportion
 * (largest remainder); the last row takes the rest. A part of a row never exceeds what is left of
 * its column, so with non-negative totals no cell is negative.
 */
export const shareGrid = (rows: readonly number[], columns: readonly number[]): number[][] => {
  const left = [...columns];
  return rows.map((total, i) => {
    const parts = i === rows.length - 1 ? [...left] : allocate(total, left);
    parts.forEach((p, j) => (left[j] -= p));
    return parts;
  });
};

/**
 * Split a whole number by weights so the parts sum exactly to it: largest remainder, ties to the
 * earlier part (as money.largestRemainder), in integers, since it runs for every multi-line
 * credit. All-zero weights put everything on the first part.
 */
export const allocate = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  if (total * Math.max(...weights) > Number.MAX_SAFE_INTEGER) return largestRemainder(total, weights);
  const parts = weights.map((w) => {
    const n = total * w;
    let q = Math.floor(n / sum);
    // exact integer division: the products are safe integers, the float quotient may be one off
    while (q * sum > n) q--;
    while ((q + 1) * sum <= n) q++;
    return { q, r: n - q * sum };
  });
  let left = total - parts.reduce((a, p) => a + p.q, 0);
  const order = parts.map((p, i) => ({ i, r: p.r })).sort((a, b) => b.r - a.r || a.i - b.i);
  const out = parts.map((p) => p.q);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i] += 1;
  return out;
};

/** Group a period's entries by key. An order counts once per key it touches (once per rep credit). */
const group = (ctx: AnalyticsContext, split: Splitter, perCredit: boolean, entries: readonly LedgerEntry[]): Map<string, Acc> => {
  const rows = new Map<string, Acc>();
  const counted = new Set<string>();
  for (const e of entries) {
    for (const part of split(e)) {
      let r = rows.get(part.key);
      if (!r) rows.set(part.key, (r = acc()));
      r.revenue += part.amount;
      r.units += part.units;
      r.discount += part.discount;
      r.premium += part.premium;
      if (e.kind !== 'sale') continue;
      // rep credits each count an order; other keys count an order once however many credits touch it
      const orderKey = perCredit ? `${e.position}|${e.repId}` : `${e.position}|${part.key}`;
      if (!counted.has(orderKey)) {
        counted.add(orderKey);
        r.orders++;
      }
      r.customers.add(e.customerId);
      if (firstSaleOf(ctx.ledger, e.customerId)?.position === e.position) r.newCustomers.add(e.customerId);
    }
  }
  return rows;
};

/** Keys every time-kind row set shows, even when nothing sold in them. */
const timeKeys = (by: AnalyticsBy, periodId: string): string[] => {
  const kind = TIME_BY[by];
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
  const current = group(ctx, splitterFor(by, ctx, span.end), by === 'rep', entriesBetween(ctx.ledger, span.start, span.end, scope));
  for (const k of timeKeys(by, periodId)) if (!current.has(k)) current.set(k, acc());
  const keys = [...current.keys()].sort();
  const growthOf = TIME_BY[by] ? timeRowGrowth(ctx, periodId, scope, keys, current, atMs) : keyRowGrowth(ctx, by, periodId, scope, current, compared);
  const rows = keys.map((key): AnalyticsRow => {
    const r = current.get(key)!;
    return { key, revenue: r.revenue, units: r.units, orders: r.orders, customers: r.customers.size, newCustomers: r.newCustomers.size, discount: r.discount, premium: r.premium, ...growthOf(key) };
  });
  return { rows, total: totalsBetween(ctx, span, scope), comparison: comparisonView(compared, ctx.ledger.zone) };
};

/**
 * Each key's revenue, units and orders over a period measured at `at`: the figures of analytics()'s
 * rows for a `by` without time keys, without the growth and totals it also groups for.
 */
export const figuresByKey = (ctx: AnalyticsContext, periodId: string, by: AnalyticsBy, scope: AnalyticsScope, atMs = Infinity): Map<string, { revenue: number; units: number; orders: number }> => {
  const span = periodComparison(periodId, atMs, ctx.ledger.zone).current;
  const rows = group(ctx, splitterFor(by, ctx, span.end), by === 'rep', entriesBetween(ctx.ledger, span.start, span.end, scope));
  return new Map([...rows].map(([key, r]) => [key, { revenue: r.revenue, units: r.units, orders: r.orders }]));
};

/** Growth of each key over the same key in the compared span of the previous period. */
const keyRowGrowth = (ctx: AnalyticsContext, by: AnalyticsBy, periodId: string, scope: AnalyticsScope, current: Map<string, Acc>, compared: Comparison) => {
  const { previous } = compared;
  const before = group(ctx, splitterFor(by, ctx, previous.end), by === 'rep', entriesBetween(ctx.ledger, previous.start, previous.end, scope));
  return (key: string): Growth => comparedGrowth(current.get(key)!.revenue, before.get(key)?.revenue ?? 0, compared, periodId);
};

/**
 * Growth of each time row over the sub-period just before it, over the same span: a row covers its
 * part of the period up to `at` (a week straddling the period's start only its days inside it),
 * and is compared with the same days and time of the sub-period before. One pass over the entries
 * of every row's base.
 */
const timeRowGrowth = (ctx: AnalyticsContext, periodId: string, scope: AnalyticsScope, keys: readonly string[], current: Map<string, Acc>, atMs: number) => {
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
  for (const e of entriesBetween(ctx.ledger, bases[0]?.start ?? 0, Math.max(0, ...bases.map((b) => b.end)), scope)) {
    let lo = 0;
    let hi = bases.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (bases[mid].start <= e.ms) lo = mid + 1;
      else hi = mid;
    }
    const base = bases[lo - 1];
    if (base && e.ms < base.end) before.set(base.key, (before.get(base.key) ?? 0) + e.amount);
  }
  return (key: string): Growth => comparedGrowth(current.get(key)!.revenue, before.get(key) ?? 0, compared.get(key)!, key);
};

const totalsBetween = (ctx: AnalyticsContext, span: Bounds, scope: AnalyticsScope): Totals => {
  const discounts = creditDiscounts(ctx);
  const whole: Splitter = (e) => {
    const d = discounts(e);
    return [{ key: 'total', amount: e.amount, units: e.units, discount: sumOf(d?.discount), premium: sumOf(d?.premium) }];
  };
  const t = group(ctx, whole, false, entriesBetween(ctx.ledger, span.start, span.end, scope)).get('total') ?? acc();
  return { revenue: t.revenue, units: t.units, orders: t.orders, customers: t.customers.size, newCustomers: t.newCustomers.size, discount: t.discount, premium: t.premium };
};

/** The period's totals in scope at `at` (absent: the whole period): what the rows add up to (an order counted once). */
export const totalOf = (ctx: AnalyticsContext, periodId: string, scope: AnalyticsScope, atMs = Infinity): Totals => totalsBetween(ctx, periodComparison(periodId, atMs, ctx.ledger.zone).current, scope);
