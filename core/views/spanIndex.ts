// A span's groupings as of any cut of the ledger without reading all of the span's rows: running
// sums of the span's rows by row, kept at every `every` rows (a chunk of the columns), so the
// grouping at a cut is the sums kept at the last boundary below it plus the span's rows from there
// to the cut. A review as of a past moment groups a whole quarter and the quarter before it by rep,
// product and customer; read from the rows, that cost a quarter of a million credits per ask.
//
// Exact because every row's part of these groupings is its own: its keys (a rep, a product, a
// customer, its order's channel or promotion), its amounts, its share of its order's lines and of
// their discounts, and whether it is the first of its sale in the scope are fixed when its sale is
// folded (a sale's credits are appended together, every rep at most once; an order's terms at its
// sale's position), and a cut of the ledger is a prefix of its rows. What changes with the cut is
// read at the cut: a customer's first sale (new customers per channel or promotion). Customers per
// key, tiers, regions and campaigns are not summed here.
//
// The sums are made the first time a span is asked (one pass over its rows at the head, as much as
// one plain grouping of it) and kept per ledger in a small cache bounded in bytes, the least
// recently asked span dropped first; rows folded since are read as the part past the last
// boundary, and the sums are made again once that part grows past a few chunks.
import { SHIFT } from '../ledger/ledgerColumns';
import { parsePeriod, periodBounds, subPeriods } from '../shared/period';
import { firstSaleOfCustomer, rowOfPosition, RowReader, rowsBetween, visibleRows, type LedgerData, type SpanRows } from '../ledger/salesLedger';
import { termsOf } from '../sales/readModels/saleTerms';
import type { AnalyticsContext, AnalyticsScope } from './analytics';
import { groupGathered, KeyTable, ownerOfScope } from './rowGroups';

/** The keys whose sums are a row's own: ledger ids, or an order's channel or promotion (named). */
export type IndexedBy = 'rep' | 'team' | 'product' | 'customer' | 'channel' | 'promotion';

export interface IndexedOptions {
  /** share lines' discounts and premiums over the credits (a row's own as well) */
  readonly discounts?: boolean;
  /** count per channel or promotion the customers whose first sale, as the view knows it, is under it (only these keys) */
  readonly newCustomers?: boolean;
}

const NAMED: ReadonlySet<IndexedBy> = new Set(['channel', 'promotion']);

/** The keys that are ledger ids: the same id in every month's table. */
export type ByLedgerId = Exclude<IndexedBy, 'channel' | 'promotion'>;

/** One grouping's sums of the span's rows below a boundary, by key id as of when they were made (named keys: by the span's ids of their names). */
interface Sums {
  readonly revenue: Float64Array;
  readonly units: Float64Array;
  readonly orders: Float64Array;
  readonly discount: Float64Array;
  readonly premium: Float64Array;
  readonly seen: Uint8Array;
  /** the key the (none) product had (-1: not a product table) */
  readonly none: number;
}

/** The names of a named grouping's keys, each given the next id the first time a boundary's rows hold it. */
interface Registry {
  readonly ids: Map<string, number>;
  readonly names: string[];
}

interface SpanSums {
  /** rows of the ledger the sums cover */
  readonly rows: number;
  readonly every: number;
  /** boundary b: the first row from b × every on that starts a sale or refund (a sale's rows are summed together: a team counts it once however many of its reps share it) */
  readonly bounds: readonly number[];
  /** per boundary, per grouping, the sums of the span's rows below it; unchanged boundaries share one */
  readonly at: readonly (readonly Sums[])[];
  /** per grouping, its names when named */
  readonly registries: readonly (Registry | undefined)[];
  readonly bytes: number;
}

const CHUNK = 1 << SHIFT;
/** a part past the last boundary longer than this many boundaries is summed again instead of read */
const STALE = 4;
const MAX_BYTES = 96 * 1024 * 1024;
/** a review of a year and the year before asks 24 months */
const MAX_SPANS = 32;
const NONE = '(none)';

const caches = new WeakMap<LedgerData, Map<string, SpanSums>>();

type Summed = Pick<Sums, 'revenue' | 'units' | 'orders' | 'discount' | 'premium' | 'seen'>;

/** `from`'s sums in arrays of `size` keys. */
const grown = (from: Summed, size: number, none: number): Sums => {
  const copy = <A extends Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
    const b = make(size);
    b.set(a);
    return b;
  };
  const f64 = (n: number) => new Float64Array(n);
  return { revenue: copy(from.revenue, f64), units: copy(from.units, f64), orders: copy(from.orders, f64), discount: copy(from.discount, f64), premium: copy(from.premium, f64), seen: copy(from.seen, (n) => new Uint8Array(n)), none };
};

/** The product table's key for the (none) product (as sumByProduct gives it). */
const noneKey = (d: LedgerData): number => {
  const found = d.productIds.find(NONE);
  return found >= 0 ? found : d.productIds.names.length;
};

/** Add `from` into `into`, each key of `from` at `keyOf(k)` of `into`. */
const addInto = (into: Summed, from: Summed, keyOf: (k: number) => number) => {
  for (let k = 0, n = from.revenue.length; k < n; k++) {
    if (from.seen[k] === 0) continue;
    const to = keyOf(k);
    into.revenue[to] += from.revenue[k];
    into.units[to] += from.units[k];
    into.orders[to] += from.orders[k];
    into.discount[to] += from.discount[k];
    into.premium[to] += from.premium[k];
    into.seen[to] = 1;
  }
};

/** Only the (none) product's key moves between two tables by ledger id (when products were interned in between). */
const sameIds = (fromNone: number, intoNone: number) => (k: number) => (k === fromNone ? intoNone : k);

const idOf = (r: Registry, name: string): number => {
  let id = r.ids.get(name);
  if (id === undefined) r.ids.set(name, (id = r.names.push(name) - 1));
  return id;
};

/** The span's rows of the head gathered by row, each with its `first`: a sale's part is its own, so the order does not change the sums. */
const byRow = (span: SpanRows): SpanRows => {
  const packed = new Float64Array(span.length);
  for (let j = 0; j < span.length; j++) packed[j] = span.rows[j] * 2 + span.first[j];
  packed.sort();
  const rows = new Int32Array(span.length);
  const first = new Uint8Array(span.length);
  for (let j = 0; j < span.length; j++) (rows[j] = Math.floor(packed[j] / 2)), (first[j] = packed[j] % 2);
  return { rows, first, length: span.length };
};

/** The running sums of a span's rows at every boundary, over the ledger's rows as folded so far. */
const build = (ctx: AnalyticsContext, bys: readonly IndexedBy[], owner: string, start: number, end: number, every: number, discounts: boolean): SpanSums => {
  const d = ctx.ledger.data;
  // every row and every order's terms as folded so far
  const head: AnalyticsContext = { ...ctx, ledger: { zone: ctx.ledger.zone, data: d }, terms: { byOrder: ctx.terms.byOrder, cut: Infinity } };
  const rows = d.rows;
  const span = byRow(rowsBetween(head.ledger, owner, start, end));
  const nones = bys.map((by) => (by === 'product' ? noneKey(d) : -1));
  const registries = bys.map((by) => (NAMED.has(by) ? { ids: new Map<string, number>(), names: [] } : undefined));
  const empty = (size: number, none: number): Sums => grown({ revenue: new Float64Array(0), units: new Float64Array(0), orders: new Float64Array(0), discount: new Float64Array(0), premium: new Float64Array(0), seen: new Uint8Array(0) }, size, none);
  let current = groupGathered(head, bys, { rows: span.rows.subarray(0, 0), first: span.first.subarray(0, 0), length: 0 }).map((t, g) => empty(registries[g] ? 0 : t.size, nones[g]));
  const at: Sums[][] = [current];
  const bounds = [0];
  let bytes = 0;
  let j = 0;
  for (let b = 1; b * every <= rows; b++) {
    let bound = b * every;
    while (bound < rows && d.position.get(bound) === d.position.get(bound - 1)) bound++;
    bounds.push(bound);
    const from = j;
    while (j < span.length && span.rows[j] < bound) j++;
    if (j > from) {
      const part = groupGathered(head, bys, { rows: span.rows.subarray(from, j), first: span.first.subarray(from, j), length: j - from }, { discounts });
      current = current.map((prev, g) => {
        const t = part[g];
        const r = registries[g];
        const keyOf = r ? (k: number) => idOf(r, t.name(k)) : sameIds(nones[g], nones[g]);
        if (r) for (let k = 0; k < t.size; k++) if (t.seen[k] === 1) keyOf(k);
        const next = grown(prev, r ? r.names.length : prev.revenue.length, prev.none);
        addInto(next, t, keyOf);
        bytes += next.revenue.length * 41;
        return next;
      });
    }
    at.push(current);
  }
  return { rows, every, bounds, at, registries, bytes };
};

/** The span's sums for this ledger, made or made again when the rows folded since would cost more to read than to sum. */
const spanSums = (ctx: AnalyticsContext, bys: readonly IndexedBy[], owner: string, start: number, end: number, every: number, discounts: boolean): SpanSums => {
  const d = ctx.ledger.data;
  let cache = caches.get(d);
  if (!cache) caches.set(d, (cache = new Map()));
  const key = `${owner} ${start} ${end} ${every} ${bys.join()} ${discounts}`;
  let sums = cache.get(key);
  cache.delete(key);
  if (!sums || visibleRows(ctx.ledger) - sums.rows > STALE * every) sums = build(ctx, bys, owner, start, end, every, discounts);
  cache.set(key, sums);
  // the least recently asked first
  let total = 0;
  for (const s of cache.values()) total += s.bytes;
  for (const [k, s] of cache) {
    if (cache.size <= 1 || (cache.size <= MAX_SPANS && total <= MAX_BYTES)) break;
    cache.delete(k);
    total -= s.bytes;
  }
  return sums;
};

/** A span's sums kept at the last boundary below the view's cut, and the span's rows from that boundary to the cut. */
const atCut = (ctx: AnalyticsContext, bys: readonly IndexedBy[], owner: string, start: number, end: number, discounts: boolean, every: number) => {
  const sums = spanSums(ctx, bys, owner, start, end, every, discounts);
  // a cut is between two sales, so a boundary's sale is wholly in or wholly out of it
  const b = Math.min(Math.floor(visibleRows(ctx.ledger) / every), sums.at.length - 1);
  return { sums, base: sums.at[b], rows: rowsBetween(ctx.ledger, owner, start, end, sums.bounds[b]) };
};

/**
 * The rows of a scope with business time in [start, end) grouped by each of `bys`, as the view of
 * the ledger in `ctx` shows them: revenue, units and orders by key, and when asked the discounts
 * and the new customers, equal to groupTables' (which also counts every customer per key: not
 * here). A named grouping's keys are numbered in the order the sums first met them. `every`: rows
 * between kept sums (tests make it small).
 */
export const groupAsOf = (ctx: AnalyticsContext, bys: readonly IndexedBy[], scope: AnalyticsScope, start: number, end: number, o: IndexedOptions = {}, every = CHUNK): KeyTable[] => {
  const { sums, base: bases, rows } = atCut(ctx, bys, ownerOfScope(scope), start, end, o.discounts === true, every);
  // the span's rows past the boundary, read from the view, then the sums below it added
  const tables = groupGathered(ctx, bys, rows, { discounts: o.discounts });
  const none = noneKey(ctx.ledger.data);
  return tables.map((t, g) => {
    const base = bases[g];
    const r = sums.registries[g];
    if (!r) {
      addInto(t, base, sameIds(base.none, bys[g] === 'product' ? none : -1));
      return t;
    }
    // the names the sums know at the boundary, then those first met past it
    const seen: Registry = { ids: new Map(), names: [] };
    for (let k = 0; k < base.revenue.length; k++) idOf(seen, r.names[k]);
    const partKeys = Array.from({ length: t.size }, (_, k) => (t.seen[k] === 1 ? idOf(seen, t.name(k)) : -1));
    const named = new KeyTable(seen.names.length, (k) => seen.names[k]);
    addInto(named, base, (k) => k);
    addInto(named, t, (k) => partKeys[k]);
    if (o.newCustomers) countNewCustomers(ctx, bys[g], scope, start, end, named, seen);
    return named;
  });
};

/**
 * Per channel or promotion, the customers whose first sale as the view knows it lies in the span,
 * credited to the scope and sold under it (as groupTables counts a customer new under a key: a
 * row of that sale in its rows). A customer's first sale moves when an earlier one is recorded
 * late, so this is read at the cut, one step per customer.
 */
const countNewCustomers = (ctx: AnalyticsContext, by: IndexedBy, scope: AnalyticsScope, start: number, end: number, t: KeyTable, names: Registry) => {
  const s = ctx.ledger;
  const d = s.data;
  for (const c of d.firstSaleCustomers) {
    const f = firstSaleOfCustomer(s, c);
    if (!f || f.ms < start || f.ms >= end) continue;
    if (scope.kind === 'team' ? !f.teamIds.includes(scope.teamId) : scope.kind === 'rep' ? !f.repIds.includes(scope.repId) : false) continue;
    const row = rowOfPosition(s, f.position);
    const terms = termsOf(ctx.terms, d.orderIds.name(d.order.get(row)));
    const k = names.ids.get((by === 'channel' ? terms?.channel : terms?.promotionId) ?? NONE);
    if (k !== undefined) t.newCustomers[k]++;
  }
};

/** The months a period's sums are kept by: a month itself, or those of a longer period. */
const monthsOf = (period: string): string[] => (parsePeriod(period)?.kind === 'month' ? [period] : (subPeriods(period, 'month') ?? [period]));

/**
 * A whole period's groupings as the view shows them: a month's from its own sums, a quarter's or a
 * year's as the sum of its months' (a sale lies in one month), so the sums of a month serve every
 * period that holds it and a quarter costs no pass of its own.
 */
export const groupPeriodAsOf = (ctx: AnalyticsContext, bys: readonly ByLedgerId[], scope: AnalyticsScope, period: string, every = CHUNK): KeyTable[] => {
  const zone = ctx.ledger.zone;
  const months = monthsOf(period);
  const [first, ...rest] = months.map((m) => {
    const b = periodBounds(m, zone);
    return groupAsOf(ctx, bys, scope, b.start, b.end, {}, every);
  });
  for (const tables of rest) tables.forEach((t, g) => addInto(first[g], t, (k) => k));
  return first;
};

/** What a whole period's customer grouping totals: its revenue and units, its orders (one per sale) and the customers with an order. */
export interface PeriodTotals {
  readonly revenue: number;
  readonly units: number;
  readonly orders: number;
  readonly activeCustomers: number;
}

/**
 * What groupPeriodAsOf's customer table (by `bys`, which hold 'customer') totals, read from the same
 * kept sums and the months' rows past their boundaries without making that table: a flag per
 * customer instead of a grouping's nine arrays (a retrospective's month asks only these).
 */
export const periodTotalsAsOf = (ctx: AnalyticsContext, bys: readonly ByLedgerId[], scope: AnalyticsScope, period: string, every = CHUNK): PeriodTotals => {
  const g = bys.indexOf('customer');
  if (g < 0) throw new Error('periodTotalsAsOf reads the customer sums: `bys` must hold customer');
  const d = ctx.ledger.data;
  const zone = ctx.ledger.zone;
  const owner = ownerOfScope(scope);
  const months = monthsOf(period);
  // the customers with an order in any month: active in the period
  const active = new Uint8Array(d.customerIds.names.length);
  let revenue = 0;
  let units = 0;
  let orders = 0;
  const r = new RowReader(d);
  for (const m of months) {
    const b = periodBounds(m, zone);
    const { base, rows } = atCut(ctx, bys, owner, b.start, b.end, false, every);
    const sums = base[g];
    for (let k = 0, n = sums.revenue.length; k < n; k++) {
      if (sums.seen[k] === 0) continue;
      revenue += sums.revenue[k];
      units += sums.units[k];
      orders += sums.orders[k];
      if (sums.orders[k] > 0) active[k] = 1;
    }
    // as the grouping counts a row: an order at its sale's first row in the scope
    for (let j = 0; j < rows.length; j++) {
      const row = rows.rows[j];
      const at = r.at(row);
      revenue += r.amountOf(row);
      units += r.unitsOf(row);
      if (r.isSale() && rows.first[j] === 1) orders++, (active[r.customer[at]] = 1);
    }
  }
  let activeCustomers = 0;
  for (let k = 0; k < active.length; k++) activeCustomers += active[k];
  return { revenue, units, orders, activeCustomers };
};
