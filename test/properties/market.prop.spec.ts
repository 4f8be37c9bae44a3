// Capacity's output per rep and market share's revenue in scope are read straight from the ledger's
// columns; each must be the figure a plain fold over the ledger's entries gives, to the fen — for
// random sales (split, refunded, several lines), periods, regions, products and the ledger at any position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entriesBetween, entriesIn, salesLedgerProjection, type SalesLedger } from '../../core/ledger/salesLedger';
import { periodBounds } from '../../core/shared/period';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { productSplitter } from '../support/analyticsFold';
import { capacity, medianMinor, trailingPeriods } from '../../core/views/capacity';
import { revenueInScope } from '../../core/views/marketShare';
import { order, worldOf } from '../support/salesWorld';

const AT = Date.parse('2026-10-15T00:00:00+08:00');

/** The plain fold: each rep's net revenue in the team's entries of a period, for reps with a sale there. */
const foldOutputs = (ledger: SalesLedger, teamId: string, periodId: string): number[] => {
  const byRep = new Map<string, { revenue: number; sold: boolean }>();
  for (const e of entriesIn(ledger, `team:${teamId}`, periodId)) {
    const r = byRep.get(e.repId) ?? { revenue: 0, sold: false };
    byRep.set(e.repId, { revenue: r.revenue + e.amount, sold: r.sold || e.kind === 'sale' });
  }
  return [...byRep.values()].filter((r) => r.sold).map((r) => r.revenue);
};

describe('capacity and market share read from the columns', () => {
  it('give the output per rep a fold over the team’s entries gives', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('2026-08', '2026-09', '2026-Q4', '2026-W33'), fc.constantFrom('T-1', 'T-2', 'T-9'), (orders, cutAt, period, team) => {
        const { w, events } = worldOf(orders);
        const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), Math.round(cutAt * events.length));
        const got = capacity(w, ledger, w.get(directoryProjection), period, team, AT);
        const samples = trailingPeriods(period, AT, ledger.zone).flatMap((p) => foldOutputs(ledger, team, p));
        expect(got.perRep).toBe(medianMinor(samples));
        expect(got.basis.repPeriods).toBe(samples.length);
      }),
      { numRuns: 150 },
    );
  });

  it('give our revenue in a region and product a fold over the company’s entries gives', () => {
    fc.assert(
      fc.property(
        fc.array(order, { maxLength: 25 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom('2026-07', '2026-Q3', '2026-W27', '2026-06-30'),
        fc.option(fc.constantFrom('East', 'North', 'West'), { nil: undefined }), fc.option(fc.constantFrom('P-A', 'P-B', 'P-Z', '(none)'), { nil: undefined }),
        (orders, cutAt, period, region, product) => {
          const { w, events } = worldOf(orders);
          const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), Math.round(cutAt * events.length));
          const directory = w.get(directoryProjection);
          const b = periodBounds(period, ledger.zone);
          const split = productSplitter(ledger);
          let want = 0;
          for (const e of entriesBetween(ledger, 'company', b.start, b.end)) {
            if (region !== undefined && directory.customers.get(e.customerId)?.region !== region) continue;
            if (product === undefined) want += e.amount;
            else for (const part of split(e)) if (part.key === product) want += part.amount;
          }
          expect(revenueInScope(ledger, directory, { period, region, product })).toBe(want);
        },
      ),
      { numRuns: 200 },
    );
  });
});
