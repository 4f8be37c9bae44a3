import { describe, expect, it } from 'vitest';
import { given } from '../../support/given';

const company = [
  { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: null } },
  { stream: 'tally-rep-R-1', type: 'RepAdded', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-rep-R-2', type: 'RepAdded', data: { repId: 'R-2', name: 'B', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-rep-R-3', type: 'RepAdded', data: { repId: 'R-3', name: 'C', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-customer-C-1', type: 'CustomerRegistered', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
];

const lines = [{ product: 'CRM', units: 1, amount: 100 }];
const at = '2026-07-01T10:00:00+08:00';

describe('RecordSale', () => {
  it('credits a three-way split by shares, the first split taking the rounding remainder', () => {
    const [e] = given(company)
      .when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines, occurredAt: at, splits: [{ repId: 'R-1', share: '0.3333' }, { repId: 'R-2', share: '0.3333' }, { repId: 'R-3', share: '0.3334' }] })
      .then([{ type: 'SaleRecorded', occurredAt: at }]);
    const credits = (e.data as { credits: { repId: string; amount: number; units: number }[] }).credits;
    // 100 × 0.3333 = 33.33 → 33; 100 × 0.3334 = 33.34 → 33; the first takes 100 − 66 = 34
    expect(credits.map((c) => [c.repId, c.amount])).toEqual([['R-1', 34], ['R-2', 33], ['R-3', 33]]);
    // 1 unit: 0.3333 → 0, 0.3334 → 0, the first takes the unit
    expect(credits.map((c) => c.units)).toEqual([1, 0, 0]);
  });

  it('rounds half away from zero: 0.5 of 101 fen is 50.5 → 51 for the second split', () => {
    const [e] = given(company)
      .when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines: [{ product: 'X', units: 2, amount: 101 }], occurredAt: at, splits: [{ repId: 'R-1', share: 0.5 }, { repId: 'R-2', share: 0.5 }] })
      .then([{ type: 'SaleRecorded' }]);
    expect((e.data as { credits: { amount: number }[] }).credits.map((c) => c.amount)).toEqual([50, 51]);
  });

  it('never credits a rep below zero: a tiny first share falls back to largest remainder', () => {
    const six = [...company, ...['R-4', 'R-5', 'R-6'].map((r) => ({ stream: `tally-rep-${r}`, type: 'RepAdded', data: { repId: r, name: r, teamId: 'T-1', joinedAt: '2025-01-01' } }))];
    const splits = [{ repId: 'R-1', share: '0.0005' }, ...['R-2', 'R-3', 'R-4', 'R-5', 'R-6'].map((repId) => ({ repId, share: '0.1999' }))];
    const [e] = given(six)
      .when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines: [{ product: 'X', units: 3, amount: 3 }], occurredAt: at, splits })
      .then([{ type: 'SaleRecorded' }]);
    // 3 × 0.1999 = 0.5997 → 1 for each of five, which would leave the first 3 − 5 = −2. Largest
    // remainder instead: exact 0.0015, 0.5997 × 5; floors all 0, 3 left to the largest remainders
    // (0.5997, ties to the earlier split). Units the same, 3 of them.
    const credits = (e.data as { credits: { amount: number; units: number }[] }).credits;
    expect(credits.map((c) => c.amount)).toEqual([0, 1, 1, 1, 0, 0]);
    expect(credits.map((c) => c.units)).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('refuses both repId and splits, neither, and a rep named twice', () => {
    given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines, occurredAt: at, repId: 'R-1', splits: [{ repId: 'R-1', share: 1 }] }).rejects('invalid', 'splits');
    given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines, occurredAt: at }).rejects('invalid', 'repId');
    given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines, occurredAt: at, splits: [{ repId: 'R-1', share: 0.5 }, { repId: 'R-1', share: 0.5 }] }).rejects('invalid', 'once');
  });

  it('refuses negative units or amounts, an empty order and a share above 1', () => {
    given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: -1, amount: 5 }], occurredAt: at }).rejects('invalid', 'lines.0.units');
    given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: 1, amount: -5 }], occurredAt: at }).rejects('invalid', 'lines.0.amount');
    given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [], occurredAt: at }).rejects('invalid', 'lines');
    given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines, occurredAt: at, splits: [{ repId: 'R-1', share: 1.5 }] }).rejects('invalid', 'share');
  });
});

describe('RefundSale', () => {
  const sold = [...company, { stream: 'tally-order-O-1', type: 'SaleRecorded', occurredAt: at, data: { orderId: 'O-1', customerId: 'C-1', lines: [{ product: 'X', units: 1, amount: 1000 }], amount: 1000, units: 1, credits: [{ repId: 'R-1', teamId: 'T-1', share: '0.6', amount: 600, units: 1 }, { repId: 'R-2', teamId: 'T-1', share: '0.4', amount: 400, units: 0 }] } }];

  it('shares a refund over the credits like the sale: 200 of a 60/40 split is 120 and 80', () => {
    const [e] = given(sold).when('RefundSale', { orderId: 'O-1', amount: 200, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'damaged' }).then([{ type: 'SaleRefunded' }]);
    expect((e.data as { credits: { amount: number }[] }).credits.map((c) => c.amount)).toEqual([120, 80]);
  });

  it('refunds nothing to a negative credit recorded before credits were kept ≥ 0', () => {
    const credit = (repId: string, amount: number) => ({ repId, teamId: 'T-1', share: repId === 'R-1' ? '0.0005' : '0.1999', amount, units: amount });
    const legacy = [
      ...company,
      { stream: 'tally-order-O-2', type: 'SaleRecorded', occurredAt: at, data: { orderId: 'O-2', customerId: 'C-1', lines: [{ product: 'X', units: 3, amount: 3 }], amount: 3, units: 3, credits: [credit('R-1', -2), ...['R-2', 'R-3', 'R-4', 'R-5', 'R-6'].map((r) => credit(r, 1))] } },
    ];
    const [e] = given(legacy).when('RefundSale', { orderId: 'O-2', amount: 3, occurredAt: at, reason: 'returned' }).then([{ type: 'SaleRefunded' }]);
    // weights 0, 1 × 5 → shares 0, 0.2 × 5; 3 × 0.2 = 0.6 → 1 each would leave the first −2, so by
    // largest remainder: 0.6 × 5, the three earliest take a fen each
    expect((e.data as { credits: { amount: number }[] }).credits.map((c) => c.amount)).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('refuses more than is left, a refund before its sale, and an unknown order', () => {
    const refunded = [...sold, { stream: 'tally-order-O-1', type: 'SaleRefunded', data: { orderId: 'O-1', customerId: 'C-1', amount: 900, reason: 'x', credits: [] } }];
    given(refunded).when('RefundSale', { orderId: 'O-1', amount: 101, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'x' }).rejects('refund-exceeds-order', '100 left');
    given(sold).when('RefundSale', { orderId: 'O-1', amount: 1, occurredAt: '2026-06-30T10:00:00+08:00', reason: 'x' }).rejects('refund-before-sale');
    given(sold).when('RefundSale', { orderId: 'O-9', amount: 1, occurredAt: at, reason: 'x' }).rejects('notFound', 'O-9');
  });
});
