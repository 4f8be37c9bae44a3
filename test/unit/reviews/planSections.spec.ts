// The review's plan sections read less than the routes they match — sales by term in one pass over
// the period's credits, a campaign's attribution from the orders of its window — and must still
// answer what analytics and the campaign answer say, to the fen: a split sale's discount shared
// between teams, a refund, a sale without terms, two campaigns claiming one window.
import { describe, expect, it } from 'vitest';
import { campaignList, campaignsProjection } from '../../../core/campaigns/readModels/campaigns';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { saleTermsProjection } from '../../../core/sales/readModels/saleTerms';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { analytics } from '../../../core/views/analytics';
import { attribution, campaignAnswer } from '../../../core/views/campaigns';
import { reviewContext } from '../../../core/views/review/context';
import { campaignsSection, channelsSection } from '../../../core/views/review/marketing';
import { rep, team, worldOf, type Draft } from '../goals/world';

const customer = (customerId: string, ownerRepId: string): Draft => ({ type: 'CustomerRegistered', data: { customerId, name: customerId, ownerRepId } });
const sale = (orderId: string, customerId: string, credits: [string, string, number][], occurredAt: string, terms: object, lines: object[]): Draft => ({
  type: 'SaleRecorded',
  occurredAt,
  data: { orderId, customerId, lines, amount: credits.reduce((a, c) => a + c[2], 0), units: 3, credits: credits.map(([repId, teamId, amount]) => ({ repId, teamId, share: '1', amount, units: 1 })), ...terms },
});
const campaign = (campaignId: string, from: string, to: string, by: object): Draft => ({ type: 'CampaignStarted', data: { campaignId, title: campaignId, budget: 1_000_00, from, to, goalIds: [], ...by } });

const world = worldOf([
  team('T-A'), team('T-B'), rep('R-1', 'T-A'), rep('R-2', 'T-B'),
  customer('C-1', 'R-1'), customer('C-2', 'R-2'), customer('C-3', 'R-1'),
  campaign('CMP-CH', '2026-10-01', '2026-11-30', { channel: 'online' }),
  campaign('CMP-PR', '2026-11-01', '2026-11-11', { promotionId: 'D11' }),
  campaign('CMP-OLD', '2026-01-01', '2026-01-31', { channel: 'online' }),
  // a split sale with a discount on two lines (700 and 2 × 166 below list) under the promotion, online
  sale('O-1', 'C-1', [['R-1', 'T-A', 6_001], ['R-2', 'T-B', 3_999]], '2026-11-05T10:00:00+08:00', { channel: 'online', promotionId: 'D11' }, [
    { product: 'A', units: 1, amount: 5_000, listPrice: 5_700 }, { product: 'B', units: 2, amount: 5_000, listPrice: 2_666 },
  ]),
  // a new customer's first sale online, outside the promotion: the channel campaign's
  sale('O-2', 'C-2', [['R-2', 'T-B', 2_500]], '2026-11-20T10:00:00+08:00', { channel: 'online' }, [{ product: 'A', units: 1, amount: 2_500, listPrice: 3_000 }]),
  sale('O-3', 'C-3', [['R-1', 'T-A', 1_200]], '2026-11-21T10:00:00+08:00', {}, [{ product: 'A', units: 1, amount: 1_200 }]),
  { type: 'SaleRefunded', occurredAt: '2026-11-25T10:00:00+08:00', data: { orderId: 'O-1', customerId: 'C-1', amount: 1_000, reason: 'x', credits: [{ repId: 'R-1', teamId: 'T-A', amount: 600 }, { repId: 'R-2', teamId: 'T-B', amount: 400 }] } },
]);
const AT = '2026-12-02T10:00:00+08:00';

describe('the plan sections of a review', () => {
  it('sums sales by channel and promotion as analytics does, for the company and each team', () => {
    const ctx = { ledger: world.get(salesLedgerProjection), directory: world.get(directoryProjection), tierAt: () => new Map(), terms: world.get(saleTermsProjection) };
    for (const teamId of [undefined, 'T-A', 'T-B']) {
      const section = channelsSection.build(reviewContext(world, '2026-11', AT, teamId)) as { revenue: number; discount: number; byChannel: Record<string, unknown>[]; byPromotion: Record<string, unknown>[] };
      const scope = teamId ? { kind: 'team' as const, teamId } : { kind: 'all' as const };
      for (const [by, rows] of [['channel', section.byChannel], ['promotion', section.byPromotion]] as const) {
        const a = analytics(ctx, '2026-11', by, scope, Date.parse(AT));
        expect(rows, `${teamId} by ${by}`).toEqual(a.rows.map((r) => ({ [by]: r.key === '(none)' ? null : r.key, revenue: r.revenue, orders: r.orders, newCustomers: r.newCustomers, discount: r.discount })));
        expect([section.revenue, section.discount]).toEqual([a.total.revenue, a.total.discount]);
      }
    }
    // the split sale's 1,032 of discount falls 600/400-ish between the teams and sums back whole
    const part = (teamId: string) => (channelsSection.build(reviewContext(world, '2026-11', AT, teamId)) as { discount: number }).discount;
    expect(part('T-A') + part('T-B')).toBe(700 + 332 + 500);
    expect(part('T-A')).toBeGreaterThan(0);
  });

  it('shows the campaigns of the period with the figures attribution over every order gives', () => {
    const campaigns = campaignList(world.get(campaignsProjection));
    const terms = world.get(saleTermsProjection);
    const ledger = world.get(salesLedgerProjection);
    const credited = attribution(campaigns, terms, ledger);
    const rows = campaignsSection.build(reviewContext(world, '2026-11', AT)) as { campaignId: string; revenue: number; newCustomers: number }[];
    expect(rows.map((r) => r.campaignId)).toEqual(['CMP-CH', 'CMP-PR']);
    for (const r of rows) expect(campaignAnswer(campaigns.find((c) => c.campaignId === r.campaignId)!, credited, terms, ledger)).toMatchObject(r);
    // the promotion claims O-1 (net of its refund) before the channel; the channel wins C-2
    expect(rows.map((r) => [r.revenue, r.newCustomers])).toEqual([[2_500, 1], [9_000, 1]]);
    expect(campaignsSection.build(reviewContext(world, '2026-01', AT))).toEqual([expect.objectContaining({ campaignId: 'CMP-OLD', revenue: 0 })]);
  });
});
