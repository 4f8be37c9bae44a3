import { describe, expect, it } from 'vitest';
import { replay } from '../../../core/fold/projection';
import { firstSaleCredit, ledgerAt, metricValue, newCustomersByOwner, repValuesBetween, salesLedgerProjection, totals } from '../../../core/ledger/salesLedger';
import type { StoredEvent } from '../../../core/shared/envelope';

let position = 0;
const ev = (type: string, data: unknown, occurredAt: string): StoredEvent =>
  ({ position: ++position, stream: 's', revision: 0, type, data, occurredAt, recordedAt: '2026-11-27T00:00:00Z', meta: { commandId: 'c', actor: 'a', correlationId: 'c' }, hash: '', prevHash: '' });

const sale = (orderId: string, customerId: string, credits: [string, string, number, number][], occurredAt: string, lines = [{ product: 'P', units: credits.reduce((a, c) => a + c[3], 0), amount: credits.reduce((a, c) => a + c[2], 0) }]) =>
  ev('SaleRecorded', { orderId, customerId, lines, amount: lines.reduce((a, l) => a + l.amount, 0), units: lines.reduce((a, l) => a + l.units, 0), credits: credits.map(([repId, teamId, amount, units]) => ({ repId, teamId, share: '1', amount, units })) }, occurredAt);

const settings = { zone: 'Asia/Shanghai', currency: 'CNY' };

describe('sales ledger', () => {
  it('nets a refund in the period it occurred: a 200 refund on a 1,000 order leaves 800 (issue 4 worked example)', () => {
    const s = replay(salesLedgerProjection, [
      sale('O-1', 'C-1', [['R-1', 'T-1', 1000_00, 1]], '2026-07-10T10:00:00+08:00'),
      ev('SaleRefunded', { orderId: 'O-1', customerId: 'C-1', amount: 200_00, reason: 'x', credits: [{ repId: 'R-1', teamId: 'T-1', amount: 200_00 }] }, '2026-07-20T10:00:00+08:00'),
    ], settings);
    expect(metricValue(s, 'rep:R-1', 'revenue', '2026-07')).toBe(800_00);
    expect(metricValue(s, 'rep:R-1', 'units', '2026-07')).toBe(1);
    expect(metricValue(s, 'rep:R-1', 'orders', '2026-07')).toBe(1);
    expect(metricValue(s, 'product:P', 'revenue', '2026')).toBe(800_00);
  });

  it('puts a refund that occurs next month into next month', () => {
    const s = replay(salesLedgerProjection, [
      sale('O-1', 'C-1', [['R-1', 'T-1', 1000_00, 1]], '2026-07-10T10:00:00+08:00'),
      ev('SaleRefunded', { orderId: 'O-1', customerId: 'C-1', amount: 300_00, reason: 'x', credits: [{ repId: 'R-1', teamId: 'T-1', amount: 300_00 }] }, '2026-08-01T00:10:00+08:00'),
    ], settings);
    expect(metricValue(s, 'company', 'revenue', '2026-07')).toBe(1000_00);
    expect(metricValue(s, 'company', 'revenue', '2026-08')).toBe(-300_00);
    expect(metricValue(s, 'company', 'revenue', '2026-Q3')).toBe(700_00);
  });

  it('credits a split sale to each rep and counts one order each, one for the company', () => {
    const s = replay(salesLedgerProjection, [sale('O-1', 'C-1', [['R-1', 'T-1', 600, 2], ['R-2', 'T-2', 400, 1]], '2026-07-10T10:00:00+08:00')], settings);
    expect(metricValue(s, 'rep:R-1', 'revenue', '2026-07')).toBe(600);
    expect(metricValue(s, 'rep:R-2', 'orders', '2026-07')).toBe(1);
    expect(totals(s, 'company', '2026-07')).toEqual({ revenue: 1000, units: 3, orders: 1 });
    expect(metricValue(s, 'team:T-2', 'activeCustomers', '2026-W28')).toBe(1);
  });

  it("counts a customer as new in the period of its first-ever sale, even when that sale is recorded late", () => {
    const s = replay(salesLedgerProjection, [
      sale('O-2', 'C-1', [['R-2', 'T-1', 100, 1]], '2026-08-10T10:00:00+08:00'),
      sale('O-1', 'C-1', [['R-1', 'T-1', 100, 1]], '2026-07-10T10:00:00+08:00'),
    ], settings);
    expect(metricValue(s, 'company', 'newCustomers', '2026-08')).toBe(0);
    expect(metricValue(s, 'rep:R-1', 'newCustomers', '2026-07')).toBe(1);
    expect(newCustomersByOwner(s, '2026-07').get('team:T-1')).toBe(1);
  });

  it('values every rep over a span of business time in one pass, as each rep alone would be valued, and below a cut', () => {
    const events = [
      sale('O-1', 'C-1', [['R-1', 'T-1', 600, 2], ['R-2', 'T-2', 400, 1]], '2026-07-10T10:00:00+08:00'),
      sale('O-2', 'C-2', [['R-1', 'T-1', 250, 1]], '2026-07-12T09:00:00+08:00'),
      sale('O-3', 'C-1', [['R-1', 'T-1', 999, 9]], '2026-07-20T10:00:00+08:00'), // after the span's end
      ev('SaleRefunded', { orderId: 'O-1', customerId: 'C-1', amount: 100, reason: 'x', credits: [{ repId: 'R-1', teamId: 'T-1', amount: 60 }, { repId: 'R-2', teamId: 'T-2', amount: 40 }] }, '2026-07-15T10:00:00+08:00'),
    ];
    const s = replay(salesLedgerProjection, events, settings);
    const [start, end] = [Date.parse('2026-07-01T00:00:00+08:00'), Date.parse('2026-07-20T00:00:00+08:00')];
    // 600 + 250 − 60 = 790, units 2 + 1 = 3, orders O-1 and O-2 = 2, customers C-1 and C-2; R-2: 400 − 40 = 360, 1, 1, C-1
    expect(repValuesBetween(s, 'revenue', start, end)).toEqual(new Map([['R-1', 790], ['R-2', 360]]));
    expect(repValuesBetween(s, 'units', start, end)).toEqual(new Map([['R-1', 3], ['R-2', 1]]));
    expect(repValuesBetween(s, 'orders', start, end)).toEqual(new Map([['R-1', 2], ['R-2', 1]]));
    expect(repValuesBetween(s, 'activeCustomers', start, end)).toEqual(new Map([['R-1', 2], ['R-2', 1]]));
    // C-1's first sale (O-1) credits both reps, C-2's (O-2) R-1
    expect(repValuesBetween(s, 'newCustomers', start, end)).toEqual(new Map([['R-1', 2], ['R-2', 1]]));
    // as of O-2 (position of the second event): neither the refund nor O-3 is known; R-1 600 + 250 = 850
    expect(repValuesBetween(ledgerAt(s, events[1].position), 'revenue', start, end)).toEqual(new Map([['R-1', 850], ['R-2', 400]]));
  });

  it("finds an owner's earliest sale credit by business time: a late-recorded earlier sale counts, a refund does not", () => {
    const events = [
      sale('O-1', 'C-1', [['R-1', 'T-1', 100, 1]], '2026-07-10T10:00:00+08:00'),
      ev('SaleRefunded', { orderId: 'O-1', customerId: 'C-1', amount: 50, reason: 'x', credits: [{ repId: 'R-1', teamId: 'T-1', amount: 50 }] }, '2026-07-01T10:00:00+08:00'),
      sale('O-2', 'C-2', [['R-1', 'T-1', 100, 1]], '2026-06-05T10:00:00+08:00'), // recorded later, occurred earlier
      sale('O-3', 'C-2', [['R-1', 'T-1', 100, 1]], '2026-06-05T10:00:00+08:00'), // same instant, later position
    ];
    const s = replay(salesLedgerProjection, events, settings);
    expect(firstSaleCredit(s, 'rep:R-1')).toEqual({ ms: Date.parse('2026-06-05T10:00:00+08:00'), position: events[2].position });
    // as of the refund, only O-1 is known: the refund's earlier instant does not count
    expect(firstSaleCredit(ledgerAt(s, events[1].position), 'rep:R-1')).toEqual({ ms: Date.parse('2026-07-10T10:00:00+08:00'), position: events[0].position });
    expect(firstSaleCredit(s, 'rep:R-9')).toBeUndefined();
  });
});
