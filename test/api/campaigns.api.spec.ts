// Campaigns (SPEC §13): StartCampaign, expenses recorded against a campaign, and GET
// /api/campaigns[/:id] — spend against the revenue credited to the campaign (sales under its
// promotion, first sales through its channel, within its window), new customers and ROI, as of asOf.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { accepted } from './customersSupport';

interface Campaign { campaignId: string; budget: number; spend: number; remaining: number; revenue: number; orders: number; newCustomers: number; roi: string | null; asOf?: string }

describe('campaigns API', () => {
  let t: TestTally;
  let admin: string;
  let manager: string;
  const ok = (type: string, data: unknown, as?: string) => accepted(t, () => admin)(type, data, as);
  const campaign = async (id: string, query = ''): Promise<Campaign> => {
    const r = await t.get(`/api/campaigns/${id}${query}`, admin);
    if (r.status !== 200) throw new Error(`${id}: ${r.status} ${await r.text()}`);
    return r.json();
  };
  const sale = (orderId: string, customerId: string, amount: number, occurredAt: string, terms: { channel?: string; promotionId?: string }) =>
    ok('RecordSale', { orderId, customerId, repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount }], occurredAt, ...terms });

  beforeAll(async () => {
    t = await testTally({ now: '2026-12-02T10:00:00+08:00' });
    admin = await seedCompany(t);
    manager = await t.token('manager', 'M-1', 'T-1');
    for (const c of ['C-2', 'C-3', 'C-4']) await ok('RegisterCustomer', { customerId: c, name: c, ownerRepId: 'R-1' });
    await sale('O-0', 'C-1', 100_00, '2026-09-01T10:00:00+08:00', { channel: 'direct' });
    await ok('StartCampaign', { campaignId: 'CMP-1', title: 'Double 11', budget: 1000_00, channel: 'online', promotionId: 'D11', from: '2026-10-25', to: '2026-11-11' }, manager);
    await ok('DraftSalesPlan', { salesPlanId: 'SP-1', title: 'East Q4', period: '2026-Q4', owner: 'team:T-1', strategy: 'online push' }, manager);
    await ok('RecordExpense', { salesPlanId: 'SP-1', expenseId: 'EX-1', category: 'marketing', amount: 400_00, occurredAt: '2026-10-26T10:00:00+08:00', campaignId: 'CMP-1' }, manager);
    await ok('RecordExpense', { salesPlanId: 'SP-1', expenseId: 'EX-2', category: 'marketing', amount: 50_00, occurredAt: '2026-10-27T10:00:00+08:00' }, manager);
    // credited: O-1 (its promotion, an old customer) and O-2 (C-2's first sale, online, in the window)
    await sale('O-1', 'C-1', 300_00, '2026-11-01T10:00:00+08:00', { channel: 'direct', promotionId: 'D11' });
    await sale('O-2', 'C-2', 500_00, '2026-11-05T10:00:00+08:00', { channel: 'online' });
    // not credited: C-2's second sale, a first sale after the window, a promotion sale before it (at 23:59 local, still 24 October)
    await sale('O-3', 'C-2', 200_00, '2026-11-06T10:00:00+08:00', { channel: 'online' });
    await sale('O-4', 'C-3', 700_00, '2026-11-12T00:00:00+08:00', { channel: 'online' });
    await sale('O-5', 'C-4', 100_00, '2026-10-24T23:59:00+08:00', { promotionId: 'D11' });
    // a later campaign on the same promotion: the sales are already the first one's
    await ok('StartCampaign', { campaignId: 'CMP-2', title: 'Double 11 again', budget: 10_00, promotionId: 'D11', from: '2026-11-01', to: '2026-11-30' });
    t.setNow('2026-12-02T10:05:00+08:00'); // the refund is recorded five minutes later, so asOf can leave it out
    await ok('RefundSale', { orderId: 'O-2', amount: 100_00, occurredAt: '2026-11-20T10:00:00+08:00', reason: 'returned' });
  });

  it('credits the sales under its promotion and the first sales through its channel in its window, net of refunds', async () => {
    // revenue 300.00 + 500.00 − 100.00 = 700.00; spend 400.00 (EX-2 names no campaign); ROI (700 − 400) / 400 = 0.75
    expect(await campaign('CMP-1')).toMatchObject({ campaignId: 'CMP-1', budget: 1000_00, spend: 400_00, remaining: 600_00, revenue: 700_00, orders: 2, newCustomers: 1, roi: '0.75' });
    expect(await campaign('CMP-2')).toMatchObject({ revenue: 0, orders: 0, spend: 0, roi: null });
    const list = await (await t.get('/api/campaigns', await t.token('rep', 'R-3'))).json();
    expect(list.campaigns.map((c: Campaign) => [c.campaignId, c.revenue])).toEqual([['CMP-1', 700_00], ['CMP-2', 0]]);
  });

  it('answers as of an earlier recorded moment: before the refund was known', async () => {
    expect(await campaign('CMP-1', `?asOf=${encodeURIComponent('2026-12-02T10:02:00+08:00')}`)).toMatchObject({ revenue: 800_00, roi: '1' });
  });

  it('agrees with analytics by=campaign, whose rows sum to the month', async () => {
    const r = await (await t.get('/api/analytics?period=2026-11&by=campaign', admin)).json();
    expect(r.rows.map((x: { key: string; revenue: number }) => [x.key, x.revenue])).toEqual([['(none)', 900_00], ['CMP-1', 700_00]]);
    expect(r.total.revenue).toBe(1600_00);
  });

  it('refuses bad campaigns and expenses naming the field, and keeps reps and embeds out', async () => {
    const base = { campaignId: 'CMP-X', title: 'X', budget: 1, channel: 'online', from: '2026-11-01', to: '2026-11-30' };
    const cases: [unknown, number, string][] = [
      [{ ...base, to: '2026-10-31' }, 422, 'data.to'],
      [{ ...base, budget: -1 }, 400, 'data.budget'],
      [{ ...base, from: '2026-13-01' }, 400, 'data.from'],
      [{ ...base, channel: undefined }, 400, 'data.channel'],
      [{ ...base, campaignId: 'CMP-1' }, 409, ''],
    ];
    for (const [data, status, path] of cases) {
      const r = await t.post('StartCampaign', data, admin);
      const body = await r.json();
      expect([r.status, body.errors?.[0]?.path ?? ''], JSON.stringify(data)).toEqual([status, path]);
    }
    const unknown = await t.post('RecordExpense', { salesPlanId: 'SP-1', expenseId: 'EX-9', category: 'marketing', amount: 1, occurredAt: '2026-10-26T10:00:00+08:00', campaignId: 'CMP-NONE' }, manager);
    const body = await unknown.json();
    expect([unknown.status, body.code, body.errors[0].path]).toEqual([422, 'campaign-not-started', 'data.campaignId']);
    const zh = await t.post('StartCampaign', { ...base, to: '2026-10-01' }, admin, { 'accept-language': 'zh-CN' });
    expect((await zh.json()).detail).toBe('营销活动的结束日期（2026-10-01）早于开始日期（2026-11-01）');
    expect((await t.post('StartCampaign', base, await t.token('rep', 'R-1'))).status).toBe(403);
    expect((await t.get('/api/campaigns', await t.token('viewer'))).status).toBe(403);
    expect((await t.get('/api/campaigns/CMP-NONE', admin)).status).toBe(404);
  });
});
