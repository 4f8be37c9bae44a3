// The SQLite store's schema, as an ordered list of migrations. The file's PRAGMA user_version is
// the last one applied (0: a file made before versions were kept, or a new one); opening a file
// applies the ones after it, each in its own write transaction, so a file is always at one known
// version. A file whose version is newer than this code knows is refused, not guessed at: an
// older Tally could misread or damage what a newer one wrote.
import type Database from 'better-sqlite3';
import { StoreConfigError } from './port';

export interface Migration {
  readonly version: number;
  /** what it changes and why, for the reader of this list */
  readonly why: string;
  readonly sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    why: 'the log (gap-free positions, one row per event with its hash-chain link), idempotency records, and triggers refusing UPDATE and DELETE of events. IF NOT EXISTS: a file from before versions were kept has exactly this and is only numbered',
    sql: `
CREATE TABLE IF NOT EXISTS events (
  position    INTEGER PRIMARY KEY,
  stream      TEXT NOT NULL,
  revision    INTEGER NOT NULL,
  type        TEXT NOT NULL,
  data        TEXT NOT NULL,
  occurred_at TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  meta        TEXT NOT NULL,
  prev_hash   TEXT NOT NULL,
  hash        TEXT NOT NULL,
  UNIQUE (stream, revision)
);
CREATE TABLE IF NOT EXISTS idempotency (
  key       TEXT PRIMARY KEY,
  digest    TEXT NOT NULL,
  positions TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS events_are_immutable BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE refused'); END;
CREATE TRIGGER IF NOT EXISTS events_are_permanent BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE refused'); END;
`,
  },
];

export const SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1].version;

/** A configuration error (the CLI says it in one line, exit 2): the file is not one this code may open. */
export class SchemaVersionError extends StoreConfigError {}

const versionOf = (db: Database.Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Brings the file to the last migration's version; returns the versions it found and left. Each
 * migration runs in a BEGIN IMMEDIATE transaction that reads the version again, so two processes
 * opening one old file apply each migration once.
 */
export const migrate = (db: Database.Database, path: string, migrations: readonly Migration[] = MIGRATIONS): { from: number; to: number } => {
  const from = versionOf(db);
  const known = migrations.length === 0 ? 0 : migrations[migrations.length - 1].version;
  if (from > known)
    throw new SchemaVersionError(
      `${path} has schema version ${from}, and this Tally knows versions up to ${known}: it was written by a newer Tally. Run that version (or newer) on it, or restore a backup this version made; nothing was changed`,
    );
  for (const m of migrations) {
    if (m.version <= from) continue;
    db.transaction(() => {
      if (versionOf(db) >= m.version) return; // another process applied it meanwhile
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    }).immediate();
  }
  return { from, to: versionOf(db) };
};
