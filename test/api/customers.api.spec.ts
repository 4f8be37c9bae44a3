// GET /api/customers and /api/customers/:id: tiers with their reason as of any moment, owner
// history, per-customer figures; and privacy — a viewer reads no customer, a rep only its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { accepted } from './customersSupport';

const sale = (orderId: string, customerId: string, repId: string, amount: number, occurredAt: string) => ({
  orderId, customerId, repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt,
});

describe('customers API', () => {
  let t: TestTally;
  let admin: string, rep1: string, rep3: string, manager1: string, viewer: string;

  beforeAll(async () => {
    t = await testTally({ now: '2026-07-15T10:00:00+08:00' });
    admin = await seedCompany(t);
    const ok = accepted(t, () => admin);
    await ok('RegisterCustomer', { customerId: 'C-2', name: 'Bolt Ltd', ownerRepId: 'R-2', birthday: '05-01' });
    await ok('RegisterCustomer', { customerId: 'C-3', name: 'Crane Co', ownerRepId: 'R-3' });
    await ok('RegisterCustomer', { customerId: 'C-4', name: 'Delta', ownerRepId: 'R-1' });
    await ok('RecordSale', sale('O-1', 'C-1', 'R-1', 182_300_00, '2026-02-10T10:00:00+08:00'));
    await ok('RecordSale', sale('O-2', 'C-2', 'R-2', 50_000_00, '2026-03-10T10:00:00+08:00'));
    await ok('RecordSale', sale('O-3', 'C-3', 'R-3', 20_000_00, '2026-04-10T10:00:00+08:00'));
    await ok('RecordSale', sale('O-4', 'C-2', 'R-2', 300_000_00, '2026-06-20T10:00:00+08:00'));
    await ok('RefundSale', { orderId: 'O-1', amount: 2_300_00, occurredAt: '2026-03-01T10:00:00+08:00', reason: 'damaged' });
    rep1 = await t.token('rep', 'R-1');
    rep3 = await t.token('rep', 'R-3');
    manager1 = await t.token('manager', 'M-1', 'T-1');
    viewer = await t.token('viewer');
  });

  it('explains a tier with its rank and trailing revenue, as of any moment', async () => {
    const now = await (await t.get('/api/customers/C-1', admin)).json();
    // C-2 leads with 350,000; C-1 second with 180,000 net of its refund; top 20 % of 3 = 1 slot
    expect(now.tier).toMatchObject({ tier: 'regular', rank: 2, of: 3, reason: 'rank 2 of 3 by trailing-12m revenue 180,000.00' });
    const may = await (await t.get('/api/customers/C-1?at=2026-05-01T00:00:00%2B08:00', admin)).json();
    expect(may.tier).toMatchObject({ tier: 'high-value', rank: 1, reason: 'rank 1 of 3 by trailing-12m revenue 180,000.00' });
    const january = await (await t.get('/api/customers/C-1?at=2026-01-31T00:00:00%2B08:00', admin)).json();
    expect(january.tier).toMatchObject({ tier: 'potential', reason: 'no net revenue yet' });
    expect(now.tierChanges).toEqual([
      { month: '2026-02', from: 'potential', to: 'high-value' },
      { month: '2026-06', from: 'high-value', to: 'regular' },
    ]);
    expect(now.tierHistory).toHaveLength(12);
  });

  it('gives the customer’s figures: first and last sale, trailing revenue, orders, open deals, last contact, satisfaction', async () => {
    await t.post('SetPipelineStages', { stages: [{ stage: 'Proposal', probability: '0.4' }] }, admin);
    await t.post('OpenDeal', { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', amount: 10_000_00, stage: 'Proposal', expectedCloseAt: '2026-08-31' }, admin);
    await t.post('LogCustomerContact', { customerId: 'C-1', contactId: 'K-1', repId: 'R-1', kind: 'visit', occurredAt: '2026-07-01T15:00:00+08:00' }, rep1);
    await t.post('RecordFeedback', { feedbackId: 'F-1', customerId: 'C-1', kind: 'satisfaction', score: 9, text: 'good service', occurredAt: '2026-07-02T15:00:00+08:00' }, rep1);
    const c = await (await t.get('/api/customers/C-1', admin)).json();
    expect(c.figures).toMatchObject({
      firstSale: '2026-02-10T02:00:00.000Z', lastSale: '2026-02-10T02:00:00.000Z', trailingRevenue: 180_000_00, lifetimeRevenue: 180_000_00, orders: 1,
      openDeals: { deals: 1, amount: 10_000_00, weighted: 4_000_00 },
      lastContact: { kind: 'visit', repId: 'R-1' },
      satisfaction: { answers: 1, average: 9, latest: { score: 9 } },
    });
  });

  it('keeps the owner history when a customer is reassigned; a rep may not reassign, a manager only within its team', async () => {
    expect((await t.post('ReassignCustomer', { customerId: 'C-4', toRepId: 'R-2', reason: 'x' }, rep1)).status).toBe(403);
    expect((await t.post('ReassignCustomer', { customerId: 'C-4', toRepId: 'R-3', reason: 'x' }, manager1)).status).toBe(403);
    const r = await t.post('ReassignCustomer', { customerId: 'C-4', toRepId: 'R-2', reason: 'R-1 on leave', occurredAt: '2026-07-10T09:00:00+08:00' }, manager1);
    expect(r.status).toBe(201);
    const c = await (await t.get('/api/customers/C-4', admin)).json();
    expect(c.ownerRepId).toBe('R-2');
    expect(c.owners.map((o: { repId: string }) => o.repId)).toEqual(['R-1', 'R-2']);
    expect(c.owners[1]).toMatchObject({ from: '2026-07-10T09:00:00+08:00', reason: 'R-1 on leave' });
    // R-1 no longer sees it; R-2's manager still does
    expect((await t.get('/api/customers/C-4', rep1)).status).toBe(403);
    expect((await t.get('/api/customers/C-4', manager1)).status).toBe(200);
  });

  it('lets a rep update its own customer’s profile and contacts, not another rep’s', async () => {
    expect((await t.post('UpdateCustomerProfile', { customerId: 'C-1', industry: 'Retail', contacts: [{ name: 'Ms Li', phone: '13800000000' }] }, rep1)).status).toBe(201);
    expect((await t.post('UpdateCustomerProfile', { customerId: 'C-3', industry: 'Retail' }, rep1)).status).toBe(403);
    const c = await (await t.get('/api/customers/C-1', rep1)).json();
    expect(c).toMatchObject({ industry: 'Retail', contacts: [{ name: 'Ms Li', phone: '13800000000' }] });
  });

  it('lists customers by tier and owner', async () => {
    const all = await (await t.get('/api/customers', admin)).json();
    expect(all.customers.map((c: { customerId: string; tier: string }) => [c.customerId, c.tier])).toEqual([['C-1', 'regular'], ['C-2', 'high-value'], ['C-3', 'regular'], ['C-4', 'potential']]);
    const high = await (await t.get('/api/customers?tier=high-value', admin)).json();
    expect(high.customers.map((c: { customerId: string }) => c.customerId)).toEqual(['C-2']);
    const ofR3 = await (await t.get('/api/customers?owner=rep:R-3', admin)).json();
    expect(ofR3.customers.map((c: { customerId: string }) => c.customerId)).toEqual(['C-3']);
    expect((await t.get('/api/customers?tier=gold', admin)).status).toBe(400);
  });

  it('shows a rep only its own customers and a manager its team’s', async () => {
    const mine = await (await t.get('/api/customers', rep3)).json();
    expect(mine.customers.map((c: { customerId: string }) => c.customerId)).toEqual(['C-3']);
    expect((await t.get('/api/customers/C-1', rep3)).status).toBe(403);
    expect((await t.get('/api/customers?owner=rep:R-1', rep3)).status).toBe(403);
    expect((await t.get('/api/customers?owner=R-1', rep3)).status).toBe(403);
    const team = await (await t.get('/api/customers', manager1)).json();
    expect(team.customers.map((c: { customerId: string }) => c.customerId)).toEqual(['C-1', 'C-2', 'C-4']);
  });

  it('gives a viewer no customer names or birthdays anywhere', async () => {
    for (const path of ['/api/customers', '/api/customers/C-1', '/api/care', '/api/pipeline', '/api/feedback', '/api/analytics?period=2026-06&by=region']) {
      const r = await t.get(path, viewer);
      expect(r.status, path).toBe(403);
      const body = await r.text();
      for (const secret of ['Acme', 'Bolt', '02-29', '05-01']) expect(body, path).not.toContain(secret);
    }
  });

  it('answers as known at an earlier recorded moment with asOf', async () => {
    // nothing was recorded before the clock's first moment
    expect((await t.get('/api/customers/C-4?asOf=2026-07-15T09:00:00%2B08:00', admin)).status).toBe(404);
    t.setNow('2026-07-16T10:00:00+08:00');
    const tomorrow = await t.token('admin');
    await t.post('RecordSale', sale('O-9', 'C-4', 'R-2', 1_00, '2026-07-16T09:00:00+08:00'), tomorrow);
    const now = await (await t.get('/api/customers/C-4', tomorrow)).json();
    expect(now.orders).toBe(1);
    const then = await (await t.get('/api/customers/C-4?asOf=2026-07-15T12:00:00%2B08:00', tomorrow)).json();
    expect(then.orders).toBe(0);
    t.setNow('2026-07-15T10:00:00+08:00');
  });
});
