// A customer's own buckets keep no set of customers (memory: one per customer-day at scale); that
// it was active on a day is read from its sales' orders. The answers must be those of the ledger's
// own entries: active in a window exactly when it has a sale credit there, on the first such day.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dailyIncrements } from '../../core/ledger/metricDays';
import { replay } from '../../core/fold/projection';
import { activeCustomers, entriesIn, localDay, salesLedgerProjection } from '../../core/ledger/salesLedger';
import type { StoredEvent } from '../../core/shared/envelope';

const settings = { zone: 'Asia/Shanghai', currency: 'CNY' };
const ev = (position: number, type: string, data: unknown, occurredAt: string): StoredEvent =>
  ({ position, stream: 's', revision: 0, type, data, occurredAt, recordedAt: '2026-11-27T00:00:00Z', meta: { commandId: 'c', actor: 'a', correlationId: 'c' }, hash: '', prevHash: '' });

const action = fc.record({ customer: fc.constantFrom('C-1', 'C-2', 'C-3'), day: fc.integer({ min: 1, max: 28 }), refund: fc.boolean() });

describe('active customers of a customer owner', () => {
  it('given sales and refunds on random days, when asked per month and per day, then a customer is active exactly when it has a sale credit', () => {
    fc.assert(
      fc.property(fc.array(action, { maxLength: 25 }), (actions) => {
        const events: StoredEvent[] = [];
        const sold: string[] = [];
        actions.forEach((a, i) => {
          const at = `2026-07-${String(a.day).padStart(2, '0')}T10:00:00+08:00`;
          if (a.refund && sold.length > 0) {
            const orderId = sold[i % sold.length];
            events.push(ev(i + 1, 'SaleRefunded', { orderId, customerId: a.customer, amount: 1, reason: 'x', credits: [{ repId: 'R-1', teamId: 'T-1', amount: 1 }] }, at));
          } else {
            const orderId = `O-${i}`;
            sold.push(orderId);
            events.push(ev(i + 1, 'SaleRecorded', { orderId, customerId: a.customer, lines: [{ product: 'P', units: 1, amount: 100 }], amount: 100, units: 1, credits: [{ repId: 'R-1', teamId: 'T-1', share: '1', amount: 100, units: 1 }] }, at));
          }
        });
        const s = replay(salesLedgerProjection, events, settings);
        for (const c of ['C-1', 'C-2', 'C-3']) {
          const owner = `customer:${c}`;
          const saleDays = entriesIn(s, owner, '2026-07').filter((e) => e.kind === 'sale' && e.customerId === c).map((e) => e.day);
          expect([...activeCustomers(s, owner, '2026-07')]).toEqual(saleDays.length > 0 ? [c] : []);
          const from = localDay(Date.parse('2026-07-01T00:00:00+08:00'), settings.zone);
          const daily = dailyIncrements(s, owner, 'activeCustomers', from, from + 31)!;
          const first = Math.min(...saleDays);
          expect(daily).toEqual(Array.from({ length: 31 }, (_, i) => (from + i === first ? 1 : 0)));
        }
      }),
    );
  });
});
