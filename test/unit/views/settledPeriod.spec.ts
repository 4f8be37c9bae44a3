// A whole period's groupings asked as of moments after its last row was folded are made once and
// given again (spanIndex.ts, groupPeriodAsOf): the same tables for every such cut, and new ones,
// with the new row, once a sale of the period is recorded late.
import { describe, expect, it } from 'vitest';
import { allProjections } from '../../../core/catalog';
import { World } from '../../../core/fold/world';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { saleTermsProjection } from '../../../core/sales/readModels/saleTerms';
import { periodBounds } from '../../../core/shared/period';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import type { AnalyticsContext } from '../../../core/views/analytics';
import { groupPeriodAsOf, type ByLedgerId } from '../../../core/views/spanIndex';
import { foldGroups } from '../../support/analyticsFold';
import { worldOf, ZONE, type Order } from '../../support/salesWorld';

const BYS: readonly ByLedgerId[] = ['rep', 'product', 'customer'];
const sale = (customer: string, when: string, amount: number, rep = 0): Order => ({
  customer, when, lines: [{ product: 'P-A', units: 1, amount }], channel: undefined, promotionId: undefined, reps: [rep], weights: [1, 1, 1], refund: undefined,
});

describe('a whole period asked as of moments after its rows', () => {
  it('is grouped once for every cut past them, and again when a sale of the period is recorded late', () => {
    const julyLate = sale('C-3', '2026-07-20T10:00:00+08:00', 7_000, 2);
    const { events } = worldOf([
      sale('C-1', '2026-07-03T10:00:00+08:00', 10_000),
      sale('C-2', '2026-07-15T10:00:00+08:00', 20_000, 1),
      // August, recorded after July's rows: cuts here do not touch July
      ...Array.from({ length: 6 }, (_, i) => sale('C-4', `2026-08-0${i + 1}T10:00:00+08:00`, 1_000 + i, 3)),
      julyLate,
      sale('C-4', '2026-08-09T10:00:00+08:00', 3_000, 3),
    ]);
    const w = new World(allProjections, { zone: ZONE, currency: 'CNY' });
    events.forEach((e) => w.apply(e));
    const at = (position: number): AnalyticsContext => ({
      ledger: salesLedgerProjection.at!(w.get(salesLedgerProjection), position),
      directory: w.get(directoryProjection),
      tierAt: () => new Map<string, string>(),
      terms: saleTermsProjection.at!(w.get(saleTermsProjection), position),
    });
    const july = periodBounds('2026-07', ZONE);
    const revenueByRep = (ctx: AnalyticsContext) => {
      const t = groupPeriodAsOf(ctx, BYS, { kind: 'all' }, '2026-07', 2)[0];
      return new Map([...t.toMap()].map(([k, r]) => [k, r.revenue]));
    };
    const folded = (ctx: AnalyticsContext) => new Map([...foldGroups(ctx, 'rep', { kind: 'all' }, july.start, july.end, july.end)].map(([k, r]) => [k, r.revenue]));

    const last = events.length;
    // every cut between July's second sale and the late one: one grouping, given again
    const cuts = [last - 7, last - 5, last - 2];
    const tables = cuts.map((p) => groupPeriodAsOf(at(p), BYS, { kind: 'all' }, '2026-07', 2));
    expect(tables[1]).toBe(tables[0]);
    expect(tables[2]).toBe(tables[0]);
    for (const p of cuts) expect(revenueByRep(at(p))).toEqual(folded(at(p)));
    expect(revenueByRep(at(last - 2))).toEqual(new Map([['R-1', 10_000], ['R-2', 20_000]]));

    // the late July sale is in the cut just after it (read past the kept sums), and at the head,
    // where it lies below the last boundary: no row past it, but other kept sums, grouped again
    expect(revenueByRep(at(last - 1))).toEqual(new Map([['R-1', 10_000], ['R-2', 20_000], ['R-3', 7_000]]));
    const head = groupPeriodAsOf(at(last), BYS, { kind: 'all' }, '2026-07', 2);
    expect(head).not.toBe(tables[0]);
    expect(revenueByRep(at(last))).toEqual(new Map([['R-1', 10_000], ['R-2', 20_000], ['R-3', 7_000]]));
    expect(revenueByRep(at(last))).toEqual(folded(at(last)));
    expect(groupPeriodAsOf(at(last), BYS, { kind: 'all' }, '2026-07', 2)).toBe(head);
    // and the earlier cuts still answer without it
    expect(revenueByRep(at(last - 2))).toEqual(new Map([['R-1', 10_000], ['R-2', 20_000]]));
  });
});
