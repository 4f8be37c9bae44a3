// Analytics read from the ledger's rows (core/views/rowGroups.ts) equal the plain fold over its
// entries it replaced (test/support/analyticsFold.ts), customers counted as the sizes of its sets:
// for random sales (split credits, several lines, list prices, channels, promotions, refunds,
// sales recorded out of business order), every key, scope and span, and the ledger as it stood at
// any position of the log.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ANALYTICS_BY, type AnalyticsScope } from '../../core/views/analytics';
import { groupRows, groupRowsBy, type GroupBy } from '../../core/views/rowGroups';
import { classifyAt, customersProjection } from '../../core/customers/readModels/customers';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { saleTermsProjection } from '../../core/sales/readModels/saleTerms';
import { salesLedgerProjection } from '../../core/ledger/salesLedger';
import { foldGroups } from '../support/analyticsFold';
import { order, worldOf } from '../support/salesWorld';

const BYS: readonly GroupBy[] = [...ANALYTICS_BY, 'total', 'customer'];
const SCOPES: AnalyticsScope[] = [{ kind: 'all' }, { kind: 'team', teamId: 'T-1' }, { kind: 'team', teamId: 'T-2' }, { kind: 'rep', repId: 'R-3' }];
const FROM = Date.parse('2026-06-25T00:00:00+08:00');
const DAY = 86_400_000;

// a span of business time: days from the generator's first day, or open at either end
const edge = fc.oneof(fc.integer({ min: 0, max: 45 }).map((d) => FROM + d * DAY), fc.integer({ min: 0, max: 45 * 1440 }).map((m) => FROM + m * 60_000));
const span = fc.tuple(fc.option(edge, { nil: -Infinity }), fc.option(edge, { nil: Infinity })).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as [number, number]);

describe('analytics grouped from the ledger rows', () => {
  it('equals the fold over the entries for every key, scope and span, at any position', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), span, (orders, cutAt, [start, end]) => {
        const { w, events } = worldOf(orders);
        const position = Math.round(cutAt * events.length);
        const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), position);
        const terms = saleTermsProjection.at!(w.get(saleTermsProjection), position);
        const tierAt = (ms: number) => new Map([...classifyAt(w.get(customersProjection), ledger, ms).tiers].map(([id, t]) => [id, t.tier as string]));
        const ctx = { ledger, directory: w.get(directoryProjection), tierAt, terms };
        for (const scope of SCOPES)
          for (const by of BYS) {
            const fast = groupRows(ctx, by, scope, start, end, { customers: true, discounts: true, tiersAt: end });
            const slow = foldGroups(ctx, by, scope, start, end, end);
            const want = new Map([...slow].map(([k, r]) => [k, { ...r, customers: r.customers.size, newCustomers: r.newCustomers.size }]));
            expect([...fast.keys()].sort(), `${by} keys`).toEqual([...want.keys()].sort());
            for (const [k, r] of want) {
              const { revenue, units, orders: n, discount, premium, customers, newCustomers } = fast.get(k)!;
              expect({ revenue, units, orders: n, discount, premium, customers, newCustomers }, `${by} ${JSON.stringify(scope)} ${k}`).toEqual(r);
            }
          }
      }),
      { numRuns: 60 },
    );
  });

  it('equals the fold for several keys grouped from one gathering of the rows, without customers or discounts (as a review groups)', () => {
    const bys: GroupBy[] = ['rep', 'product', 'customer', 'team', 'channel'];
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), span, fc.constantFrom(...SCOPES), (orders, cutAt, [start, end], scope) => {
        const { w, events } = worldOf(orders);
        const position = Math.round(cutAt * events.length);
        const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), position);
        const terms = saleTermsProjection.at!(w.get(saleTermsProjection), position);
        const ctx = { ledger, directory: w.get(directoryProjection), tierAt: () => new Map<string, string>(), terms };
        const grouped = groupRowsBy(ctx, bys, scope, start, end);
        bys.forEach((by, i) => {
          const want = new Map([...foldGroups(ctx, by, scope, start, end, end)].map(([k, r]) => [k, { revenue: r.revenue, units: r.units, orders: r.orders }]));
          const seen = new Map([...grouped[i]].map(([k, r]) => [k, { revenue: r.revenue, units: r.units, orders: r.orders }]));
          expect(seen, `${by} ${JSON.stringify(scope)}`).toEqual(want);
        });
      }),
      { numRuns: 60 },
    );
  });
});
