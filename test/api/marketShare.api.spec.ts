// Market share over HTTP: an insight's market size (period, region?, product?) against our revenue
// in that scope from the sales ledger, as an exact decimal; asOf gives the share as known then;
// bad market sizes are 400 naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import { created, seedCompany, testTally, type TestTally } from '../support/app';


type Shown = { insightId: string; marketSize?: unknown; ourRevenue?: number; share?: string };

describe('market size and share on GET /api/insights', () => {
  let t: TestTally;
  let admin: string;
  let beforeRefund = '';
  const insight = (insightId: string, marketSize: unknown) =>
    ({ insightId, kind: 'market', subject: `market ${insightId}`, summary: 'from the industry report', marketSize, occurredAt: '2026-07-01T10:00:00+08:00' });
  const shown = async (query = '') => {
    const body = await (await t.get(`/api/insights${query}`, admin)).json();
    return new Map((body.insights as Shown[]).map((i) => [i.insightId, i]));
  };

  beforeAll(async () => {
    t = await testTally({ now: '2026-09-10T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    await created(await t.post('RegisterCustomer', { customerId: 'C-2', name: 'Beta', ownerRepId: 'R-3', region: 'North' }, admin));
    // July: C-1 (East) buys 100,000 of CRM and 50,000 of SUPPORT; C-2 (North) 30,000 of CRM
    await created(await t.post('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 100_000 }, { product: 'SUPPORT', units: 1, amount: 50_000 }], occurredAt: '2026-07-06T10:00:00+08:00' }, admin));
    await created(await t.post('RecordSale', { orderId: 'O-2', customerId: 'C-2', repId: 'R-3', lines: [{ product: 'CRM', units: 1, amount: 30_000 }], occurredAt: '2026-07-09T10:00:00+08:00' }, admin));
    // August is outside the July market
    await created(await t.post('RecordSale', { orderId: 'O-3', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 999_000 }], occurredAt: '2026-08-02T10:00:00+08:00' }, admin));
    await created(await t.post('RecordMarketInsight', insight('MS-ALL', { amount: 3_600_000, period: '2026-07' }), admin));
    await created(await t.post('RecordMarketInsight', insight('MS-EAST', { amount: 1_200_000, period: '2026-07', region: 'East' }), admin));
    await created(await t.post('RecordMarketInsight', insight('MS-CRM', { amount: 390_000, period: '2026-07', product: 'CRM' }), admin));
    const last = await created(await t.post('RecordMarketInsight', insight('MS-EAST-CRM', { amount: 300_000, period: '2026-07', region: 'East', product: 'CRM' }), admin));
    beforeRefund = last.events[0].recordedAt;
    t.setNow('2026-09-10T11:00:00+08:00');
    await created(await t.post('RecordMarketInsight', { insightId: 'I-PLAIN', kind: 'trend', subject: 'no size', summary: 'words only', occurredAt: '2026-07-02T10:00:00+08:00' }, admin));
    // a July refund of 15,000 on O-1 lowers July: shared over its lines by amount, 10,000 CRM and 5,000 SUPPORT
    await created(await t.post('RefundSale', { orderId: 'O-1', amount: 15_000, reason: 'returned seats', occurredAt: '2026-07-20T10:00:00+08:00' }, admin));
  });

  it('divides our revenue in the period, region and product by the market size, net of refunds', async () => {
    const s = await shown();
    expect(s.get('MS-ALL')).toMatchObject({ marketSize: { amount: 3_600_000, period: '2026-07' }, ourRevenue: 165_000, share: '0.045833' });
    expect(s.get('MS-EAST')).toMatchObject({ ourRevenue: 135_000, share: '0.1125' });
    expect(s.get('MS-CRM')).toMatchObject({ ourRevenue: 120_000, share: '0.307692' });
    expect(s.get('MS-EAST-CRM')).toMatchObject({ ourRevenue: 90_000, share: '0.3' });
    expect(s.get('I-PLAIN')).toMatchObject({ ourRevenue: null, share: null });
  });

  it('answers the share as it was known at asOf', async () => {
    const s = await shown(`?asOf=${encodeURIComponent(beforeRefund)}`);
    expect(s.get('MS-ALL')).toMatchObject({ ourRevenue: 180_000, share: '0.05' });
    expect(s.get('MS-EAST-CRM')).toMatchObject({ ourRevenue: 100_000, share: '0.333333' });
    expect(s.has('I-PLAIN')).toBe(false);
  });

  it('refuses a bad market size naming the field', async () => {
    const cases: [unknown, string][] = [
      [{ amount: 0, period: '2026-07' }, 'marketSize.amount'],
      [{ amount: 12.5, period: '2026-07' }, 'marketSize.amount'],
      [{ amount: 1000, period: '2026-13' }, 'marketSize.period'],
      [{ amount: 1000 }, 'marketSize.period'],
      [{ amount: 1000, period: '2026-07', region: '' }, 'marketSize.region'],
      [{ amount: 1000, period: '2026-07', country: 'CN' }, 'marketSize.country'],
      ['big', 'marketSize'],
    ];
    for (const [marketSize, path] of cases) {
      const r = await t.post('RecordMarketInsight', insight('MS-BAD', marketSize), admin);
      const body = await r.json();
      expect([r.status, body.errors.map((e: { path: string }) => e.path)], JSON.stringify(marketSize)).toEqual([400, [`data.${path}`]]);
    }
  });
});
