// Analytics grouped straight from the sales ledger's rows: one pass over the rows of a scope and a
// span of business time, summing into a table per key, with keys as interned numbers and an order
// counted where it is first seen. Nothing is made per credit (no entry record, no order id decoded,
// no string key per order): a review reads a quarter of a million credits several times over, and
// making a record of each cost seconds at a million events. The figures are those of the plain
// fold over the ledger's entries (test/oracles/analyticsFold.ts), to the fen.
import { periodOf, type PeriodKind } from '../shared/period';
import type { LineTerms, OrderTerms, SaleTerms } from '../sales/readModels/saleTerms';
import { eventLength, eventStart, firstSalePosition, isSaleRow, lineCountOf, rowMs, RowReader, rowsBetween, soleCredit, visibleRows, type LedgerData, type SalesLedger, type SpanRows } from '../ledger/salesLedger';
import { attribution } from './campaigns';
import { allocate, shareGrid } from './shares';
import type { AnalyticsBy, AnalyticsContext, AnalyticsScope } from './analytics';

/** What one key sums to. `customers` and `newCustomers` are counted only when asked for (else 0). */
export interface KeySums {
  readonly revenue: number;
  readonly units: number;
  readonly orders: number;
  readonly discount: number;
  readonly premium: number;
  /** distinct customers with a sale under the key, and those of them whose first-ever sale it is */
  readonly customers: number;
  readonly newCustomers: number;
}

export const emptySums = (): KeySums => ({ revenue: 0, units: 0, orders: 0, discount: 0, premium: 0, customers: 0, newCustomers: 0 });

/** `total`: every row under one key; `customer`: the customer's. */
export type GroupBy = AnalyticsBy | 'total' | 'customer';

export interface GroupOptions {
  /** count distinct and new customers per key */
  readonly customers?: boolean;
  /** share lines' discounts and premiums over the credits */
  readonly discounts?: boolean;
  /** the moment whose tiers group by=tier */
  readonly tiersAt?: number;
}

/** The keys that are periods of time, and their kind. */
export const TIME: Partial<Record<GroupBy, PeriodKind>> = { month: 'month', week: 'week', day: 'day' };
const NONE = '(none)';

export const ownerOfScope = (scope: AnalyticsScope): string => (scope.kind === 'all' ? 'company' : scope.kind === 'rep' ? `rep:${scope.repId}` : `team:${scope.teamId}`);

/** Per live ledger and terms, each interned order's terms: built once, extended as the log grows. */
interface TermsIndex {
  readonly data: LedgerData;
  readonly byOrder: (OrderTerms | undefined)[];
  /** how many of the terms' entries are indexed */
  done: number;
}
const termsIndexes = new WeakMap<SaleTerms['byOrder'], TermsIndex>();

/**
 * The terms of each interned order id, whatever the view (a reader checks a term's position
 * against the view's cut, as termsOf does). Every view of one log shares the ledger's columns and
 * the terms' map, both only appended to: the index is made once and then extended with what was
 * added since, where a map over every order with terms cost a review tens of milliseconds.
 */
const termsIndex = (ctx: AnalyticsContext): (OrderTerms | undefined)[] => {
  const data = ctx.ledger.data;
  const all = ctx.terms.byOrder;
  let index = termsIndexes.get(all);
  if (!index || index.data !== data) termsIndexes.set(all, (index = { data, byOrder: [], done: 0 }));
  if (index.done < all.size) {
    let i = 0;
    for (const [orderId, t] of all) {
      if (i++ < index.done) continue;
      const order = data.orderIds.find(orderId);
      // an order the ledger has not interned is not yet folded there: index it on a later call
      if (order < 0) break;
      index.byOrder[order] = t;
      index.done = i;
    }
  }
  return index.byOrder;
};

/** An interned order's terms as the view knows them (termsOf by number). */
const termsAt = (ctx: AnalyticsContext, index: (OrderTerms | undefined)[], order: number): OrderTerms | undefined => {
  const t = index[order];
  return t && t.position <= ctx.terms.cut ? t : undefined;
};

/** Strings as numbers for the keys that are not ledger ids (a month, a region, a channel). */
class Names {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];
  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) this.ids.set(name, (i = this.names.push(name) - 1));
    return i;
  }
}

/** The key of each gathered row for a `by` that gives a row one key, how many keys there are, and their names. */
interface KeyColumn {
  readonly keys: Int32Array;
  readonly size: number;
  readonly name: (key: number) => string;
  /** rep and team keys vary within a sale (its credits' reps); the others are the sale's own, so an order counts at its first row */
  readonly perCredit: boolean;
}

/** Each gathered row's key: a loop per kind of key, a name looked up once per customer, day or order term. */
const keyColumn = (ctx: AnalyticsContext, by: Exclude<GroupBy, 'product'>, span: SpanRows, o: GroupOptions): KeyColumn => {
  const s = ctx.ledger;
  const d = s.data;
  const { rows, length } = span;
  const keys = new Int32Array(length);
  const names = new Names();
  const column = (field: 'rep' | 'team' | 'customer') => {
    const r = new RowReader(d);
    for (let j = 0; j < length; j++) {
      const at = r.at(rows[j]);
      keys[j] = r[field][at];
    }
  };
  const named = (): KeyColumn => ({ keys, size: names.names.length, name: (k) => names.names[k], perCredit: false });
  /** a key per interned customer, named once each */
  const byCustomer = (nameOf: (customerId: string) => string): KeyColumn => {
    const memo = new Int32Array(d.customerIds.names.length).fill(-1);
    for (let j = 0; j < length; j++) {
      const c = d.customer.get(rows[j]);
      keys[j] = memo[c] >= 0 ? memo[c] : (memo[c] = names.id(nameOf(d.customerIds.names[c])));
    }
    return named();
  };
  /** a key per order, by one of its terms */
  const byOrder = (termOf: (order: number) => string | undefined): KeyColumn => {
    for (let j = 0; j < length; j++) keys[j] = names.id(termOf(d.order.get(rows[j])) ?? NONE);
    return named();
  };
  switch (by) {
    case 'rep':
      column('rep');
      return { keys, size: d.repIds.names.length, name: (k) => d.repIds.names[k], perCredit: true };
    case 'team':
      column('team');
      return { keys, size: d.teamIds.names.length, name: (k) => d.teamIds.names[k], perCredit: true };
    case 'customer':
      column('customer');
      return { keys, size: d.customerIds.names.length, name: (k) => d.customerIds.names[k], perCredit: false };
    case 'total':
      names.id('total');
      return named();
    case 'month':
    case 'week':
    case 'day': {
      // a row's period is its local day's: named once per day
      const kind = TIME[by]!;
      const byDay = new Map<number, number>();
      for (let j = 0; j < length; j++) {
        const day = d.day.get(rows[j]);
        let k = byDay.get(day);
        if (k === undefined) byDay.set(day, (k = names.id(periodOf(kind, rowMs(s, rows[j]), s.zone))));
        keys[j] = k;
      }
      return named();
    }
    case 'region':
      return byCustomer((c) => ctx.directory.customers.get(c)?.region ?? NONE);
    case 'tier': {
      const tiers = ctx.tierAt(o.tiersAt ?? Infinity);
      return byCustomer((c) => tiers.get(c) ?? 'potential');
    }
    case 'channel':
    case 'promotion': {
      const index = termsIndex(ctx);
      const field = by === 'channel' ? 'channel' : 'promotionId';
      return byOrder((order) => termsAt(ctx, index, order)?.[field]);
    }
    case 'campaign': {
      const credited = new Map<number, string>();
      for (const [orderId, campaignId] of attribution(ctx.campaigns ?? [], ctx.terms, s)) credited.set(d.orderIds.find(orderId), campaignId);
      return byOrder((order) => credited.get(order));
    }
  }
};

/** The index among its sale's credits of the first credit to a row's rep (as the entries' indexOf found it). */
const creditIndex = (s: SalesLedger, first: number, n: number, row: number): number => {
  const rep = s.data.rep.get(row);
  for (let k = 0; k < n; k++) if (s.data.rep.get(first + k) === rep) return k;
  return -1;
};

const creditAmounts = (s: SalesLedger, first: number, n: number): number[] => {
  const out: number[] = [];
  for (let k = 0; k < n; k++) out.push(Math.abs(s.data.amount.get(first + k)));
  return out;
};

/** The lines' terms of a sale row's order when any line carries a discount or premium (a refund gives money back and changes no price). */
const discountedLines = (ctx: AnalyticsContext, index: (OrderTerms | undefined)[], row: number): readonly LineTerms[] | undefined => {
  if (!isSaleRow(ctx.ledger, row)) return undefined;
  const lines = termsAt(ctx, index, ctx.ledger.data.order.get(row))?.lines;
  return lines && lines.some((l) => l.discount > 0 || l.premium > 0) ? lines : undefined;
};

/**
 * Each credit's part of each line's discount and premium, for a row of a sale of several credits
 * (a sole credit takes its lines' whole): undefined when its order's lines carry none, or it is a
 * refund's. A line's are shared between the credits by their amounts, largest remainder.
 */
const splitDiscounts = (ctx: AnalyticsContext, index: (OrderTerms | undefined)[]) => {
  const s = ctx.ledger;
  const grids = new Map<number, { discount: number[][]; premium: number[][] } | undefined>();
  return (row: number): { discount: number[]; premium: number[] } | undefined => {
    const first = eventStart(s, row);
    const n = eventLength(s, first);
    if (!grids.has(first)) {
      const lines = discountedLines(ctx, index, row);
      if (!lines) grids.set(first, undefined);
      else {
        const weights = creditAmounts(s, first, n);
        const byCredit = (perLine: number[]) => perLine.map((x) => allocate(x, weights));
        grids.set(first, { discount: byCredit(lines.map((l) => l.discount)), premium: byCredit(lines.map((l) => l.premium)) });
      }
    }
    const grid = grids.get(first);
    const k = grid ? creditIndex(s, first, n, row) : -1;
    return grid && k >= 0 ? { discount: grid.discount.map((l) => l[k]), premium: grid.premium.map((l) => l[k]) } : undefined;
  };
};

/** One credit's part of one line of its order. */
interface LinePart {
  product: number;
  amount: number;
  units: number;
}

/**
 * By product, a row's parts of its order's lines, as analytics.productSplitter gives them: a sale's
 * single credit takes its lines whole; otherwise each credit takes its part of every line
 * (shareGrid), and a refund is first shared over the lines by their amounts. Parts of a split or
 * refunded sale are kept per sale, since its other credits ask too.
 */
export const linePartsOf = (s: SalesLedger, none: number) => {
  const d = s.data;
  const grids = new Map<number, { amounts: number[][]; units: number[][] }>();
  // the parts of one row at a time, in objects kept from row to row: a year holds a million credits
  const parts: LinePart[] = [];
  let count = 0;
  const part = (product: number, amount: number, units: number) => {
    const p = parts[count] ?? (parts[count] = { product: 0, amount: 0, units: 0 });
    p.product = product;
    p.amount = amount;
    p.units = units;
    count++;
  };
  /** Fill `parts` with the row's and say how many; 0 for an order without lines, whose one part is the (none) product's. */
  const of = (row: number): number => {
    const lines = lineCountOf(s, d.order.get(row));
    count = 0;
    if (lines === 0) {
      part(none, d.amount.get(row), d.units.get(row));
      return 0;
    }
    const start = d.lineStart.get(d.order.get(row));
    const sale = isSaleRow(s, row);
    if (sale && soleCredit(s, row)) {
      for (let j = 0; j < lines; j++) part(d.lineProduct.get(start + j), d.lineAmount.get(start + j), d.lineUnits.get(start + j));
      return count;
    }
    const first = eventStart(s, row);
    const credits = eventLength(s, first);
    const k = creditIndex(s, first, credits, row);
    const sign = sale ? 1 : -1;
    if (lines === 1) {
      // one line: each credit but the last takes its own amount and units of it, the last the rest (shareGrid with one column)
      if (k < credits - 1) part(d.lineProduct.get(start), sign * Math.abs(d.amount.get(first + k)), d.units.get(first + k));
      else {
        let amount = sale ? d.lineAmount.get(start) : 0;
        let units = sale ? d.lineUnits.get(start) : 0;
        for (let i = 0; i < credits; i++) if (!sale) amount -= d.amount.get(first + i);
        for (let i = 0; i < credits - 1; i++) (amount -= Math.abs(d.amount.get(first + i))), (units -= d.units.get(first + i));
        part(d.lineProduct.get(start), sign * amount, units);
      }
      return count;
    }
    let grid = grids.get(first);
    if (!grid) {
      // plain loops: Array.from with a mapping function cost microseconds a call here
      const lineAmounts: number[] = [];
      const lineUnits: number[] = [];
      for (let j = 0; j < lines; j++) lineAmounts.push(d.lineAmount.get(start + j)), lineUnits.push(sale ? d.lineUnits.get(start + j) : 0);
      const amounts: number[] = [];
      const units: number[] = [];
      let refunded = 0;
      for (let i = 0; i < credits; i++) amounts.push(Math.abs(d.amount.get(first + i))), units.push(d.units.get(first + i)), (refunded -= d.amount.get(first + i));
      grid = { amounts: shareGrid(amounts, sale ? lineAmounts : allocate(refunded, lineAmounts)), units: shareGrid(units, lineUnits) };
      grids.set(first, grid);
    }
    for (let j = 0; j < lines; j++) part(d.lineProduct.get(start + j), sign * grid.amounts[k][j], grid.units[k][j]);
    return count;
  };
  return { parts, of };
};

/**
 * What each key of one grouping sums to, in typed arrays by key id: a quarter of a million rows
 * add into them with nothing made per row, and a name is looked up only for a key shown.
 */
export class KeyTable {
  readonly revenue: Float64Array;
  readonly units: Float64Array;
  readonly orders: Float64Array;
  readonly discount: Float64Array;
  readonly premium: Float64Array;
  /** per key, the position of the last order counted (an order counts once per key) */
  readonly lastOrder: Float64Array;
  /** per key, 1 once a row touched it: the keys a grouping shows */
  readonly seen: Uint8Array;
  readonly customers: Float64Array;
  readonly newCustomers: Float64Array;

  constructor(
    readonly size: number,
    readonly name: (key: number) => string,
  ) {
    [this.revenue, this.units, this.orders, this.discount, this.premium, this.customers, this.newCustomers] = Array.from({ length: 7 }, () => new Float64Array(size));
    this.lastOrder = new Float64Array(size).fill(-1);
    this.seen = new Uint8Array(size);
  }

  sums(k: number): KeySums {
    return { revenue: this.revenue[k], units: this.units[k], orders: this.orders[k], discount: this.discount[k], premium: this.premium[k], customers: this.customers[k], newCustomers: this.newCustomers[k] };
  }

  /** Every key a row touched, by name. */
  toMap(): Map<string, KeySums> {
    const out = new Map<string, KeySums>();
    for (let k = 0; k < this.size; k++) if (this.seen[k]) out.set(this.name(k), this.sums(k));
    return out;
  }
}

/** Whether a sale is its customer's first as the view knows it, by position: looked up once per customer (the memo made on the first ask: most groupings never ask). */
const firstSales = (s: SalesLedger) => {
  let memo: Float64Array | undefined;
  return (customer: number, position: number): boolean => {
    memo ??= new Float64Array(s.data.customerIds.names.length).fill(-2);
    return (memo[customer] === -2 ? (memo[customer] = firstSalePosition(s, customer)) : memo[customer]) === position;
  };
};

/**
 * The (key, customer) pairs of a grouping's sales, counted distinct per key at the end: the pairs
 * sorted by key (a counting sort), then each key's customers marked in one array. A set per key
 * cost a hash insert per credit.
 */
class CustomerPairs {
  private keys: Int32Array;
  private customers: Int32Array;
  private fresh: Uint8Array;
  private n = 0;

  /** `expected`: how many pairs to make room for at once (a grouping adds at most one a row, by product one a line) */
  constructor(expected: number) {
    this.keys = new Int32Array(Math.max(16, expected));
    this.customers = new Int32Array(this.keys.length);
    this.fresh = new Uint8Array(this.keys.length);
  }

  add(key: number, customer: number, isFirstSale: boolean): void {
    if (this.n === this.keys.length) this.grow();
    this.keys[this.n] = key;
    this.customers[this.n] = customer;
    this.fresh[this.n++] = isFirstSale ? 1 : 0;
  }

  /** Each key's distinct customers, and new ones, into the table. */
  countInto(t: KeyTable, customerCount: number): void {
    const { keys, customers, fresh, n } = this;
    const starts = new Int32Array(t.size + 1);
    for (let i = 0; i < n; i++) starts[keys[i] + 1]++;
    for (let k = 0; k < t.size; k++) starts[k + 1] += starts[k];
    const order = new Int32Array(n);
    const next = starts.slice(0, t.size);
    for (let i = 0; i < n; i++) order[next[keys[i]]++] = i;
    const seen = new Int32Array(customerCount).fill(-1);
    const seenNew = new Int32Array(customerCount).fill(-1);
    for (let k = 0; k < t.size; k++)
      for (let x = starts[k]; x < starts[k + 1]; x++) {
        const i = order[x];
        const c = customers[i];
        if (seen[c] !== k) (seen[c] = k), t.customers[k]++;
        if (fresh[i] === 1 && seenNew[c] !== k) (seenNew[c] = k), t.newCustomers[k]++;
      }
  }

  private grow(): void {
    const grown = <A extends Int32Array | Uint8Array>(a: A, make: (n: number) => A): A => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.keys = grown(this.keys, (n) => new Int32Array(n));
    this.customers = grown(this.customers, (n) => new Int32Array(n));
    this.fresh = grown(this.fresh, (n) => new Uint8Array(n));
  }
}

/** What every grouping of one gathering shares: each sale row's customer facts and discounts, worked out once. */
interface Shared {
  readonly isFirst: ReturnType<typeof firstSales>;
  /** per gathered row, its part of its order's discounts and premiums (made on first ask) */
  discounts?: { readonly discount: Float64Array; readonly premium: Float64Array };
}

/** Each gathered sale row's part of its order's discounts and premiums: a sole credit takes its lines' whole. */
const rowDiscounts = (ctx: AnalyticsContext, span: SpanRows) => {
  const discount = new Float64Array(span.length);
  const premium = new Float64Array(span.length);
  if (ctx.terms.byOrder.size === 0) return { discount, premium };
  const s = ctx.ledger;
  const index = termsIndex(ctx);
  const split = splitDiscounts(ctx, index);
  for (let j = 0; j < span.length; j++) {
    const row = span.rows[j];
    const lines = discountedLines(ctx, index, row);
    if (!lines) continue;
    if (soleCredit(s, row)) {
      for (const l of lines) (discount[j] += l.discount), (premium[j] += l.premium);
      continue;
    }
    const disc = split(row);
    if (disc) (discount[j] = total(disc.discount)), (premium[j] = total(disc.premium));
  }
  return { discount, premium };
};

/**
 * Sum the gathered rows by the keys of several groupings in one loop: each row's figures are read
 * once and added to every grouping's table.
 */
const sumByKeys = (ctx: AnalyticsContext, span: SpanRows, cols: readonly KeyColumn[], o: GroupOptions, shared: Shared): KeyTable[] => {
  const d = ctx.ledger.data;
  const tables = cols.map((c) => new KeyTable(c.size, c.name));
  const pairs = o.customers ? cols.map(() => new CustomerPairs(span.length)) : undefined;
  const { rows, first, length } = span;
  const groupings = cols.length;
  const r = new RowReader(d);
  for (let j = 0; j < length; j++) {
    const row = rows[j];
    const at = r.at(row);
    const amount = r.amountOf(row);
    const units = r.unitsOf(row);
    const sale = r.isSale();
    const position = r.position[at];
    const customer = r.customer[at];
    const isNew = pairs !== undefined && sale && shared.isFirst(customer, position);
    for (let g = 0; g < groupings; g++) {
      const t = tables[g];
      const k = cols[g].keys[j];
      t.seen[k] = 1;
      t.revenue[k] += amount;
      t.units[k] += units;
      if (!sale) continue;
      if (cols[g].perCredit ? t.lastOrder[k] !== position : first[j] === 1) (t.lastOrder[k] = position), t.orders[k]++;
      if (pairs) pairs[g].add(k, customer, isNew);
    }
  }
  tables.forEach((t, g) => {
    pairs?.[g].countInto(t, d.customerIds.names.length);
    if (!o.discounts) return;
    const { discount, premium } = (shared.discounts ??= rowDiscounts(ctx, span));
    const keys = cols[g].keys;
    for (let j = 0; j < length; j++) if (discount[j] !== 0 || premium[j] !== 0) (t.discount[keys[j]] += discount[j]), (t.premium[keys[j]] += premium[j]);
  });
  return tables;
};

const total = (xs: readonly number[]): number => xs.reduce((a, x) => a + x, 0);

/**
 * Sum the gathered rows by product: a sole credit of a sale takes its order's lines whole, read
 * straight from the columns; a split sale's or a refund's rows are shared over the lines
 * (linePartsOf); a row of an order without lines is the (none) product's.
 */
const sumByProduct = (ctx: AnalyticsContext, span: SpanRows, o: GroupOptions, shared: Shared): KeyTable => {
  const s = ctx.ledger;
  const d = s.data;
  const noneKey = d.productIds.names.length;
  const none = d.productIds.find(NONE) >= 0 ? d.productIds.find(NONE) : noneKey;
  const t = new KeyTable(noneKey + 1, (k) => (k === noneKey ? NONE : d.productIds.names[k]));
  const { parts, of } = linePartsOf(s, none);
  const index = o.discounts && ctx.terms.byOrder.size > 0 ? termsIndex(ctx) : undefined;
  const split = index && splitDiscounts(ctx, index);
  const pairs = o.customers ? new CustomerPairs(span.length) : undefined;
  const { revenue, units, orders, discount, premium, lastOrder, seen } = t;
  const { rows, first, length } = span;
  // the order's part of a key: counted at the sale's first row (every credit touches every line)
  const count = (k: number, row: number, j: number, position: number) => {
    if (first[j] === 1 && lastOrder[k] !== position) (lastOrder[k] = position), orders[k]++;
    if (pairs) pairs.add(k, d.customer.get(row), shared.isFirst(d.customer.get(row), position));
  };
  const r = new RowReader(d);
  const visible = visibleRows(s);
  for (let j = 0; j < length; j++) {
    const row = rows[j];
    const at = r.at(row);
    const sale = r.isSale();
    const position = r.position[at];
    const order = r.order[at];
    const lines = lineCountOf(s, order);
    if (sale && lines > 0 && r.soleCredit(row, visible)) {
      const start = d.lineStart.get(order);
      const terms = index && discountedLines(ctx, index, row);
      for (let l = 0; l < lines; l++) {
        const k = d.lineProduct.get(start + l);
        seen[k] = 1;
        revenue[k] += d.lineAmount.get(start + l);
        units[k] += d.lineUnits.get(start + l);
        if (terms && l < terms.length) (discount[k] += terms[l].discount), (premium[k] += terms[l].premium);
        count(k, row, j, position);
      }
      continue;
    }
    const n = Math.max(1, of(row));
    // the (none) product's part has no discount
    const disc = lines > 0 && split ? split(row) : undefined;
    for (let l = 0; l < n; l++) {
      const k = parts[l].product;
      seen[k] = 1;
      revenue[k] += parts[l].amount;
      units[k] += parts[l].units;
      discount[k] += disc?.discount[l] ?? 0;
      premium[k] += disc?.premium[l] ?? 0;
      if (sale) count(k, row, j, position);
    }
  }
  pairs?.countInto(t, d.customerIds.names.length);
  return t;
};

/**
 * The rows of a scope with business time in [start, end) grouped by each of several keys, as
 * tables by key id: revenue, units, orders (a sale is one order per key it touches; by rep, one
 * per credit), and when asked the distinct and new customers (a customer whose first sale is the
 * row's) and the discounts and premiums. The rows are gathered once; each key sums them in a loop
 * of its own.
 */
export const groupTables = (ctx: AnalyticsContext, bys: readonly GroupBy[], scope: AnalyticsScope, start: number, end: number, o: GroupOptions = {}): KeyTable[] =>
  groupGathered(ctx, bys, gatherRows(ctx, scope, start, end), o);

/** The rows of a scope with business time in [start, end), gathered for groupGathered: several callers may group one gathering. */
export const gatherRows = (ctx: AnalyticsContext, scope: AnalyticsScope, start: number, end: number): SpanRows => rowsBetween(ctx.ledger, ownerOfScope(scope), start, end);

/** groupTables of rows gathered once (gatherRows). */
export const groupGathered = (ctx: AnalyticsContext, bys: readonly GroupBy[], span: SpanRows, o: GroupOptions = {}): KeyTable[] => {
  const shared: Shared = { isFirst: firstSales(ctx.ledger) };
  const keyed = bys.filter((by): by is Exclude<GroupBy, 'product'> => by !== 'product');
  const tables = sumByKeys(ctx, span, keyed.map((by) => keyColumn(ctx, by, span, o)), o, shared);
  let next = 0;
  return bys.map((by) => (by === 'product' ? sumByProduct(ctx, span, o, shared) : tables[next++]));
};

/** groupTables with each table by key name. */
export const groupRowsBy = (ctx: AnalyticsContext, bys: readonly GroupBy[], scope: AnalyticsScope, start: number, end: number, o: GroupOptions = {}): Map<string, KeySums>[] =>
  groupTables(ctx, bys, scope, start, end, o).map((t) => t.toMap());

/** The rows of a scope with business time in [start, end) grouped by one key (groupRowsBy). */
export const groupRows = (ctx: AnalyticsContext, by: GroupBy, scope: AnalyticsScope, start: number, end: number, o: GroupOptions = {}): Map<string, KeySums> =>
  groupRowsBy(ctx, [by], scope, start, end, o)[0];
