// Analytics rows add up: over any `by`, the rows' revenue and units sum to the period total, and
// so do orders wherever a `by` puts each order in one row; where an order touches several rows
// (split credits, several teams or products) each row counts it once. The sales are decided by
// the real deciders, so a split sale's credits summing exactly to the sale is checked too.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, ANALYTICS_BY, analytics, figuresByKey, totalOf, type AnalyticsScope } from '../../core/views/analytics';
import { largestRemainder } from '../../core/shared/money';
import { classifyAt, customersProjection } from '../../core/customers/readModels/customers';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { saleTermsProjection } from '../../core/sales/readModels/saleTerms';
import { entriesBetween, metricValue, orderOf, salesLedgerProjection } from '../../core/ledger/salesLedger';
import type { SaleRecordedData } from '../../core/sales/events';
import { periodBounds } from '../../core/shared/period';
import { order, PERIODS, REPS, worldOf, ZONE } from '../support/salesWorld';

const sum = (rows: { revenue: number; units: number; orders: number; discount: number; premium: number }[], k: 'revenue' | 'units' | 'orders' | 'discount' | 'premium') => rows.reduce((a, r) => a + r[k], 0);

describe('analytics', () => {
  it('splits a sale into credits that sum exactly to its amount and units', () => {
    fc.assert(
      fc.property(fc.array(order, { minLength: 1, maxLength: 12 }), (orders) => {
        for (const s of worldOf(orders).sales) {
          expect(s.credits.reduce((a, c) => a + c.amount, 0)).toBe(s.amount);
          expect(s.credits.reduce((a, c) => a + c.units, 0)).toBe(s.units);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('sums the rows of any `by` to the period total, for the company, a team and a rep', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.constantFrom(...PERIODS), (orders, period) => {
        const { w } = worldOf(orders);
        const ledger = w.get(salesLedgerProjection);
        const c = { ledger, directory: w.get(directoryProjection), tierAt: (ms: number) => new Map([...classifyAt(w.get(customersProjection), ledger, ms).tiers].map(([id, t]) => [id, t.tier as string])), terms: w.get(saleTermsProjection) };
        const scopes: AnalyticsScope[] = [{ kind: 'all' }, { kind: 'team', teamId: 'T-2' }, { kind: 'rep', repId: 'R-1' }];
        for (const scope of scopes) {
          const total = totalOf(c, period, scope);
          const owner = scope.kind === 'all' ? 'company' : scope.kind === 'team' ? `team:${scope.teamId}` : `rep:${scope.repId}`;
          // the total is the ledger's own figure for the owner, so analytics agree with goals and payouts
          for (const m of ['revenue', 'units', 'orders'] as const) expect(total[m]).toBe(metricValue(ledger, owner, m, period));
          const b = periodBounds(period, ZONE);
          const inPeriod = entriesBetween(ledger, 'company').filter((e) => e.kind === 'sale' && e.ms >= b.start && e.ms < b.end && (scope.kind === 'all' || (scope.kind === 'rep' ? e.repId === scope.repId : e.teamId === scope.teamId)));
          const distinct = (key: (e: (typeof inPeriod)[number]) => string[]) => new Set(inPeriod.flatMap((e) => key(e).map((k) => `${e.position}|${k}`))).size;
          for (const by of ANALYTICS_BY) {
            const { rows } = analytics(c, period, by, scope);
            expect(sum(rows, 'revenue'), `${by} revenue`).toBe(total.revenue);
            expect(sum(rows, 'units'), `${by} units`).toBe(total.units);
            expect(sum(rows, 'discount'), `${by} discount`).toBe(total.discount);
            expect(sum(rows, 'premium'), `${by} premium`).toBe(total.premium);
            const expectedOrders =
              by === 'rep' ? inPeriod.length
              : by === 'team' ? distinct((e) => [e.teamId])
              : by === 'product' ? distinct((e) => orderOf(ledger, e.orderId)!.lines.map((l) => l.product))
              : total.orders;
            expect(sum(rows, 'orders'), `${by} orders`).toBe(expectedOrders);
            expect(rows.map((r) => r.key), `${by} sorted`).toEqual([...rows.map((r) => r.key)].sort());
          }
          // the figures a review's contributors read are the rows' own (measured part way, as a review in progress is)
          const figures = (rows: readonly { key: string; revenue: number; units: number; orders: number }[]) => new Map(rows.map((r) => [r.key, { revenue: r.revenue, units: r.units, orders: r.orders }]));
          const midway = (b.start + b.end) / 2;
          for (const by of ['rep', 'product'] as const) expect(figuresByKey(c, period, by, scope, midway), `${by} figures`).toEqual(figures(analytics(c, period, by, scope, midway).rows));
        }
      }),
      { numRuns: 60 },
    );
  });
});

describe('analytics by product', () => {
  it('is the order lines: units and amounts of the lines sold, refunds shared by line amount, and the reps\' rows add up to them', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 20 }), fc.constantFrom(...PERIODS), (orders, period) => {
        const { w, events } = worldOf(orders);
        const ledger = w.get(salesLedgerProjection);
        const c = { ledger, directory: w.get(directoryProjection), tierAt: () => new Map<string, string>(), terms: w.get(saleTermsProjection) };
        const b = periodBounds(period, ZONE);
        // expected from the events themselves, not from the ledger's entries
        const expected = new Map<string, { revenue: number; units: number; discount: number; premium: number }>();
        const bump = (product: string, revenue: number, units: number, discount = 0, premium = 0) => {
          const r = expected.get(product) ?? { revenue: 0, units: 0, discount: 0, premium: 0 };
          expected.set(product, { revenue: r.revenue + revenue, units: r.units + units, discount: r.discount + discount, premium: r.premium + premium });
        };
        // a line's discount and premium against its list price, written out again here
        const below = (l: SaleRecordedData['lines'][number]) => (l.listPrice === undefined ? 0 : Math.max(0, l.listPrice * l.units - l.amount));
        const above = (l: SaleRecordedData['lines'][number]) => (l.listPrice === undefined ? 0 : Math.max(0, l.amount - l.listPrice * l.units));
        const lines = new Map<string, SaleRecordedData['lines']>();
        for (const e of events) {
          const ms = Date.parse(e.occurredAt);
          if (e.type === 'SaleRecorded') lines.set((e.data as SaleRecordedData).orderId, (e.data as SaleRecordedData).lines);
          if ((e.type !== 'SaleRecorded' && e.type !== 'SaleRefunded') || ms < b.start || ms >= b.end) continue;
          if (e.type === 'SaleRecorded') for (const l of (e.data as SaleRecordedData).lines) bump(l.product, l.amount, l.units, below(l), above(l));
          else {
            const d = e.data as { orderId: string; amount: number };
            const ls = lines.get(d.orderId)!;
            const parts = ls.some((l) => l.amount > 0) ? largestRemainder(d.amount, ls.map((l) => l.amount)) : ls.map((_, i) => (i === 0 ? d.amount : 0));
            ls.forEach((l, i) => bump(l.product, -parts[i], 0));
          }
        }
        const company = analytics(c, period, 'product', { kind: 'all' }).rows;
        expect(company.map((r) => [r.key, r.revenue, r.units, r.discount, r.premium])).toEqual(
          [...expected].sort(([a], [b2]) => (a < b2 ? -1 : 1)).map(([k, v]) => [k, v.revenue, v.units, v.discount, v.premium]),
        );
        // every credit takes a part of each line: the reps' rows of a product add up to the company's
        const byReps = new Map<string, { revenue: number; units: number; discount: number; premium: number }>();
        for (const [repId] of REPS)
          for (const r of analytics(c, period, 'product', { kind: 'rep', repId }).rows) {
            expect(r.units, `${repId} ${r.key} units`).toBeGreaterThanOrEqual(0);
            expect(r.discount, `${repId} ${r.key} discount`).toBeGreaterThanOrEqual(0);
            const t = byReps.get(r.key) ?? { revenue: 0, units: 0, discount: 0, premium: 0 };
            byReps.set(r.key, { revenue: t.revenue + r.revenue, units: t.units + r.units, discount: t.discount + r.discount, premium: t.premium + r.premium });
          }
        for (const r of company) expect(byReps.get(r.key), r.key).toEqual({ revenue: r.revenue, units: r.units, discount: r.discount, premium: r.premium });
      }),
      { numRuns: 60 },
    );
  });
});

/**
 * Largest remainder worked in BigInt, with neither floats nor the decimal library: exact shares
 * total × w / Σw, each floored, the units left over one each to the largest remainders, ties to
 * the earlier part; all-zero weights put everything on the first part.
 */
const largestRemainderOracle = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0));
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((n) => n / sum);
  const order = exact.map((n, i) => ({ i, r: n % sum })).sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  let left = BigInt(total) - parts.reduce((a, b) => a + b, 0n);
  for (let k = 0; left > 0n; k++, left--) parts[order[k].i] += 1n;
  return parts.map(Number);
};

describe('allocate', () => {
  it('splits by largest remainder, ties to the earlier part: worked examples', () => {
    // 10 by 1:1:1 → 3.33 each, floors 3+3+3 = 9, the one left to the first of the tied remainders
    expect(allocate(10, [1, 1, 1])).toEqual([4, 3, 3]);
    // 100 by 1:2 → 33.33 and 66.67, floors 33+66 = 99, the one left to the larger remainder (.67)
    expect(allocate(100, [1, 2])).toEqual([33, 67]);
    // 7 by 0:5:2 → 0, 5, 2 exactly
    expect(allocate(7, [0, 5, 2])).toEqual([0, 5, 2]);
    // nothing to weigh by: all on the first part
    expect(allocate(9, [0, 0])).toEqual([9, 0]);
    // 10^10 by 3·10^6 each: products of 3·10^16 are past 2^53, so the decimal path; 3,333,333,333.33
    // each, floors sum to 9,999,999,999, the one left to the first
    expect(allocate(10_000_000_000, [3_000_000, 3_000_000, 3_000_000])).toEqual([3_333_333_334, 3_333_333_333, 3_333_333_333]);
  });

  const weights = (max: number) => fc.array(fc.integer({ min: 0, max }), { minLength: 1, maxLength: 5 });

  it('agrees with an exact oracle where its products stay within safe integers (its own integer path)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), weights(1_000_000), (total, ws) => {
        expect(total * Math.max(...ws)).toBeLessThanOrEqual(Number.MAX_SAFE_INTEGER);
        expect(allocate(total, ws)).toEqual(largestRemainderOracle(total, ws));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with an exact oracle where its products would not fit a double exactly (its decimal path)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2_000_000_000, max: 10_000_000_000 }), weights(5_000_000), fc.integer({ min: 4_600_000, max: 5_000_000 }), (total, ws, big) => {
        const all = [...ws, big];
        expect(total * big).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
        const parts = allocate(total, all);
        expect(parts).toEqual(largestRemainderOracle(total, all));
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
      { numRuns: 200 },
    );
  });
});
