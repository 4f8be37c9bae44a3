// The plain fold analytics grouped by before it read the ledger's rows (core/views/rowGroups.ts):
// every credit made an entry, split into parts and grouped by string key, an order counted by a
// string of its position and key. Kept as the oracle the row grouping is checked against
// (test/properties/rowGroups.prop.spec.ts); the app does not use it.
import { periodOf, type PeriodKind } from '../../core/shared/period';
import { termsOf } from '../../core/sales/readModels/saleTerms';
import { attribution } from '../../core/views/campaigns';
import { allocate, shareGrid, type AnalyticsContext, type AnalyticsScope } from '../../core/views/analytics';
import type { GroupBy } from '../../core/views/rowGroups';
import { creditsAt, entriesBetween, firstSaleOf, orderOf, type LedgerEntry, type OrderLine, type SalesLedger } from '../../core/ledger/salesLedger';

/**
 * An entry's share of each key. Most `by`s give one key per entry; `product` splits a credit over
 * the order's lines by their amounts (largest remainder, so the parts sum to the credit).
 */
type Part = { key: string; amount: number; units: number; discount: number; premium: number };
type Splitter = (e: LedgerEntry) => Part[];

/**
 * By product, a sale's lines are the figures: an order of 1 SUPPORT + 3 CRM-PRO is 1 + 3 units
 * however it is split between reps. Each credit takes its part of every line (shareGrid), so a
 * credit's parts sum to the credit and the credits' parts of a line sum to the line. A refund
 * names no products: it is shared over the lines by their amounts (as the ledger does), then
 * between the credits the same way. `discounts`: each credit's part of the lines' discounts and
 * premiums (absent: none are counted).
 */
export const productSplitter = (ledger: SalesLedger, discounts?: (e: LedgerEntry) => { discount: number[]; premium: number[] } | undefined): Splitter => {
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

export interface FoldSums {
  revenue: number;
  units: number;
  orders: number;
  discount: number;
  premium: number;
  customers: Set<string>;
  newCustomers: Set<string>;
}


const TIME: Partial<Record<GroupBy, PeriodKind>> = { month: 'month', week: 'week', day: 'day' };
const sumOf = (xs: readonly number[] | undefined) => (xs ? xs.reduce((a, x) => a + x, 0) : 0);

const creditDiscounts = (ctx: AnalyticsContext) => {
  const grids = new Map<number, { repIds: string[]; discount: number[][]; premium: number[][] } | undefined>();
  return (e: LedgerEntry): { discount: number[]; premium: number[] } | undefined => {
    if (e.kind !== 'sale') return undefined;
    if (!grids.has(e.position)) {
      const lines = termsOf(ctx.terms, e.orderId)?.lines ?? [];
      if (!lines.some((l) => l.discount > 0 || l.premium > 0)) grids.set(e.position, undefined);
      else {
        const credits = creditsAt(ctx.ledger, e.position);
        const byCredit = (perLine: number[]) => {
          const rows = perLine.map((x) => allocate(x, credits.map((c) => Math.abs(c.amount))));
          return Array.from({ length: credits.length }, (_, i) => rows.map((r) => r[i]));
        };
        grids.set(e.position, { repIds: credits.map((c) => c.repId), discount: byCredit(lines.map((l) => l.discount)), premium: byCredit(lines.map((l) => l.premium)) });
      }
    }
    const grid = grids.get(e.position);
    const i = grid ? grid.repIds.indexOf(e.repId) : -1;
    return grid && i >= 0 ? { discount: grid.discount[i], premium: grid.premium[i] } : undefined;
  };
};

const splitterFor = (by: GroupBy, ctx: AnalyticsContext, tiersAt: number): Splitter => {
  const discounts = creditDiscounts(ctx);
  const one = (key: (e: LedgerEntry) => string): Splitter => (e) => {
    const d = discounts(e);
    return [{ key: key(e), amount: e.amount, units: e.units, discount: sumOf(d?.discount), premium: sumOf(d?.premium) }];
  };
  switch (by) {
    case 'total':
      return one(() => 'total');
    case 'customer':
      return one((e) => e.customerId);
    case 'rep':
      return one((e) => e.repId);
    case 'team':
      return one((e) => e.teamId);
    case 'month':
    case 'week':
    case 'day':
      return one((e) => periodOf(TIME[by]!, e.ms, ctx.ledger.zone));
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

/** The entries of a scope in [start, end) grouped by key, as analytics did by folding them. */
export const foldGroups = (ctx: AnalyticsContext, by: GroupBy, scope: AnalyticsScope, start: number, end: number, tiersAt = Infinity): Map<string, FoldSums> => {
  const owner = scope.kind === 'all' ? 'company' : scope.kind === 'rep' ? `rep:${scope.repId}` : `team:${scope.teamId}`;
  const split = splitterFor(by, ctx, tiersAt);
  const rows = new Map<string, FoldSums>();
  const counted = new Set<string>();
  for (const e of entriesBetween(ctx.ledger, owner, start, end)) {
    for (const part of split(e)) {
      let r = rows.get(part.key);
      if (!r) rows.set(part.key, (r = { revenue: 0, units: 0, orders: 0, discount: 0, premium: 0, customers: new Set(), newCustomers: new Set() }));
      r.revenue += part.amount;
      r.units += part.units;
      r.discount += part.discount;
      r.premium += part.premium;
      if (e.kind !== 'sale') continue;
      const orderKey = by === 'rep' ? `${e.position}|${e.repId}` : `${e.position}|${part.key}`;
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
