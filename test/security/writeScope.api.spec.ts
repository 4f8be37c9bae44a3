// Writes a rep may send (SPEC §5a): a rep records sales, deals and contacts only on its own
// customers and credits only itself; a split between reps is a manager's command within the
// manager's team, an admin's anywhere. Each refusal appends nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

// The seeded company: T-1 (manager M-1) has R-1 and R-2; T-2 (manager M-2) has R-3. C-1 is R-1's.
const lines = [{ product: 'CRM', units: 1, amount: 1_000_000 }];
const at = '2026-07-01T10:00:00+08:00';
const sale = (orderId: string, customerId: string, credit: { repId: string } | { splits: { repId: string; share: string }[] }) => ({ orderId, customerId, ...credit, lines, occurredAt: at });
const split = (...parts: [string, string][]) => ({ splits: parts.map(([repId, share]) => ({ repId, share })) });

describe('what a rep may write', () => {
  let t: TestTally;
  let admin: string;
  let rep1: string;
  let manager1: string;
  beforeAll(async () => {
    t = await testTally();
    admin = await seedCompany(t);
    rep1 = await t.token('rep', 'R-1');
    manager1 = await t.token('manager', 'M-1', 'T-1');
    for (const [type, data] of [
      ['RegisterCustomer', { customerId: 'C-2', name: 'Beta', ownerRepId: 'R-2' }],
      ['SetPipelineStages', { stages: [{ stage: 'Proposal', probability: '0.5' }] }],
      ['RecordSale', sale('O-split', 'C-1', split(['R-1', '0.5'], ['R-2', '0.5']))],
    ] as const)
      expect((await t.post(type, data, admin)).status, type).toBe(201);
  });

  const expectStatus = async (type: string, data: unknown, token: string, status: number) => {
    const before = t.deps.projections.position;
    const r = await t.post(type, data, token);
    expect(r.status, `${type} ${JSON.stringify(data)}: ${status === r.status ? '' : await r.text()}`).toBe(status);
    if (status !== 201) expect(t.deps.projections.position, 'a refused command appends nothing').toBe(before);
  };

  it('refuses a split that moves revenue onto another rep, even one naming the rep itself (the probe: R-01 0.000001, R-02 0.999999)', async () => {
    // the probe's sale of 10,000.00 would have credited R-2 with 999,999 fen of 1,000,000 and R-1 with 1
    await expectStatus('RecordSale', sale('O-1', 'C-2', split(['R-1', '0.000001'], ['R-2', '0.999999'])), rep1, 403);
    await expectStatus('RecordSale', sale('O-2', 'C-1', split(['R-1', '0.5'], ['R-2', '0.5'])), rep1, 403);
    await expectStatus('RecordSale', sale('O-3', 'C-1', split(['R-1', '1'])), rep1, 201);
    const leaderboard = await (await t.get('/api/leaderboard?period=2026-07', rep1)).json();
    // 500,000 of the admin's split + 1,000,000 of its own; R-2: 500,000 of the split only
    expect(leaderboard.entries.map((e: { repId: string; value: number }) => [e.repId, e.value])).toEqual([['R-1', 1_500_000], ['R-2', 500_000], ['R-3', 0]]);
  });

  it('refuses a sale, a deal or a contact on another rep’s customer, even credited to the rep itself', async () => {
    await expectStatus('RecordSale', sale('O-4', 'C-2', { repId: 'R-1' }), rep1, 403);
    await expectStatus('OpenDeal', { dealId: 'D-1', customerId: 'C-2', repId: 'R-1', amount: 100, stage: 'Proposal', expectedCloseAt: '2026-08-31' }, rep1, 403);
    await expectStatus('LogCustomerContact', { customerId: 'C-2', contactId: 'K-1', repId: 'R-1', kind: 'call', occurredAt: at }, rep1, 403);
    // the same on its own customer goes through
    await expectStatus('OpenDeal', { dealId: 'D-2', customerId: 'C-1', repId: 'R-1', amount: 100, stage: 'Proposal', expectedCloseAt: '2026-08-31' }, rep1, 201);
    await expectStatus('LogCustomerContact', { customerId: 'C-1', contactId: 'K-2', repId: 'R-1', kind: 'call', occurredAt: at }, rep1, 201);
  });

  it('refuses a rep’s refund of an order it shares with another rep', async () => {
    await expectStatus('RefundSale', { orderId: 'O-split', amount: 100, occurredAt: '2026-07-02T10:00:00+08:00', reason: 'returned' }, rep1, 403);
    await expectStatus('RefundSale', { orderId: 'O-3', amount: 100, occurredAt: '2026-07-02T10:00:00+08:00', reason: 'returned' }, rep1, 201);
  });

  it('lets a manager split within its team only, and an admin anywhere', async () => {
    await expectStatus('RecordSale', sale('O-5', 'C-2', split(['R-1', '0.3'], ['R-2', '0.7'])), manager1, 201);
    await expectStatus('RecordSale', sale('O-6', 'C-1', split(['R-1', '0.5'], ['R-3', '0.5'])), manager1, 403);
    await expectStatus('RecordSale', sale('O-7', 'C-1', split(['R-1', '0.5'], ['R-3', '0.5'])), admin, 201);
  });
});
