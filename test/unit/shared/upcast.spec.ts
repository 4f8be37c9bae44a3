// An old log replays to the same state: SaleRecorded v1 (one amount, one rep, no lines or
// credits) is upcast on read by every fold and never rewritten in the log.
import { describe, expect, it } from 'vitest';
import { allProjections } from '../../../core/catalog';
import { World } from '../../../core/fold/world';
import { saleRecordedV1, V1_PRODUCT } from '../../../core/sales/upcasters';
import type { UnsealedEvent } from '../../../core/shared/envelope';
import { upcast } from '../../../core/upcasters';
import { verifyLog } from '../../../server/audit/verifyLog';
import { MemoryStore } from '../../../server/store/memory';
import type { EventStore } from '../../../server/store/port';
import { testTally } from '../../support/app';

const at = (day: number) => `2026-06-${String(day).padStart(2, '0')}T10:00:00+08:00`;
const meta = { commandId: 'c', actor: 'legacy-import', correlationId: 'c' };

const directory: [string, string, Record<string, unknown>][] = [
  ['tally-team-T-1', 'TeamCreated', { teamId: 'T-1', name: 'East', managerId: null }],
  ['tally-rep-R-1', 'RepAdded', { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' }],
  ['tally-rep-R-2', 'RepAdded', { repId: 'R-2', name: 'B', teamId: 'T-1', joinedAt: '2025-01-01' }],
  ['tally-customer-C-1', 'CustomerRegistered', { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' }],
];
const v1Sales = [
  { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', teamId: 'T-1', amount: 120_000, units: 2, product: 'CRM-PRO' },
  { orderId: 'O-2', customerId: 'C-1', repId: 'R-2', teamId: 'T-1', amount: 48_000 },
];
/** What a current-version client would have recorded for the same orders. */
const v2Sales = [
  { orderId: 'O-1', customerId: 'C-1', lines: [{ product: 'CRM-PRO', units: 2, amount: 120_000 }], amount: 120_000, units: 2, credits: [{ repId: 'R-1', teamId: 'T-1', share: '1', amount: 120_000, units: 2 }] },
  { orderId: 'O-2', customerId: 'C-1', lines: [{ product: V1_PRODUCT, units: 1, amount: 48_000 }], amount: 48_000, units: 1, credits: [{ repId: 'R-2', teamId: 'T-1', share: '1', amount: 48_000, units: 1 }] },
];
const refund = { orderId: 'O-1', customerId: 'C-1', amount: 20_000, reason: 'returned', credits: [{ repId: 'R-1', teamId: 'T-1', amount: 20_000 }] };

const logWith = async (sales: readonly Record<string, unknown>[], store: EventStore = new MemoryStore()) => {
  const event = (type: string, data: unknown, occurredAt: string): UnsealedEvent => ({ type, data, occurredAt, recordedAt: occurredAt, meta });
  for (const [stream, type, data] of directory) await store.appendMany([{ stream, expected: 'any', events: [event(type, data, at(1))] }]);
  for (const [i, s] of sales.entries()) await store.appendMany([{ stream: `tally-order-${s.orderId}`, expected: 'any', events: [event('SaleRecorded', s, at(2 + i))] }]);
  await store.appendMany([{ stream: 'tally-order-O-1', expected: 'any', events: [event('SaleRefunded', refund, at(9))] }]);
  return store;
};

const replayed = async (store: EventStore) => {
  const w = new World(allProjections, { zone: 'Asia/Shanghai', currency: 'CNY' });
  for (const e of await store.readAll()) w.apply(e);
  return w;
};

describe('upcasting SaleRecorded v1', () => {
  it('reads a v1 sale as a one-line order credited wholly to its rep', () => {
    expect(saleRecordedV1.matches(v1Sales[0])).toBe(true);
    expect(saleRecordedV1.matches(v2Sales[0])).toBe(false);
    expect(upcast({ type: 'SaleRecorded', data: v1Sales[1] }).data).toEqual(v2Sales[1]);
    const current = { type: 'SaleRecorded', data: v2Sales[0] };
    expect(upcast(current)).toBe(current); // current shapes pass through untouched
  });

  it('replays an old log to the same state as the same history in today’s shape', async () => {
    const [old, fresh] = [await replayed(await logWith(v1Sales)), await replayed(await logWith(v2Sales))];
    for (const p of allProjections) expect(old.get(p), p.name).toEqual(fresh.get(p));
  });

  it('never rewrites the log: the stored bytes keep v1’s shape and the hash chain still verifies', async () => {
    const store = await logWith(v1Sales);
    const [stored] = await store.readStream('tally-order-O-2');
    expect(stored.data).toEqual(v1Sales[1]);
    expect(await verifyLog(store)).toMatchObject({ ok: true, count: directory.length + v1Sales.length + 1 });
  });

  it('lets commands act on a v1 order: a refund is shared over its upcast credits', async () => {
    const t = await testTally({ store: await logWith(v1Sales) });
    const admin = await t.token('admin');
    const r = await t.post('RefundSale', { orderId: 'O-2', amount: 8_000, occurredAt: at(20), reason: 'damaged' }, admin);
    expect(r.status).toBe(201);
    const { events } = await r.json();
    expect(events[0].data.credits).toEqual([{ repId: 'R-2', teamId: 'T-1', amount: 8_000 }]);
  });
});
