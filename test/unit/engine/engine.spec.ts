import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { afterAll, describe, expect, it } from 'vitest';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { CommandEngine } from '../../../server/engine/engine';
import { verifyLog } from '../../../server/audit/verifyLog';
import { SqliteStore } from '../../../server/store/sqlite';
import type { EventStore } from '../../../server/store/port';

const dir = mkdtempSync(join(tmpdir(), 'tally-engine-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const setup = async () => {
  const store = new SqliteStore(join(dir, `e-${++n}.db`));
  const engine = new CommandEngine({ store, clock: () => new Date('2026-11-27T02:00:00Z') });
  const results = await engine.handleBatch(
    [
      { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
      { type: 'AddRep', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
      { type: 'RegisterCustomer', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
      { type: 'RecordSale', data: { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: 1, amount: 1000 }], occurredAt: '2026-07-01T10:00:00+08:00' } },
    ],
    SYSTEM_ACTOR,
  );
  expect(results.every(E.isRight)).toBe(true);
  return { store, engine };
};

const positions = async (store: EventStore) => (await store.readAll()).map((e) => e.position);

describe('command engine on SQLite', () => {
  it('acknowledges 16 concurrent sales, gap-free, in group-committed transactions', async () => {
    const { store, engine } = await setup();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        engine.handle({ type: 'RecordSale', data: { orderId: `O-${i + 100}`, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: 1, amount: 10 }], occurredAt: '2026-07-02T10:00:00+08:00' } }, SYSTEM_ACTOR),
      ),
    );
    expect(results.every(E.isRight)).toBe(true);
    expect(await positions(store)).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('re-decides a command that lost a race: two refunds of 600 on a 1,000 order → one ok, one 422', async () => {
    const { store, engine } = await setup();
    const refund = () => engine.handle({ type: 'RefundSale', data: { orderId: 'O-1', amount: 600, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'x' } }, SYSTEM_ACTOR);
    const [a, b] = await Promise.all([refund(), refund()]);
    const outcomes = [a, b].map((r) => (E.isRight(r) ? 'ok' : r.left.rule));
    expect(outcomes.sort()).toEqual(['ok', 'refund-exceeds-order']);
    expect((await store.readStream('tally-order-O-1')).map((e) => e.type)).toEqual(['SaleRecorded', 'SaleRefunded']);
    await store.close();
  });

  it('a batch decides each command against the ones before it and appends once', async () => {
    const { store, engine } = await setup();
    const refund = (amount: number) => ({ type: 'RefundSale', data: { orderId: 'O-1', amount, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'x' } });
    const refunds = [refund(600), refund(600), refund(400)];
    const results = await engine.handleBatch(
      refunds,
      SYSTEM_ACTOR,
      { idempotencyKey: 'b-1' },
    );
    expect(results.map((r) => (E.isRight(r) ? r.right[0].revision : r.left.kind))).toEqual([1, 'rule', 2]);
    // the same batch again appends nothing and answers the same
    const again = await engine.handleBatch(
      refunds,
      SYSTEM_ACTOR,
      { idempotencyKey: 'b-1' },
    );
    expect(again.map((r) => (E.isRight(r) ? r.right[0].revision : r.left.kind))).toEqual([1, 'rule', 2]);
    expect(await positions(store)).toHaveLength(6);
    await store.close();
  });
});

describe('command engine batches through the writer thread', () => {
  const sale = (i: number, amount = 10) => ({ type: 'RecordSale', data: { orderId: `O-${i + 100}`, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: 1, amount }], occurredAt: '2026-07-02T10:00:00+08:00' } });

  it('hands a long batch over in parts and appends it in one durable transaction, each command answered on its own', async () => {
    const store = new SqliteStore(join(dir, `e-${++n}.db`), { writer: 'thread' });
    const engine = new CommandEngine({ store, clock: () => new Date('2026-11-27T02:00:00Z') });
    await engine.handleBatch([{ type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } }, { type: 'AddRep', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } }, { type: 'RegisterCustomer', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } }], SYSTEM_ACTOR);
    const before = { ...store.stats };
    // the 31st is refused (a negative amount) while the parts before it are already with the thread
    const results = await engine.handleBatch(Array.from({ length: 70 }, (_, i) => sale(i, i === 30 ? -5 : 10)), SYSTEM_ACTOR);
    expect(results.map((r) => (E.isRight(r) ? r.right[0].position : r.left.kind))).toEqual(Array.from({ length: 70 }, (_, i) => (i < 30 ? i + 4 : i === 30 ? 'invalid' : i + 3)));
    expect(store.stats.transactions - before.transactions).toBe(1);
    expect(await positions(store)).toEqual(Array.from({ length: 72 }, (_, i) => i + 1));
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('a long batch opens its group only for its last commands, so other appends wait for no more than their deciding', async () => {
    const store = new SqliteStore(join(dir, `e-${++n}.db`), { writer: 'thread' });
    let vetted = 0;
    const openedAfter: number[] = [];
    const openGroup = store.openGroup.bind(store);
    store.openGroup = () => (openedAfter.push(vetted), openGroup());
    const engine = new CommandEngine({ store, clock: () => new Date('2026-11-27T02:00:00Z'), vet: async () => void vetted++ });
    const teams = Array.from({ length: 500 }, (_, i) => ({ type: 'CreateTeam', data: { teamId: `T-${i}`, name: `Team ${i}` } }));
    const results = await engine.handleBatch(teams, SYSTEM_ACTOR);
    expect(results.every(E.isRight)).toBe(true);
    expect(openedAfter).toHaveLength(1);
    expect(openedAfter[0]).toBeGreaterThan(300);
    expect(await positions(store)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    await store.close();
  });

  it('a batch that throws after parts were handed over writes none of them', async () => {
    const store = new SqliteStore(join(dir, `e-${++n}.db`), { writer: 'thread' });
    let vetted = 0;
    const vet = async () => {
      if (++vetted === 60) throw new Error('the host lookup failed');
      return undefined;
    };
    const engine = new CommandEngine({ store, clock: () => new Date('2026-11-27T02:00:00Z'), vet });
    const teams = Array.from({ length: 80 }, (_, i) => ({ type: 'CreateTeam', data: { teamId: `T-${i}`, name: `Team ${i}` } }));
    await expect(engine.handleBatch(teams, SYSTEM_ACTOR)).rejects.toThrow('the host lookup failed');
    expect(await positions(store)).toEqual([]);
    const [again] = await engine.handleBatch([teams[0]], SYSTEM_ACTOR);
    expect(E.isRight(again) && again.right[0].position).toBe(1);
    await store.close();
  });
});

describe('command engine input the hash chain cannot take', () => {
  it('refuses a lone surrogate with 400 and appends nothing, while the commands beside it land', async () => {
    const { store, engine } = await setup();
    const before = (await store.head()).position;
    const results = await engine.handleBatch(
      [
        { type: 'CreateTeam', data: { teamId: 'T-9', name: 'bad \ud800 name' } },
        { type: 'CreateTeam', data: { teamId: 'T-8', name: 'fine' } },
      ],
      SYSTEM_ACTOR,
      { idempotencyKey: 'lone' },
    );
    expect(results.map((r) => (E.isRight(r) ? 'ok' : r.left.kind))).toEqual(['invalid', 'ok']);
    expect((await store.head()).position).toBe(before + 1);
    await store.close();
  });
});
