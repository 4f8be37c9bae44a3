// A campaign's return (SPEC §13): what it spent (expenses recorded against it) against the revenue
// credited to it — the sales made under its promotion, and the first sales of customers won
// through its channel, within its window — and the customers it won. docs/FIGURES.md#campaign-return
// says it in words; the attribution is shared with analytics by=campaign, so the two agree.
import { Dec } from '../shared/money';
import { eachRowBetween, firstSaleOf, firstSalePosition, type SalesLedger } from '../ledger/salesLedger';
import { epochDay, localDayStart } from '../ledger/metricDays';
import { ordersWithTerms, termsOf, type SaleTerms } from '../sales/readModels/saleTerms';
import type { CampaignRecord } from '../campaigns/readModels/campaigns';

/** Places of an ROI, as every ratio Tally shows. */
export const ROI_PLACES = 4;

export interface CampaignAnswer {
  readonly campaignId: string;
  readonly title: string;
  readonly channel: string | null;
  readonly promotionId: string | null;
  readonly from: string;
  readonly to: string;
  readonly goalIds: readonly string[];
  readonly budget: number;
  /** expenses recorded against it, minor units */
  readonly spend: number;
  /** budget − spend (negative: overspent) */
  readonly remaining: number;
  /** net of refunds of the orders credited to it, minor units */
  readonly revenue: number;
  /** orders credited to it */
  readonly orders: number;
  /** customers whose first-ever sale is credited to it */
  readonly newCustomers: number;
  /** (revenue − spend) ÷ spend as a decimal string; null while nothing is spent */
  readonly roi: string | null;
}

/** A campaign's window as business time [start, end): its first local day to the end of its last. */
export const windowOf = (c: CampaignRecord, zone: string) => ({ start: localDayStart(epochDay(c.from), zone), end: localDayStart(epochDay(c.to) + 1, zone) });

/**
 * The campaign each order is credited to (order id → campaign id). A sale is credited to at most
 * one campaign, so campaigns' revenues never count a sale twice: a promotion's claim before a
 * channel's, and between equal claims the campaign started first. A campaign claims a sale in its
 * window made under its promotion, or through its channel when the sale is its customer's first.
 * The windows are worked out once, and a customer's first sale looked up only for a channel's claim:
 * a year holds a hundred thousand orders with terms.
 */
export const attribution = (campaigns: readonly CampaignRecord[], terms: SaleTerms, ledger: SalesLedger): Map<string, string> => {
  const out = new Map<string, string>();
  if (campaigns.length === 0) return out;
  const started = [...campaigns].sort((a, b) => a.position - b.position).map((c) => ({ c, ...windowOf(c, ledger.zone) }));
  for (const [orderId, t] of ordersWithTerms(terms)) {
    if (t.channel === undefined && t.promotionId === undefined) continue;
    let promotion = -1;
    let channel = -1;
    let first: boolean | undefined;
    for (let i = 0; i < started.length && promotion < 0; i++) {
      const { c, start, end } = started[i];
      if (t.ms < start || t.ms >= end) continue;
      if (c.promotionId !== undefined && t.promotionId === c.promotionId) promotion = i;
      else if (channel < 0 && c.channel !== undefined && t.channel === c.channel && (first ??= firstSaleOf(ledger, t.customerId)?.position === t.position)) channel = i;
    }
    const i = promotion >= 0 ? promotion : channel;
    if (i >= 0) out.set(orderId, started[i].c.campaignId);
  }
  return out;
};

export const campaignAnswer = (c: CampaignRecord, credited: ReadonlyMap<string, string>, terms: SaleTerms, ledger: SalesLedger): CampaignAnswer => {
  const d = ledger.data;
  // the campaign's orders by customer, as the ledger's interned order ids; a customer won is one whose first sale is the order's
  const byCustomer = new Map<string, Set<number>>();
  const won = new Set<string>();
  let orders = 0;
  for (const [orderId, id] of credited) {
    if (id !== c.campaignId) continue;
    orders++;
    const t = termsOf(terms, orderId)!;
    byCustomer.set(t.customerId, (byCustomer.get(t.customerId) ?? new Set()).add(d.orderIds.find(orderId)));
    if (firstSalePosition(ledger, d.customerIds.find(t.customerId)) === t.position) won.add(t.customerId);
  }
  // each credit of the order's sale and its refunds, read from the customer's rows in the ledger (no record per credit)
  let revenue = 0;
  for (const [customerId, mine] of byCustomer) {
    eachRowBetween(ledger, `customer:${customerId}`, -Infinity, Infinity, (row) => {
      if (mine.has(d.order.get(row))) revenue += d.amount.get(row);
    });
  }
  return {
    campaignId: c.campaignId, title: c.title, channel: c.channel ?? null, promotionId: c.promotionId ?? null, from: c.from, to: c.to, goalIds: c.goalIds,
    budget: c.budget, spend: c.spend, remaining: c.budget - c.spend, revenue, orders, newCustomers: won.size,
    roi: c.spend === 0 ? null : new Dec(revenue - c.spend).dividedBy(c.spend).toDecimalPlaces(ROI_PLACES).toFixed(),
  };
};
