// A span's groupings as of any cut of the ledger without reading all of the span's rows: running
// sums of the span's rows by row, kept at every `every` rows (a chunk of the columns), so the
// grouping at a cut is the sums kept at the last boundary below it plus the span's rows from there
// to the cut. A review as of a past moment groups a whole quarter and the quarter before it by rep,
// product and customer; read from the rows, that cost a quarter of a million credits per ask.
//
// Exact because every row's part of these groupings is its own: its keys, its amounts, its share
// of its order's lines and whether it is the first of its sale in the scope are fixed when its sale
// is folded (a sale's credits are appended together, every rep at most once), and a cut of the
// ledger is a prefix of its rows. Only these keys: a customer's first sale, a tier or a region
// change with the view, and the groupings that count customers or discounts are not summed here.
//
// The sums are made the first time a span is asked (one pass over its rows at the head, as much as
// one plain grouping of it) and kept per ledger in a small cache bounded in bytes, the least
// recently asked span dropped first; rows folded since are read as the part past the last
// boundary, and the sums are made again once that part grows past a few chunks.
import { SHIFT } from '../ledger/ledgerColumns';
import { parsePeriod, periodBounds, subPeriods } from '../shared/period';
import { rowsBetween, visibleRows, type LedgerData, type SalesLedger, type SpanRows } from '../ledger/salesLedger';
import type { AnalyticsContext, AnalyticsScope } from './analytics';
import { groupGathered, KeyTable, ownerOfScope } from './rowGroups';

/** The keys whose sums are a row's own. */
export type IndexedBy = 'rep' | 'team' | 'product' | 'customer';

/** One grouping's sums of the span's rows below a boundary, by key id as of when they were made. */
interface Sums {
  readonly revenue: Float64Array;
  readonly units: Float64Array;
  readonly orders: Float64Array;
  readonly seen: Uint8Array;
  /** the key the (none) product had (-1: not a product table) */
  readonly none: number;
}

interface SpanSums {
  /** rows of the ledger the sums cover */
  readonly rows: number;
  readonly every: number;
  /** boundary b: the first row from b × every on that starts a sale or refund (a sale's rows are summed together: a team counts it once however many of its reps share it) */
  readonly bounds: readonly number[];
  /** per boundary, per grouping, the sums of the span's rows below it; unchanged boundaries share one */
  readonly at: readonly (readonly Sums[])[];
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

const sumsOf = (t: KeyTable, none: number): Sums => ({ revenue: t.revenue.slice(), units: t.units.slice(), orders: t.orders.slice(), seen: t.seen.slice(), none });

const emptySums = (t: KeyTable, none: number): Sums => ({ revenue: new Float64Array(t.size), units: new Float64Array(t.size), orders: new Float64Array(t.size), seen: new Uint8Array(t.size), none });

/** The product table's key for the (none) product (as sumByProduct gives it). */
const noneKey = (d: LedgerData): number => {
  const found = d.productIds.find(NONE);
  return found >= 0 ? found : d.productIds.names.length;
};

/** Add `from` into `into`, keys of `from` mapped to `into`'s (only the (none) product's key moves when products were added since). */
const addInto = (into: { revenue: Float64Array; units: Float64Array; orders: Float64Array; seen: Uint8Array }, from: Sums | KeyTable, fromNone: number, intoNone: number) => {
  for (let k = 0, n = from.revenue.length; k < n; k++) {
    if (from.seen[k] === 0) continue;
    const to = k === fromNone ? intoNone : k;
    into.revenue[to] += from.revenue[k];
    into.units[to] += from.units[k];
    into.orders[to] += from.orders[k];
    into.seen[to] = 1;
  }
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
const build = (ctx: AnalyticsContext, bys: readonly IndexedBy[], owner: string, start: number, end: number, every: number): SpanSums => {
  const d = ctx.ledger.data;
  const head: AnalyticsContext = { ...ctx, ledger: { zone: ctx.ledger.zone, data: d } };
  const rows = d.rows;
  const span = byRow(rowsBetween(head.ledger, owner, start, end));
  const nones = bys.map((by) => (by === 'product' ? noneKey(d) : -1));
  let current = groupGathered(head, bys, { rows: span.rows.subarray(0, 0), first: span.first.subarray(0, 0), length: 0 }).map((t, g) => emptySums(t, nones[g]));
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
      const part = groupGathered(head, bys, { rows: span.rows.subarray(from, j), first: span.first.subarray(from, j), length: j - from });
      current = current.map((prev, g) => {
        const next = { revenue: prev.revenue.slice(), units: prev.units.slice(), orders: prev.orders.slice(), seen: prev.seen.slice(), none: prev.none };
        addInto(next, part[g], nones[g], nones[g]);
        bytes += next.revenue.length * 25;
        return next;
      });
    }
    at.push(current);
  }
  return { rows, every, bounds, at, bytes };
};

/** The span's sums for this ledger, made or made again when the rows folded since would cost more to read than to sum. */
const spanSums = (ctx: AnalyticsContext, bys: readonly IndexedBy[], owner: string, start: number, end: number, every: number): SpanSums => {
  const d = ctx.ledger.data;
  let cache = caches.get(d);
  if (!cache) caches.set(d, (cache = new Map()));
  const key = `${owner} ${start} ${end} ${every} ${bys.join()}`;
  let sums = cache.get(key);
  cache.delete(key);
  if (!sums || visibleRows(ctx.ledger) - sums.rows > STALE * every) sums = build(ctx, bys, owner, start, end, every);
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

/**
 * The rows of a scope with business time in [start, end) grouped by each of `bys`, as the view of
 * the ledger in `ctx` shows them: revenue, units and orders by key, equal to groupTables'
 * (without customers or discounts). `every`: rows between kept sums (tests make it small).
 */
export const groupAsOf = (ctx: AnalyticsContext, bys: readonly IndexedBy[], scope: AnalyticsScope, start: number, end: number, every = CHUNK): KeyTable[] => {
  const owner = ownerOfScope(scope);
  const sums = spanSums(ctx, bys, owner, start, end, every);
  const cut = visibleRows(ctx.ledger);
  // a cut is between two sales, so a boundary's sale is wholly in or wholly out of it
  const b = Math.min(Math.floor(cut / every), sums.at.length - 1);
  // the span's rows past the boundary, read from the view, then the sums below it added
  const tables = groupGathered(ctx, bys, rowsBetween(ctx.ledger, owner, start, end, sums.bounds[b]));
  const none = noneKey(ctx.ledger.data);
  tables.forEach((t, g) => addInto(t, sums.at[b][g], sums.at[b][g].none, bys[g] === 'product' ? none : -1));
  return tables;
};

/**
 * A whole period's groupings as the view shows them: a month's from its own sums, a quarter's or a
 * year's as the sum of its months' (a sale lies in one month), so the sums of a month serve every
 * period that holds it and a quarter costs no pass of its own.
 */
export const groupPeriodAsOf = (ctx: AnalyticsContext, bys: readonly IndexedBy[], scope: AnalyticsScope, period: string, every = CHUNK): KeyTable[] => {
  const zone = ctx.ledger.zone;
  const months = parsePeriod(period)?.kind === 'month' ? [period] : (subPeriods(period, 'month') ?? [period]);
  const [first, ...rest] = months.map((m) => {
    const b = periodBounds(m, zone);
    return groupAsOf(ctx, bys, scope, b.start, b.end, every);
  });
  for (const tables of rest) tables.forEach((t, g) => addInto(first[g], t, -1, -1));
  return first;
};
