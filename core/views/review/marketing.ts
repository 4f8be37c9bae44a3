// The marketing side of a review (SPEC §13): the campaigns running in the period with their
// return, and the period's revenue by channel and by promotion with what the discounts cost. The
// figures are those of GET /api/campaigns/:id and GET /api/analytics?by=channel|promotion, made by
// the same functions, so the review and those answers agree to the fen.
import { campaignList, campaignsProjection, type CampaignRecord } from '../../campaigns/readModels/campaigns';
import { entriesBetween, salesLedgerProjection, type SalesLedger } from '../../ledger/salesLedger';
import { epochDay, localDayStart } from '../../ledger/metricDays';
import { saleTermsProjection, termsOf, type SaleTerms } from '../../sales/readModels/saleTerms';
import { directoryProjection } from '../../teams/readModels/directory';
import { attribution, campaignAnswer } from '../campaigns';
import { analytics, type AnalyticsAnswer, type AnalyticsBy } from '../analytics';
import { shared, type ReviewContext } from './context';
import { defineSection } from './section';

/** A campaign's window as business time [start, end): its first local day to the end of its last. */
const windowOf = (c: CampaignRecord, zone: string) => ({ start: localDayStart(epochDay(c.from), zone), end: localDayStart(epochDay(c.to) + 1, zone) });

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
  for (const e of entriesBetween(ledger, 'company', start, end)) {
    const t = e.kind === 'sale' ? termsOf(terms, e.orderId) : undefined;
    if (t && windows.some((w) => t.ms >= w.start && t.ms < w.end)) inWindows.byOrder.set(e.orderId, t);
  }
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
    return { campaignId, title, channel, promotionId, from, to, budget, spend, revenue, newCustomers, roi };
  });
});

/** The review's sales by a sale term, as analytics answers it for the review's owner to `at`. */
const salesBy = (ctx: ReviewContext, by: AnalyticsBy): AnalyticsAnswer =>
  shared(ctx, `salesBy:${by}`, () =>
    analytics(
      { ledger: ctx.world.get(salesLedgerProjection), directory: ctx.world.get(directoryProjection), tierAt: () => new Map(), terms: ctx.world.get(saleTermsProjection) },
      ctx.period, by, ctx.team ? { kind: 'team', teamId: ctx.team.teamId } : { kind: 'all' }, ctx.atMs,
    ),
  );

const termRows = (a: AnalyticsAnswer) => a.rows.map(({ key, revenue, orders, newCustomers, discount, growth }) => ({ key, revenue, orders, newCustomers, discount, growth }));

/** Revenue by channel and by promotion, with the discount each gave below list price; `(none)`: sold without one. */
export const channelsSection = defineSection('channels', (ctx) => {
  const byChannel = salesBy(ctx, 'channel');
  return { revenue: byChannel.total.revenue, discount: byChannel.total.discount, channels: termRows(byChannel), promotions: termRows(salesBy(ctx, 'promotion')) };
});
