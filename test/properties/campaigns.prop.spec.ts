// A campaign's answer reads its orders' credits straight from the ledger's rows; its revenue,
// orders and customers won must be those a plain fold over the customers' entries gives — for
// random sales (split, refunded, on channels and promotions), campaigns and the ledger at any position.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CampaignRecord } from '../../core/campaigns/readModels/campaigns';
import { entriesBetween, firstSaleOf, salesLedgerProjection, type SalesLedger } from '../../core/ledger/salesLedger';
import { ordersWithTerms, saleTermsProjection, termsOf, type SaleTerms } from '../../core/sales/readModels/saleTerms';
import { epochDay, localDayStart } from '../../core/ledger/metricDays';
import { attribution, campaignAnswer } from '../../core/views/campaigns';
import { order, worldOf } from '../support/salesWorld';

const campaign = fc.record({
  channel: fc.option(fc.constantFrom('direct', 'online'), { nil: undefined }),
  promotionId: fc.option(fc.constantFrom('PROMO-1', 'PROMO-2'), { nil: undefined }),
  from: fc.integer({ min: 0, max: 40 }),
  days: fc.integer({ min: 0, max: 30 }),
  spend: fc.integer({ min: 0, max: 90_000 }),
});

const dayOf = (n: number) => new Date(Date.UTC(2026, 5, 24 + n)).toISOString().slice(0, 10);

/** The plain fold: the campaign's orders, their customers' entries of those orders, the customers whose first sale they are. */
const fold = (c: CampaignRecord, credited: ReadonlyMap<string, string>, terms: SaleTerms, ledger: SalesLedger) => {
  const mine = [...credited].filter(([, id]) => id === c.campaignId).map(([orderId]) => orderId);
  const won = new Set<string>();
  const customers = new Set<string>();
  for (const orderId of mine) {
    const t = termsOf(terms, orderId)!;
    customers.add(t.customerId);
    if (firstSaleOf(ledger, t.customerId)?.position === t.position) won.add(t.customerId);
  }
  let revenue = 0;
  for (const customerId of customers) for (const e of entriesBetween(ledger, `customer:${customerId}`)) if (mine.includes(e.orderId)) revenue += e.amount;
  return { revenue, orders: mine.length, newCustomers: won.size };
};

/** The plain attribution: every campaign's claim on every order, the first promotion's claim, else the first channel's. */
const foldAttribution = (campaigns: readonly CampaignRecord[], terms: SaleTerms, ledger: SalesLedger): Map<string, string> => {
  const out = new Map<string, string>();
  const started = [...campaigns].sort((a, b) => a.position - b.position);
  for (const [orderId, t] of ordersWithTerms(terms)) {
    const first = firstSaleOf(ledger, t.customerId)?.position === t.position;
    const claims = started.map((c) => {
      if (t.ms < localDayStart(epochDay(c.from), ledger.zone) || t.ms >= localDayStart(epochDay(c.to) + 1, ledger.zone)) return undefined;
      if (c.promotionId !== undefined && t.promotionId === c.promotionId) return 'promotion';
      return c.channel !== undefined && t.channel === c.channel && first ? 'channel' : undefined;
    });
    const i = claims.indexOf('promotion') >= 0 ? claims.indexOf('promotion') : claims.indexOf('channel');
    if (i >= 0) out.set(orderId, started[i].campaignId);
  }
  return out;
};

describe('campaign answers read from the columns', () => {
  it('give the revenue, orders and customers won a fold over the entries gives', () => {
    fc.assert(
      fc.property(fc.array(order, { maxLength: 25 }), fc.array(campaign, { maxLength: 4 }), fc.double({ min: 0, max: 1, noNaN: true }), (orders, made, cutAt) => {
        const { w, events } = worldOf(orders);
        const position = Math.round(cutAt * events.length);
        const ledger = salesLedgerProjection.at!(w.get(salesLedgerProjection), position);
        const terms = saleTermsProjection.at!(w.get(saleTermsProjection), position);
        const campaigns: CampaignRecord[] = made.map((m, i) => ({
          campaignId: `CMP-${i}`, title: `c${i}`, from: dayOf(m.from), to: dayOf(m.from + m.days), goalIds: [], budget: 50_000, spend: m.spend, position: 1000 + ((i * 7) % 5),
          ...(m.channel ? { channel: m.channel } : {}), ...(m.promotionId ? { promotionId: m.promotionId } : {}),
        }) as CampaignRecord);
        const credited = attribution(campaigns, terms, ledger);
        expect(credited).toEqual(foldAttribution(campaigns, terms, ledger));
        for (const c of campaigns) {
          const got = campaignAnswer(c, credited, terms, ledger);
          expect({ revenue: got.revenue, orders: got.orders, newCustomers: got.newCustomers }, c.campaignId).toEqual(fold(c, credited, terms, ledger));
        }
      }),
      { numRuns: 200 },
    );
  });
});
