// The review reads every metric of an owner at a moment in one pass (valuesBy); each must be the
// figure valueBy gives that metric alone, the one goals count — for random sales, owners, periods,
// moments (before, inside, on a day's edge and after the period) and the ledger at any position.
// And an owner's earliest sale credit, kept as the fold meets it, is the one a scan finds.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueBy, valuesBy } from '../../core/ledger/metricDays';
import { entriesBetween, firstSaleCredit, firstSaleCredits, firstSales, METRICS, repValuesBetween, salesLedgerProjection, totals } from '../../core/ledger/salesLedger';
import { periodBounds } from '../../core/shared/period';
import { order, PERIODS, REPS, worldOf } from '../support/salesWorld';

const FROM = Date.parse('2026-06-24T00:00:00+08:00');
const moment = fc.oneof(fc.integer({ min: 0, max: 45 * 1440 }).map((m) => FROM + m * 60_000), fc.integer({ min: 0, max: 45 }).map((d) => FROM + d * 86_400_000 - 1), fc.constant(Infinity));

describe('valuesBy', () => {
  it('gives each metric as valueBy does', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...PERIODS, '2026-08'), moment, fc.constantFrom('company', 'team:T-1', 'team:T-2', 'rep:R-2', 'customer:C-1', 'product:P-A'), (orders, cutAt, period, atMs, owner) => {
        const { w, events } = worldOf(orders);
        const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), Math.round(cutAt * events.length));
        const all = valuesBy(ledger, owner, period, atMs);
        for (const m of METRICS) expect(all[m], `${owner} ${m}`).toBe(valueBy(ledger, owner, m, period, atMs));
        // new customers as the customers' first sales list them: in the period, by `at`, credited to the owner
        const b = periodBounds(period, ledger.zone);
        const firsts = [...firstSales(ledger)].filter(([id, f]) => f.ms >= b.start && f.ms < b.end && f.ms <= atMs && firstSaleCredits(owner, f, id));
        expect(all.newCustomers, `${owner} newCustomers`).toBe(firsts.length);
      }),
      { numRuns: 200 },
    );
  });

  it('finds an owner\'s earliest sale credit as a scan of its entries does, at any position', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), (orders, cutAt) => {
        const { w, events } = worldOf(orders);
        const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), Math.round(cutAt * events.length));
        for (const owner of ['company', 'team:T-1', 'team:T-2', 'rep:R-1', 'rep:R-3', 'rep:R-9', 'customer:C-2']) {
          const sales = entriesBetween(ledger, owner).filter((e) => e.kind === 'sale').sort((a, b) => a.ms - b.ms || a.position - b.position);
          expect(firstSaleCredit(ledger, owner), owner).toEqual(sales[0] && { ms: sales[0].ms, position: sales[0].position });
        }
      }),
      { numRuns: 150 },
    );
  });

  it("gives every rep's revenue of a month in one pass as each rep's own month totals it, at any position (the most-improved badge reads it so)", () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('2026-06', '2026-07', '2026-08'), (orders, cutAt, month) => {
        const { w, events } = worldOf(orders);
        const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), Math.round(cutAt * events.length));
        const b = periodBounds(month, ledger.zone);
        const all = repValuesBetween(ledger, 'revenue', b.start, b.end);
        for (const [repId] of [...REPS, ['R-9']]) expect(all.get(repId) ?? 0, `${repId} ${month}`).toBe(totals(ledger, `rep:${repId}`, month).revenue);
      }),
      { numRuns: 150 },
    );
  });
});
