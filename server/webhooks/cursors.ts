// Where each webhook's delivery stands, durably: a small SQLite file of its own beside the store
// (`<store file>.webhooks`; ./data/tally.webhooks for EventStoreDB; in memory for memory:). Not in
// the log: a delivery is not a business fact, and an event per delivery would grow the log with its
// own echo. Not in the store's file: that file is append-only (triggers refuse UPDATE), versioned,
// and what backup, export and verify read. Each acknowledgement is one durable transaction
// (synchronous=FULL), so after a restart or a kill -9 delivery resumes after the last position a
// receiver acknowledged: at least once, never skipping. The file also holds a lease, so of several
// servers sharing it (instances on one SQLite store) one delivers at a time, keeping order.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export interface Cursor {
  readonly webhookId: string;
  /** every event up to here is acknowledged or not taken by the webhook */
  readonly position: number;
  /** the last position a receiver acknowledged (null: none yet) */
  readonly lastDelivered: number | null;
  /** failed attempts since the last acknowledgement */
  readonly failures: number;
  readonly lastError: string | null;
  /** no attempt before this (epoch ms) */
  readonly nextAttemptMs: number;
}

interface Row { webhook_id: string; position: number; last_delivered: number | null; failures: number; last_error: string | null; next_attempt_ms: number }

const toCursor = (r: Row): Cursor => ({ webhookId: r.webhook_id, position: r.position, lastDelivered: r.last_delivered, failures: r.failures, lastError: r.last_error, nextAttemptMs: r.next_attempt_ms });

/** The cursor file of a store: beside a SQLite file, ./data for EventStoreDB, none (memory) for memory:. */
export const cursorFileOf = (storeSpec: string): string => {
  if (storeSpec.startsWith('memory')) return ':memory:';
  if (storeSpec.startsWith('sqlite:')) return `${storeSpec.slice('sqlite:'.length)}.webhooks`;
  return './data/tally.webhooks';
};

export class CursorStore {
  private opened: Database.Database | undefined;

  /** The file is opened (and made) on first use, so CLI commands that compose Tally never create it. */
  constructor(private readonly path: string) {}

  private get db(): Database.Database {
    return (this.opened ??= this.open());
  }

  private open(): Database.Database {
    const path = this.path;
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    const db = new Database(path);
    if (path !== ':memory:') db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 5000');
    db.exec(`
      CREATE TABLE IF NOT EXISTS webhook_cursor (
        webhook_id TEXT PRIMARY KEY, position INTEGER NOT NULL, last_delivered INTEGER,
        failures INTEGER NOT NULL DEFAULT 0, last_error TEXT, next_attempt_ms INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS delivery_lease (id INTEGER PRIMARY KEY CHECK (id = 1), holder TEXT NOT NULL, until_ms INTEGER NOT NULL);`);
    return db;
  }

  /** The webhook's cursor; a new webhook starts after the position it was registered at. */
  get(webhookId: string, startAfter: number): Cursor {
    this.db.prepare('INSERT OR IGNORE INTO webhook_cursor (webhook_id, position) VALUES (?, ?)').run(webhookId, startAfter);
    return toCursor(this.db.prepare('SELECT * FROM webhook_cursor WHERE webhook_id = ?').get(webhookId) as Row);
  }

  /** Events up to `position` need nothing (not taken by the webhook). */
  skip(webhookId: string, position: number): void {
    this.db.prepare('UPDATE webhook_cursor SET position = max(position, ?) WHERE webhook_id = ?').run(position, webhookId);
  }

  /** A receiver acknowledged the event at `position`. */
  delivered(webhookId: string, position: number): void {
    this.db.prepare('UPDATE webhook_cursor SET position = ?, last_delivered = ?, failures = 0, next_attempt_ms = 0 WHERE webhook_id = ?').run(position, position, webhookId);
  }

  failed(webhookId: string, error: string, nextAttemptMs: number): void {
    this.db.prepare('UPDATE webhook_cursor SET failures = failures + 1, last_error = ?, next_attempt_ms = ? WHERE webhook_id = ?').run(error.slice(0, 1000), nextAttemptMs, webhookId);
  }

  /** Takes or renews the delivery lease for `holder` until `untilMs`; false while another holds it. */
  lease(holder: string, nowMs: number, untilMs: number): boolean {
    const r = this.db
      .prepare('INSERT INTO delivery_lease (id, holder, until_ms) VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET holder = excluded.holder, until_ms = excluded.until_ms WHERE delivery_lease.holder = excluded.holder OR delivery_lease.until_ms < ?')
      .run(holder, untilMs, nowMs);
    return r.changes > 0;
  }

  release(holder: string): void {
    if (!this.opened) return;
    this.db.prepare('DELETE FROM delivery_lease WHERE holder = ?').run(holder);
  }

  close(): void {
    this.opened?.close();
    this.opened = undefined;
  }
}
