// Analytics grouped straight from the sales ledger's rows: one pass over the rows of a scope and a
// span of business time, summing into a table per key, with keys as interned numbers and an order
// counted where it is first seen. Nothing is made per credit (no entry record, no order id decoded,
// no string key per order): a review reads a quarter of a million credits several times over, and
// making a record of each cost seconds at a million events. The figures are those of the plain
// fold over the ledger's entries (test/oracles/analyticsFold.ts), to the fen.
import { periodOf, type PeriodKind } from '../shared/period';
import { ordersWithTerms, type OrderTerms } from '../sales/readModels/saleTerms';
import { eachRowBetween, eventLength, eventStart, firstSalePosition, isSaleRow, linesOfOrder, rowMs, type SalesLedger } from '../ledger/salesLedger';
import { attribution } from './campaigns';
import { allocate, shareGrid } from './shares';
import type { AnalyticsBy, AnalyticsContext, AnalyticsScope } from './analytics';

/** What one key sums to. `customers` and `newCustomers` are kept only when asked for. */
export interface KeySums {
  revenue: number;
  units: number;
  orders: number;
  discount: number;
  premium: number;
  readonly customers?: Set<number>;
  readonly newCustomers?: Set<number>;
  /** the position of the last order counted (an order counts once per key) */
  lastOrder: number;
}

export const emptySums = (customers = false): KeySums => ({ revenue: 0, units: 0, orders: 0, discount: 0, premium: 0, ...(customers ? { customers: new Set(), newCustomers: new Set() } : {}), lastOrder: -1 });

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

/** The terms of the orders that carry any, by interned order id. */
const termsByOrder = (ctx: AnalyticsContext): Map<number, OrderTerms> => {
  const ids = ctx.ledger.data.orderIds;
  const out = new Map<number, OrderTerms>();
  for (const [orderId, t] of ordersWithTerms(ctx.terms)) {
    const order = ids.find(orderId);
    if (order >= 0) out.set(order, t);
  }
  return out;
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

/** A memo from a whole number (a customer, a day, an order) to a key id. */
const memo = (f: (n: number) => number): ((n: number) => number) => {
  const seen = new Map<number, number>();
  return (n) => {
    let k = seen.get(n);
    if (k === undefined) seen.set(n, (k = f(n)));
    return k;
  };
};

/**
 * A row's key, for the `by`s that give a row one key, and its name. Rep and team keys vary within
 * a sale (its credits' reps); the others are the sale's own, so an order counts at its first row.
 */
const keyOf = (ctx: AnalyticsContext, by: Exclude<GroupBy, 'product'>, o: GroupOptions): { key: (row: number) => number; name: (key: number) => string; perCredit: boolean } => {
  const s = ctx.ledger;
  const d = s.data;
  const names = new Names();
  const byName = (key: (row: number) => number) => ({ key, name: (k: number) => names.names[k], perCredit: false });
  switch (by) {
    case 'rep':
      return { key: (i) => d.rep.get(i), name: (k) => d.repIds.names[k], perCredit: true };
    case 'team':
      return { key: (i) => d.team.get(i), name: (k) => d.teamIds.names[k], perCredit: true };
    case 'customer':
      return { key: (i) => d.customer.get(i), name: (k) => d.customerIds.names[k], perCredit: false };
    case 'total':
      return byName(() => names.id('total'));
    case 'month':
    case 'week':
    case 'day': {
      // a row's period is its local day's: named once per day
      const kind = TIME[by]!;
      const byDay = new Map<number, number>();
      return byName((i) => {
        const day = d.day.get(i);
        let k = byDay.get(day);
        if (k === undefined) byDay.set(day, (k = names.id(periodOf(kind, rowMs(s, i), s.zone))));
        return k;
      });
    }
    case 'region': {
      const region = memo((c) => names.id(ctx.directory.customers.get(d.customerIds.names[c])?.region ?? NONE));
      return byName((i) => region(d.customer.get(i)));
    }
    case 'tier': {
      const tiers = ctx.tierAt(o.tiersAt ?? Infinity);
      const tier = memo((c) => names.id(tiers.get(d.customerIds.names[c]) ?? 'potential'));
      return byName((i) => tier(d.customer.get(i)));
    }
    case 'channel':
    case 'promotion': {
      const terms = termsByOrder(ctx);
      const field = by === 'channel' ? 'channel' : 'promotionId';
      return byName((i) => names.id(terms.get(d.order.get(i))?.[field] ?? NONE));
    }
    case 'campaign': {
      const credited = new Map<number, string>();
      for (const [orderId, campaignId] of attribution(ctx.campaigns ?? [], ctx.terms, s)) credited.set(d.orderIds.find(orderId), campaignId);
      return byName((i) => names.id(credited.get(d.order.get(i)) ?? NONE));
    }
  }
};

/** The index among its sale's credits of the first credit to a row's rep (as the entries' indexOf found it). */
const creditIndex = (s: SalesLedger, first: number, n: number, row: number): number => {
  const rep = s.data.rep.get(row);
  for (let k = 0; k < n; k++) if (s.data.rep.get(first + k) === rep) return k;
  return -1;
};

const creditAmounts = (s: SalesLedger, first: number, n: number): number[] => Array.from({ length: n }, (_, k) => Math.abs(s.data.amount.get(first + k)));

/**
 * Each credit's part of each line's discount and premium: per row, undefined when its order's
 * lines carry none, or it is a refund's (a refund gives money back and changes no price). A line's
 * are shared between the credits by their amounts, largest remainder.
 */
const discountsOf = (ctx: AnalyticsContext) => {
  const s = ctx.ledger;
  const terms = termsByOrder(ctx);
  const grids = new Map<number, { discount: number[][]; premium: number[][] } | undefined>();
  return (row: number): { discount: number[]; premium: number[] } | undefined => {
    if (terms.size === 0 || !isSaleRow(s, row)) return undefined;
    const first = eventStart(s, row);
    const n = eventLength(s, first);
    if (!grids.has(first)) {
      const lines = terms.get(s.data.order.get(row))?.lines ?? [];
      if (!lines.some((l) => l.discount > 0 || l.premium > 0)) grids.set(first, undefined);
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

const total = (xs: readonly number[] | undefined): number => (xs ? xs.reduce((a, x) => a + x, 0) : 0);

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
    const lines = linesOfOrder(s, d.order.get(row));
    count = 0;
    if (lines.count === 0) {
      part(none, d.amount.get(row), d.units.get(row));
      return 0;
    }
    const { start } = lines;
    const first = eventStart(s, row);
    const credits = eventLength(s, first);
    const sale = isSaleRow(s, row);
    if (sale && credits === 1) {
      for (let j = 0; j < lines.count; j++) part(d.lineProduct.get(start + j), d.lineAmount.get(start + j), d.lineUnits.get(start + j));
      return count;
    }
    let grid = grids.get(first);
    if (!grid) {
      const lineAmounts = Array.from({ length: lines.count }, (_, j) => d.lineAmount.get(start + j));
      let refunded = 0;
      for (let k = 0; k < credits; k++) refunded -= d.amount.get(first + k);
      const amounts = sale ? lineAmounts : allocate(refunded, lineAmounts);
      const units = sale ? Array.from({ length: lines.count }, (_, j) => d.lineUnits.get(start + j)) : lineAmounts.map(() => 0);
      const creditUnits = Array.from({ length: credits }, (_, k) => d.units.get(first + k));
      grid = { amounts: shareGrid(creditAmounts(s, first, credits), amounts), units: shareGrid(creditUnits, units) };
      grids.set(first, grid);
    }
    const k = creditIndex(s, first, credits, row);
    const sign = sale ? 1 : -1;
    for (let j = 0; j < lines.count; j++) part(d.lineProduct.get(start + j), sign * grid.amounts[k][j], grid.units[k][j]);
    return count;
  };
  return { parts, of };
};

/** One `by`'s table, filled a row at a time: several share one pass over the rows. */
interface Grouping {
  readonly visit: (row: number, firstOfSale: boolean) => void;
  readonly result: () => Map<string, KeySums>;
}

const grouping = (ctx: AnalyticsContext, by: GroupBy, o: GroupOptions): Grouping => {
  const s = ctx.ledger;
  const d = s.data;
  const table: (KeySums | undefined)[] = [];
  const at = (k: number): KeySums => table[k] ?? (table[k] = emptySums(o.customers));
  const discounts = o.discounts ? discountsOf(ctx) : () => undefined;
  const firstSale = memo((c) => firstSalePosition(s, c));
  const customer = (r: KeySums, row: number, position: number) => {
    const c = d.customer.get(row);
    r.customers!.add(c);
    if (firstSale(c) === position) r.newCustomers!.add(c);
  };
  const result = (name: (k: number) => string) => () => {
    const out = new Map<string, KeySums>();
    table.forEach((r, k) => r && out.set(name(k), r));
    return out;
  };
  if (by === 'product') {
    const noneKey = d.productIds.names.length;
    const { parts, of } = linePartsOf(s, d.productIds.find(NONE) >= 0 ? d.productIds.find(NONE) : noneKey);
    const visit = (row: number, firstOfSale: boolean) => {
      const sale = isSaleRow(s, row);
      const position = d.position.get(row);
      const lines = of(row);
      // the (none) product's part has no discount
      const disc = lines > 0 ? discounts(row) : undefined;
      for (let j = 0, n = Math.max(1, lines); j < n; j++) {
        const l = parts[j];
        const r = at(l.product);
        r.revenue += l.amount;
        r.units += l.units;
        r.discount += disc?.discount[j] ?? 0;
        r.premium += disc?.premium[j] ?? 0;
        if (!sale) continue;
        // every credit touches every line: the order counts at the sale's first row here
        if (firstOfSale && r.lastOrder !== position) (r.lastOrder = position), r.orders++;
        if (o.customers) customer(r, row, position);
      }
    };
    return { visit, result: result((k) => (k === noneKey ? NONE : d.productIds.names[k])) };
  }
  const key = keyOf(ctx, by, o);
  const visit = (row: number, firstOfSale: boolean) => {
    const r = at(key.key(row));
    r.revenue += d.amount.get(row);
    r.units += d.units.get(row);
    if (o.discounts) {
      const disc = discounts(row);
      r.discount += total(disc?.discount);
      r.premium += total(disc?.premium);
    }
    if (!isSaleRow(s, row)) return;
    const position = d.position.get(row);
    // a rep's or team's credits of one sale come one after another; other keys are the sale's own
    if (key.perCredit ? r.lastOrder !== position : firstOfSale) (r.lastOrder = position), r.orders++;
    if (o.customers) customer(r, row, position);
  };
  return { visit, result: result(key.name) };
};

/**
 * The rows of a scope with business time in [start, end) grouped by each of several keys in one
 * pass: revenue, units, orders (a sale is one order per key it touches; by rep, one per credit),
 * and when asked the distinct and new customers (a customer whose first sale is the row's) and the
 * discounts and premiums.
 */
export const groupRowsBy = (ctx: AnalyticsContext, bys: readonly GroupBy[], scope: AnalyticsScope, start: number, end: number, o: GroupOptions = {}): Map<string, KeySums>[] => {
  const groupings = bys.map((by) => grouping(ctx, by, o));
  const [one] = groupings;
  if (groupings.length === 1) eachRowBetween(ctx.ledger, ownerOfScope(scope), start, end, one.visit);
  else eachRowBetween(ctx.ledger, ownerOfScope(scope), start, end, (row, first) => groupings.forEach((g) => g.visit(row, first)));
  return groupings.map((g) => g.result());
};

/** The rows of a scope with business time in [start, end) grouped by one key (groupRowsBy). */
export const groupRows = (ctx: AnalyticsContext, by: GroupBy, scope: AnalyticsScope, start: number, end: number, o: GroupOptions = {}): Map<string, KeySums> =>
  groupRowsBy(ctx, [by], scope, start, end, o)[0];
