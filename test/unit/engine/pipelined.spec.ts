// A batch begun while the one before it commits (as `tally import` drives the engine) is decided
// against that one's effects, its group handed to the writer thread behind that COMMIT, and is
// answered only once the batch ahead came out as it was decided; if it did not, nothing of the
// later batch is written and it is decided again against the log.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as E from 'fp-ts/Either';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../../server/audit/verifyLog';
import { SYSTEM_ACTOR } from '../../../server/engine/actor';
import { CommandEngine, type CommandInput, type CommandResult } from '../../../server/engine/engine';
import { StoreUnavailableError, type AppendGroup } from '../../../server/store/port';
import { SqliteStore } from '../../../server/store/sqlite';

const dir = mkdtempSync(join(tmpdir(), 'tally-pipelined-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const sale = (orderId: string, amount = 1000): CommandInput => ({
  type: 'RecordSale',
  data: { orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: 1, amount }], occurredAt: '2026-07-01T10:00:00+08:00' },
});
const refund = (orderId: string, amount: number): CommandInput => ({ type: 'RefundSale', data: { orderId, amount, occurredAt: '2026-07-05T10:00:00+08:00', reason: 'x' } });
const sales = (from: number, count: number) => Array.from({ length: count }, (_, i) => sale(`O-${from + i}`));
/** each result as the events' types, or the refusal's kind (and rule) */
const outcomes = (rs: CommandResult[]) => rs.map((r) => (E.isRight(r) ? r.right.map((e) => e.type).join() : `${r.left.kind}${r.left.rule ? ` ${r.left.rule}` : ''}`));

/** The first group a store opens answers only when `release` is called: its COMMIT stays in flight. */
const holdFirstGroup = (store: SqliteStore, fail: boolean) => {
  let release!: () => void;
  const released = new Promise<void>((r) => (release = r));
  const open = store.openGroup.bind(store);
  let held = false;
  let committing = false;
  store.openGroup = (): AppendGroup | undefined => {
    const g = open();
    if (!g || held) return g;
    held = true;
    return {
      add: (r) => g.add(r),
      abandon: () => g.abandon(),
      commit: () => {
        committing = true;
        // refused whole (a failed COMMIT): none of it is written
        if (fail) return released.then(() => (g.abandon(), Promise.reject(new StoreUnavailableError('the disk is full'))));
        const written = g.commit();
        return released.then(() => written);
      },
    };
  };
  return { release, committing: () => committing };
};

const setup = async (fail: boolean) => {
  const store = new SqliteStore(join(dir, `p-${++n}.db`), { writer: 'thread' });
  const engine = new CommandEngine({ store, clock: () => new Date('2026-11-27T02:00:00Z') });
  const first = await engine.handleBatch(
    [
      { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
      { type: 'AddRep', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
      { type: 'RegisterCustomer', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
    ],
    SYSTEM_ACTOR,
  );
  expect(first.every(E.isRight)).toBe(true);
  return { store, engine, hold: holdFirstGroup(store, fail) };
};

const turn = () => new Promise((r) => setImmediate(r));

describe('a batch decided while the one before it commits', () => {
  // 30 commands a batch: handed to the writer thread in parts, as a batch of the bench or an import is
  const batchA = [...sales(1, 29), sale('O-100', 1000)];
  const batchB = [refund('O-100', 600), sale('O-1'), refund('O-100', 600), ...sales(30, 27)];

  it('sees the effects of the batch ahead and is written after it, as if the two had run one after the other', async () => {
    const { store, engine, hold } = await setup(false);
    // begun at once: a batch is decided once the one before it has handed over its group
    const a = engine.handleBatch(batchA, SYSTEM_ACTOR);
    const b = engine.handleBatch(batchB, SYSTEM_ACTOR);
    await turn();
    expect(hold.committing()).toBe(true);
    hold.release();
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.every(E.isRight)).toBe(true);
    // the refund finds the order sold in the batch ahead; the second sale of O-1 is a repeat
    expect(outcomes(rb).slice(0, 4)).toEqual(['SaleRefunded', 'conflict', 'rule refund-exceeds-order', 'SaleRecorded']);
    expect(rb.slice(3).every(E.isRight)).toBe(true);
    const log = await store.readAll();
    expect(log.map((e) => e.position)).toEqual(Array.from({ length: 3 + 30 + 28 }, (_, i) => i + 1));
    expect(log.slice(3, 33).every((e) => e.type === 'SaleRecorded')).toBe(true);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('when the batch ahead is refused, writes nothing it decided against that batch and is decided again against the log', async () => {
    const { store, engine, hold } = await setup(true);
    const a = engine.handleBatch(batchA, SYSTEM_ACTOR);
    a.catch(() => undefined);
    await turn();
    expect(hold.committing()).toBe(true);
    const b = engine.handleBatch(batchB, SYSTEM_ACTOR);
    await turn();
    hold.release();
    await expect(a).rejects.toBeInstanceOf(StoreUnavailableError);
    const rb = await b;
    // against the log, O-100 was never sold and O-1 is new
    expect(outcomes(rb).slice(0, 3)).toEqual(['notFound', 'SaleRecorded', 'notFound']);
    expect(rb.slice(3).every(E.isRight)).toBe(true);
    const log = await store.readAll();
    expect(log.slice(3).map((e) => (e.data as { orderId: string }).orderId)).toEqual(['O-1', ...Array.from({ length: 27 }, (_, i) => `O-${30 + i}`)]);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('reads a command\'s facts only once the read models hold the batch ahead', async () => {
    const store = new SqliteStore(join(dir, `p-${++n}.db`), { writer: 'thread' });
    // read models that catch up a turn after they are asked to: what a facts query would see
    let folded = 0;
    const seenByFacts: number[] = [];
    const engine = new CommandEngine({
      store,
      clock: () => new Date('2026-11-27T02:00:00Z'),
      settle: async (position) => {
        await turn();
        folded = Math.max(folded, position);
      },
      facts: { query: () => (seenByFacts.push(folded), { repId: 'R-1', teamId: 'T-1' }) as never },
    });
    await engine.handleBatch(
      [
        { type: 'CreateTeam', data: { teamId: 'T-1', name: 'East' } },
        { type: 'AddRep', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
        { type: 'RegisterCustomer', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
      ],
      SYSTEM_ACTOR,
    );
    const a = engine.handleBatch(batchA, SYSTEM_ACTOR);
    const feedback: CommandInput = { type: 'RecordFeedback', data: { feedbackId: 'F-1', customerId: 'C-1', kind: 'satisfaction', score: 9, text: 'good', occurredAt: '2026-07-06T10:00:00+08:00' } };
    const b = engine.handleBatch([feedback], SYSTEM_ACTOR);
    const [ra, rb] = await Promise.all([a, b]);
    expect(ra.every(E.isRight)).toBe(true);
    expect(outcomes(rb)).toEqual(['FeedbackRecorded']);
    // the batch ahead wrote positions 4 … 33: the facts were read with all of it folded
    expect(seenByFacts).toEqual([3 + batchA.length]);
    await store.close();
  });
});
