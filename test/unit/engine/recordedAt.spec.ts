// A loader writing a history (the demo) gives each command the moment it was recorded at: the
// command is decided at that moment and its events carry it, in the order given — even where a
// stream already exists that the engine has not cached — and no moment may lie after the clock.
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { CommandEngine } from '../../../server/engine/engine';
import { MemoryStore } from '../../../server/store/memory';

const clock = () => new Date('2026-12-02T02:00:00Z');
const setUp = [
  { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
  { type: 'AddRep', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { type: 'RegisterCustomer', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
];
const sale = (orderId: string, occurredAt: string) => ({ type: 'RecordSale', data: { orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: 1, amount: 1000 }], occurredAt } });

describe('commands given the moment they were recorded at', () => {
  it('are decided and recorded at those moments, in the order given', async () => {
    const store = new MemoryStore();
    const engine = new CommandEngine({ store, clock });
    const recordedAt = ['2025-12-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z', '2025-12-01T00:00:00.000Z', '2026-10-31T03:00:00.000Z', '2026-11-02T01:00:00.000Z'];
    // O-2 of 31 October was entered late, on 2 November
    const results = await engine.handleBatch([...setUp, sale('O-1', '2026-10-31T10:00:00+08:00'), sale('O-2', '2026-10-31T11:00:00+08:00')], SYSTEM_ACTOR, {}, undefined, recordedAt);
    expect(results.every(E.isRight)).toBe(true);
    const events = await store.readAll({ after: 0, limit: 100 });
    expect(events.map((e) => e.recordedAt)).toEqual(recordedAt);
    // a second engine, with nothing cached, refunds O-1 as of 5 November: it reads the order's
    // stream rather than assume it new, so the refund is appended in its place, not retried after
    const fresh = new CommandEngine({ store, clock });
    const refund = { type: 'RefundSale', data: { orderId: 'O-1', amount: 500, occurredAt: '2026-11-05T10:00:00+08:00', reason: 'returned' } };
    const later = await fresh.handleBatch([refund, sale('O-3', '2026-11-06T10:00:00+08:00')], SYSTEM_ACTOR, {}, undefined, ['2026-11-05T03:00:00.000Z', '2026-11-06T03:00:00.000Z']);
    expect(later.every(E.isRight)).toBe(true);
    expect((await store.readAll({ after: 5, limit: 100 })).map((e) => [e.type, e.recordedAt])).toEqual([
      ['SaleRefunded', '2026-11-05T03:00:00.000Z'],
      ['SaleRecorded', '2026-11-06T03:00:00.000Z'],
    ]);
  });

  it('refuses a moment after the clock, naming recordedAt, and appends nothing', async () => {
    const store = new MemoryStore();
    const engine = new CommandEngine({ store, clock });
    const [result] = await engine.handleBatch([setUp[0]], SYSTEM_ACTOR, {}, undefined, ['2026-12-02T02:00:01.000Z']);
    expect(E.isLeft(result) && result.left).toMatchObject({ kind: 'invalid', errors: [{ path: 'recordedAt' }] });
    expect((await store.head()).position).toBe(0);
  });

  it('judges a business time against the moment recorded, not the clock', async () => {
    // a sale of 2 December is more than a day after a moment of 30 November: in the future then
    const engine = new CommandEngine({ store: new MemoryStore(), clock });
    const results = await engine.handleBatch([...setUp, sale('O-1', '2026-12-02T09:00:00+08:00')], SYSTEM_ACTOR, {}, undefined, Array(4).fill('2026-11-30T00:00:00.000Z'));
    expect(results.slice(0, 3).every(E.isRight)).toBe(true);
    expect(E.isLeft(results[3])).toBe(true);
  });
});
