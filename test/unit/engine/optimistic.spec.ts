// The engine takes a stream it has neither pending nor cached to be new, without reading it. An
// engine that has never seen the log (a restart, another instance) must still answer as if it had
// read every stream: a duplicate is a conflict, a refund finds its order, a refusal stays the same.
import * as E from 'fp-ts/Either';
import { describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { CommandEngine } from '../../../server/engine/engine';
import { MemoryStore } from '../../../server/store/memory';

const clock = () => new Date('2026-11-27T02:00:00Z');
const sale = (orderId: string, customerId = 'C-1') => ({ type: 'RecordSale', data: { orderId, customerId, repId: 'R-1', lines: [{ product: 'X', units: 1, amount: 1000 }], occurredAt: '2026-07-01T10:00:00+08:00' } });

/** A log written by one engine, and a second engine on it that has cached nothing. */
const given = async () => {
  const store = new MemoryStore();
  const first = new CommandEngine({ store, clock });
  const seeded = await first.handleBatch(
    [
      { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
      { type: 'AddRep', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
      { type: 'RegisterCustomer', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
      sale('O-1'),
    ],
    SYSTEM_ACTOR,
  );
  expect(seeded.every(E.isRight)).toBe(true);
  return { store, fresh: new CommandEngine({ store, clock }) };
};

const kindOf = (r: E.Either<{ kind: string; status?: number }, unknown>) => (E.isRight(r) ? 'ok' : r.left.kind);

describe('an engine that has not read a stream yet', () => {
  it('given an order in the log, when it is recorded again, then it is a conflict and nothing is appended', async () => {
    const { store, fresh } = await given();
    expect(kindOf(await fresh.handle(sale('O-1'), SYSTEM_ACTOR))).toBe('conflict');
    expect(kindOf((await fresh.handleBatch([sale('O-1'), sale('O-2')], SYSTEM_ACTOR))[0])).toBe('conflict');
    expect((await store.readStream('tally-order-O-1')).length).toBe(1);
  });

  it('given an order in the log, when it is refunded, then the refund is decided against the order', async () => {
    const { fresh } = await given();
    const refund = { type: 'RefundSale', data: { orderId: 'O-1', amount: 400, occurredAt: '2026-07-02T10:00:00+08:00', reason: 'x' } };
    expect(kindOf(await fresh.handle(refund, SYSTEM_ACTOR))).toBe('ok');
    expect(kindOf((await fresh.handleBatch([refund, { ...refund, data: { ...refund.data, amount: 700 } }], SYSTEM_ACTOR))[1])).toBe('rule');
  });

  it('given a new stream, when the command is refused, then the refusal is the one a read would give', async () => {
    const { store, fresh } = await given();
    const missing = await fresh.handle(sale('O-9', 'C-404'), SYSTEM_ACTOR);
    expect(E.isLeft(missing) && missing.left).toMatchObject({ kind: 'notFound' });
    const nothing = await fresh.handle({ type: 'RefundSale', data: { orderId: 'O-404', amount: 1, occurredAt: '2026-07-02T10:00:00+08:00', reason: 'x' } }, SYSTEM_ACTOR);
    expect(E.isLeft(nothing) && nothing.left).toMatchObject({ kind: 'notFound' });
    expect((await store.readAll()).length).toBe(4);
  });
});
