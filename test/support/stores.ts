// The stores an API or log test runs on, so a spec whose answer depends on the store (idempotency,
// verify, restart) runs the same assertions on memory and on SQLite: `describe.each(TEST_STORES)`.
// Each kind can also rewrite an event behind the store's back, as someone with the file would.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { StoredEvent } from '../../core/shared/envelope';
import { canonicalJson } from '../../server/store/hashChain';
import { MemoryStore } from '../../server/store/memory';
import type { EventStore } from '../../server/store/port';
import { SqliteStore } from '../../server/store/sqlite';

export interface TestStoreKind {
  readonly name: 'memory' | 'sqlite';
  /** a fresh, empty store */
  open(): EventStore;
  /** the same log opened again, as after a restart (durable stores only) */
  readonly reopen?: (previous: EventStore) => EventStore;
  /** replace the event at `position` by `edit(event)`, bypassing everything that guards the log */
  tamper(store: EventStore, position: number, edit: (e: StoredEvent) => StoredEvent): Promise<void>;
}

let scratch: string | undefined;
let files = 0;
const sqliteFile = () => join((scratch ??= mkdtempSync(join(tmpdir(), 'tally-test-store-'))), `log-${++files}.db`);

/** Removes the SQLite files this process made; call from afterAll. */
export const removeTestStores = () => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
};

const memory: TestStoreKind = {
  name: 'memory',
  open: () => new MemoryStore(),
  // The memory store hands out the very objects it holds, so an edit of one is an edit of the log.
  tamper: async (store, position, edit) => {
    const [held] = await store.readAll({ after: position - 1, limit: 1 });
    Object.assign(held, edit(held));
  },
};

const sqlite: TestStoreKind = {
  name: 'sqlite',
  open: () => new SqliteStore(sqliteFile()),
  reopen: (previous) => new SqliteStore((previous as SqliteStore).path),
  // Another connection to the file drops the append-only triggers, rewrites the row, and puts them back.
  tamper: async (store, position, edit) => {
    const [before] = await store.readAll({ after: position - 1, limit: 1 });
    const e = edit(before);
    const db = new Database((store as SqliteStore).path);
    try {
      const triggers = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'events'").pluck().all() as string[];
      db.transaction(() => {
        db.exec('DROP TRIGGER events_are_immutable; DROP TRIGGER events_are_permanent;');
        db.prepare('UPDATE events SET stream = ?, revision = ?, type = ?, data = ?, occurred_at = ?, recorded_at = ?, meta = ?, prev_hash = ?, hash = ? WHERE position = ?').run(
          e.stream, e.revision, e.type, canonicalJson(e.data), e.occurredAt, e.recordedAt, canonicalJson(e.meta), e.prevHash, e.hash, position,
        );
        for (const sql of triggers) db.exec(sql);
      })();
    } finally {
      db.close();
    }
  },
};

export const TEST_STORES: readonly TestStoreKind[] = [memory, sqlite];
