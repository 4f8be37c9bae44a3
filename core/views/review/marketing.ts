// The marketing side of a review (SPEC §13): the campaigns running in the period with their
// return, and the period's revenue by channel and by promotion with what the discounts cost. The
// figures are those of GET /api/campaigns/:id and GET /api/analytics?by=channel|promotion, made by
// the same functions, so the review and those answers agree to the fen.
import { campaignList, campaignsProjection, type CampaignRecord } from '../../campaigns/readModels/campaigns';
import { eachRowBetween, isSaleRow, salesLedgerProjection, type SalesLedger } from '../../ledger/salesLedger';
import { saleTermsProjection, termsOf, type SaleTerms } from '../../sales/readModels/saleTerms';
import { attribution, campaignAnswer, windowOf } from '../campaigns';
import { groupGathered, type KeySums } from '../rowGroups';
import { groupAsOf } from '../spanIndex';
import { analyticsContext, periodRows, scopeOf, wholePeriod } from './contributors';
import { defineSection } from './section';

/**
 * The attribution of the orders sold within the windows of `mine`, made against every campaign
 * (another may claim a sale first). A campaign only claims sales in its window, so this holds every
 * order credited to `mine` — read from the ledger's rows of those windows, not from every order.
 */
const attributionWithin = (all: readonly CampaignRecord[], mine: readonly CampaignRecord[], terms: SaleTerms, ledger: SalesLedger): Map<string, string> => {
  if (mine.length === 0) return new Map();
  const windows = mine.map((c) => windowOf(c, ledger.zone));
  const start = Math.min(...windows.map((w) => w.start));
  const end = Math.max(...windows.map((w) => w.end));
  const inWindows: SaleTerms = { byOrder: new Map(), cut: terms.cut };
  // a sale's order once, at its first row: the order id is decoded per sale, not per credit
  const d = ledger.data;
  eachRowBetween(ledger, 'company', start, end, (row, first) => {
    if (!first || !isSaleRow(ledger, row)) return;
    const orderId = d.orderIds.name(d.order.get(row));
    const t = termsOf(terms, orderId);
    if (t && windows.some((w) => t.ms >= w.start && t.ms < w.end)) inWindows.byOrder.set(orderId, t);
  });
  return attribution(all, inWindows, ledger);
};

/** Campaigns whose window overlaps the period and that had started by `at`, oldest first, each as GET /api/campaigns/:id answers. */
export const campaignsSection = defineSection('campaigns', (ctx) => {
  const all = campaignList(ctx.world.get(campaignsProjection));
  const mine = all.filter((c) => {
    const w = windowOf(c, ctx.zone);
    return w.start < ctx.bounds.end && w.end > ctx.bounds.start && w.start <= ctx.atMs;
  });
  const ledger = ctx.world.get(salesLedgerProjection);
  const terms = ctx.world.get(saleTermsProjection);
  const credited = attributionWithin(all, mine, terms, ledger);
  return mine.map((c) => {
    const { campaignId, title, channel, promotionId, from, to, budget, spend, revenue, newCustomers, roi } = campaignAnswer(c, credited, terms, ledger);
    // the return first: a table showing a row's first fields shows these
    return { campaignId, title, budget, spend, revenue, newCustomers, roi, channel, promotionId, from, to };
  });
});

/** Analytics' key of the sales made without the term: the review says null. */
const NONE = '(none)';

/**
 * Each row named by its term (`channel: "online"`; null: sold without one), by key as analytics
 * sorts them, with what GET /api/analytics?by=channel|promotion answers but the growth (which
 * would read the previous period too).
 */
const termRows = (rows: Map<string, KeySums>, term: 'channel' | 'promotion') =>
  [...rows].sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, r]) => ({ [term]: key === NONE ? null : key, revenue: r.revenue, orders: r.orders, newCustomers: r.newCustomers, discount: r.discount }));

/** Revenue by channel and by promotion to `at`, with the discount each gave below list price: one pass over the period's ledger rows for both. */
export const channelsSection = defineSection('channels', (ctx) => {
  // an ended period from its running sums (spanIndex.ts), else the rows the KPIs group by rep, product and customer
  const [byChannel, byPromotion] = (
    wholePeriod(ctx, ctx.period, ctx.atMs)
      ? groupAsOf(analyticsContext(ctx), ['channel', 'promotion'], scopeOf(ctx), ctx.bounds.start, ctx.bounds.end, { discounts: true, newCustomers: true })
      : groupGathered(analyticsContext(ctx), ['channel', 'promotion'], periodRows(ctx, ctx.period, ctx.atMs), { customers: true, discounts: true })
  ).map((t) => t.toMap());
  const channels = termRows(byChannel, 'channel');
  return { revenue: channels.reduce((a, r) => a + r.revenue, 0), discount: channels.reduce((a, r) => a + r.discount, 0), byChannel: channels, byPromotion: termRows(byPromotion, 'promotion') };
});
