// Idempotency records held against the hash chain (`tally verify`, issue 15 item 14). The table of
// keys lies outside the chain, so an intruder who edits it breaks no hash; but a keyed command's
// events carry its key (meta.commandId) and sender (meta.actor), so any edit that makes a record
// name other positions, none, or positions of another command is found — on memory and SQLite.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyKeys } from '../../server/audit/verifyKeys';
import { MemoryStore } from '../../server/store/memory';
import { subjectKey, type AppendRequest, type EventStore, type IdempotencyRecord } from '../../server/store/port';
import { SqliteStore } from '../../server/store/sqlite';

const command = (stream: string, commandId: string, actor: string, count: number, key?: string): AppendRequest => ({
  stream,
  expected: 'no-stream',
  events: Array.from({ length: count }, (_, i) => ({
    type: 'Thing',
    data: { i },
    occurredAt: '2026-07-01T10:00:00+08:00',
    recordedAt: '2026-07-01T02:00:00.000Z',
    meta: { commandId, actor, correlationId: commandId },
  })),
  ...(key ? { idempotency: { key, digest: `d-${key}` } } : {}),
});

const ADMIN_KEY = subjectKey('admin', 'K-A');
const REP_KEY = subjectKey('R-1', 'K-A');

/**
 * The log, worked by hand:
 *   1     an unkeyed command (a random commandId finds no record)
 *   2, 3  admin's command under key K-A: one record, 'admin K-A' → [2, 3]
 *   4     R-1's command under the same key K-A, a different key for a different subject: 'R-1 K-A' → [4]
 *   5     a key stored before keys were scoped by subject: bare 'K-old' → [5]
 * so three records, each naming exactly the run of events that carry its key and sender.
 */
const seed = async (store: EventStore) => {
  await store.appendMany([
    command('s-1', 'c-random', 'admin', 1),
    command('s-2', 'K-A', 'admin', 2, ADMIN_KEY),
    command('s-3', 'K-A', 'R-1', 1, REP_KEY),
    command('s-4', 'K-old', 'R-2', 1, 'K-old'),
  ]);
  return store;
};

interface Kind {
  readonly name: string;
  open(): Promise<EventStore>;
  /** what an intruder with access to the keys does: set (or, with undefined, remove) a record's positions */
  edit(store: EventStore, key: string, positions: unknown): void;
}

const dir = mkdtempSync(join(tmpdir(), 'tally-keys-'));
let files = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const kinds: Kind[] = [
  {
    name: 'memory',
    open: async () => seed(new MemoryStore()),
    edit: (store, key, positions) => {
      const keys = (store as unknown as { keys: Map<string, IdempotencyRecord> }).keys;
      keys.set(key, { digest: keys.get(key)?.digest ?? 'forged', positions: positions as number[] });
    },
  },
  {
    name: 'sqlite',
    open: async () => seed(new SqliteStore(join(dir, `keys-${++files}.db`))),
    edit: (store, key, positions) => {
      const db = new Database((store as SqliteStore).path);
      const text = typeof positions === 'string' ? positions : JSON.stringify(positions);
      db.prepare("INSERT INTO idempotency (key, digest, positions) VALUES (?, 'forged', ?) ON CONFLICT (key) DO UPDATE SET positions = excluded.positions").run(key, text);
      db.close();
    },
  },
];

describe.each(kinds)('idempotency records against the chain ($name)', (kind) => {
  const after = async (key: string, positions: unknown) => {
    const store = await kind.open();
    try {
      kind.edit(store, key, positions);
      return await verifyKeys(store);
    } finally {
      await store.close();
    }
  };

  it('passes untouched records, the bare key of an older version too', async () => {
    const store = await kind.open();
    expect(await verifyKeys(store)).toEqual({ ok: true, keys: 3, listed: true });
    await store.close();
  });

  it("fails a record moved onto another subject's command of the same key", async () => {
    // event 4 carries K-A but was sent by R-1, so it is not admin's
    const r = await after(ADMIN_KEY, [4]);
    expect(r).toEqual({ ok: false, key: ADMIN_KEY, reason: expect.stringContaining('names position 4, which holds no event of that key and sender') });
  });

  it("fails a record cut to part of its command's events", async () => {
    expect(await after(ADMIN_KEY, [2])).toMatchObject({ ok: false, key: ADMIN_KEY, reason: expect.stringContaining('leaves out position 3') });
  });

  it('fails a record emptied, moved onto an unkeyed command, or made unreadable', async () => {
    expect(await after(REP_KEY, [])).toMatchObject({ ok: false, key: REP_KEY, reason: expect.stringContaining('names []') });
    expect(await after(REP_KEY, [1])).toMatchObject({ ok: false, key: REP_KEY, reason: expect.stringContaining('names position 1') });
    expect(await after(REP_KEY, 'not json')).toMatchObject({ ok: false, key: REP_KEY });
  });

  it('fails two records swapped, and a record forged for a key that appended nothing', async () => {
    const store = await kind.open();
    kind.edit(store, ADMIN_KEY, [4]);
    kind.edit(store, REP_KEY, [2, 3]);
    // records are looked at in key order, and 'R-1 K-A' sorts before 'admin K-A' (capitals first)
    expect(await verifyKeys(store)).toMatchObject({ ok: false, key: REP_KEY, reason: expect.stringContaining('names position 2') });
    await store.close();
    expect(await after(subjectKey('R-9', 'K-Z'), [5])).toMatchObject({ ok: false, key: subjectKey('R-9', 'K-Z'), reason: expect.stringContaining('names position 5') });
  });

  it('fails a second record naming a command another record already names', async () => {
    // event 4 carries commandId K-A, so a bare 'K-A' record would pass the per-record look: the count finds it (4 records, 3 commands)
    expect(await after('K-A', [4])).toEqual({ ok: false, key: '', reason: '4 idempotency records, but only 3 commands in the log carry their key' });
  });
});
