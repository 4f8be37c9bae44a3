// A span's groupings read from its running sums (core/views/spanIndex.ts) equal the plain fold
// over the ledger's entries as of the cut (test/support/analyticsFold.ts): for random sales (split
// credits, several lines, refunds, sales recorded out of business order), sums kept every few rows,
// first asked when only part of the log was folded and asked again as it grew, at any position;
// and a period's as the sum of its months', and its customer grouping's totals.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allProjections } from '../../core/catalog';
import { World } from '../../core/fold/world';
import { groupAsOf, groupPeriodAsOf, periodTotalsAsOf, type ByLedgerId } from '../../core/views/spanIndex';
import type { KeyTable } from '../../core/views/rowGroups';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { saleTermsProjection } from '../../core/sales/readModels/saleTerms';
import { salesLedgerProjection } from '../../core/ledger/salesLedger';
import { periodBounds } from '../../core/shared/period';
import { valuesBy } from '../../core/ledger/metricDays';
import { reviewContext } from '../../core/views/review/context';
import { endedPeriodTotals } from '../../core/views/review/contributors';
import type { AnalyticsContext, AnalyticsScope } from '../../core/views/analytics';
import type { StoredEvent } from '../../core/shared/envelope';
import { foldGroups } from '../support/analyticsFold';
import { order, PERIODS, worldOf, ZONE } from '../support/salesWorld';

const BYS: readonly ByLedgerId[] = ['rep', 'product', 'customer', 'team'];
const SCOPES: AnalyticsScope[] = [{ kind: 'all' }, { kind: 'team', teamId: 'T-1' }, { kind: 'team', teamId: 'T-2' }, { kind: 'rep', repId: 'R-3' }];
const FROM = Date.parse('2026-06-25T00:00:00+08:00');
const DAY = 86_400_000;

// a period as the review asks it, or any span of business time
const span = fc.oneof(
  fc.constantFrom(...PERIODS).map((p) => periodBounds(p, ZONE)),
  fc.tuple(fc.integer({ min: 0, max: 45 * 1440 }), fc.integer({ min: 0, max: 45 * 1440 })).map(([a, b]) => ({ start: FROM + Math.min(a, b) * 60_000, end: FROM + Math.max(a, b) * 60_000 + DAY })),
);

/**
 * Fold the log into a live World in two steps, asking `check` of the view at the first step's
 * head (where the sums are first made) and then at each cut once the whole log is in.
 */
const askedAsItGrows = (events: readonly StoredEvent[], builtAt: number, cutsAt: readonly number[], check: (ctx: AnalyticsContext, position: number) => void) => {
  const w = new World(allProjections, { zone: ZONE, currency: 'CNY' });
  const asked = (position: number) => {
    const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), position);
    const terms = saleTermsProjection.at!(w.get(saleTermsProjection), position);
    check({ ledger, directory: w.get(directoryProjection), tierAt: () => new Map<string, string>(), terms }, position);
  };
  const first = Math.round(builtAt * events.length);
  events.slice(0, first).forEach((e) => w.apply(e));
  asked(first);
  events.slice(first).forEach((e) => w.apply(e));
  for (const c of cutsAt) asked(Math.round(c * events.length));
};

describe('a span grouped from its running sums', () => {
  it('equals the fold of the prefix for every cut, however far the log had been folded when first asked', () => {
    fc.assert(
      fc.property(
        fc.array(order, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        span, fc.constantFrom(...SCOPES), fc.constantFrom(...PERIODS),
        (orders, every, builtAt, cutsAt, { start, end }, scope, period) => {
          const { events } = worldOf(orders);
          askedAsItGrows(events, builtAt, cutsAt, (ctx, position) => {
            const same = (tables: KeyTable[], from: number, to: number, what: string) =>
              BYS.forEach((by, g) => {
                const want = new Map([...foldGroups(ctx, by, scope, from, to, to)].map(([k, r]) => [k, { revenue: r.revenue, units: r.units, orders: r.orders }]));
                const seen = new Map([...tables[g].toMap()].map(([k, r]) => [k, { revenue: r.revenue, units: r.units, orders: r.orders }]));
                expect(seen, `${what} by ${by} ${JSON.stringify(scope)} at ${position} of ${events.length}, every ${every}`).toEqual(want);
              });
            same(groupAsOf(ctx, BYS, scope, start, end, {}, every), start, end, 'span');
            // a period as the sum of its months' sums
            const b = periodBounds(period, ZONE);
            same(groupPeriodAsOf(ctx, BYS, scope, period, every), b.start, b.end, period);
            // and its customer grouping's totals, read without making the grouping
            const byCustomer = [...foldGroups(ctx, 'customer', scope, b.start, b.end, b.end).values()];
            expect(periodTotalsAsOf(ctx, BYS, scope, period, every), `totals of ${period} ${JSON.stringify(scope)} at ${position}, every ${every}`).toEqual({
              revenue: byCustomer.reduce((n, r) => n + r.revenue, 0),
              units: byCustomer.reduce((n, r) => n + r.units, 0),
              orders: byCustomer.reduce((n, r) => n + r.orders, 0),
              activeCustomers: byCustomer.filter((r) => r.orders > 0).length,
            });
          });
        },
      ),
      { numRuns: 80 },
    );
  });

  it('gives channels and promotions with their discounts and new customers as the fold of the prefix does', () => {
    fc.assert(
      fc.property(
        fc.array(order, { maxLength: 30 }), fc.integer({ min: 1, max: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 4 }),
        span, fc.constantFrom(...SCOPES),
        (orders, every, builtAt, cutsAt, { start, end }, scope) => {
          const { events } = worldOf(orders);
          askedAsItGrows(events, builtAt, cutsAt, (ctx, position) => {
            const tables = groupAsOf(ctx, ['channel', 'promotion'], scope, start, end, { discounts: true, newCustomers: true }, every);
            (['channel', 'promotion'] as const).forEach((by, g) => {
              const want = new Map([...foldGroups(ctx, by, scope, start, end, end)].map(([k, r]) => [k, { revenue: r.revenue, units: r.units, orders: r.orders, discount: r.discount, premium: r.premium, newCustomers: r.newCustomers.size }]));
              const seen = new Map([...tables[g].toMap()].map(([k, r]) => [k, { revenue: r.revenue, units: r.units, orders: r.orders, discount: r.discount, premium: r.premium, newCustomers: r.newCustomers }]));
              expect(seen, `${by} ${JSON.stringify(scope)} at ${position} of ${events.length}, every ${every}`).toEqual(want);
            });
          });
        },
      ),
      { numRuns: 80 },
    );
  });

  it("gives an ended period's revenue, units, orders and active customers as valuesBy counts them", () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 30 }), fc.constantFrom(...PERIODS), fc.constantFrom(undefined, 'T-1', 'T-2'), (orders, period, teamId) => {
        const { w } = worldOf(orders);
        const ctx = reviewContext(w, period, '2026-12-01T00:00:00Z', teamId);
        const { newCustomers: _, ...want } = valuesBy(w.get(salesLedgerProjection), ctx.owner, period, ctx.atMs);
        expect(endedPeriodTotals(ctx, period, ctx.atMs)).toEqual(want);
        // while the period runs its rows are read: no totals from the sums
        expect(endedPeriodTotals(ctx, period, ctx.bounds.end - 2)).toBeUndefined();
      }),
      { numRuns: 60 },
    );
  });
});
