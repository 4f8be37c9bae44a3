// The SQLite file's schema version (PRAGMA user_version) and its migrations: a file made before
// versions were kept is numbered and keeps its log; a file from a newer Tally is refused with one
// message and left as it was; migrations run in order, each once.
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyLog } from '../../../server/audit/verifyLog';
import { StoreConfigError } from '../../../server/store/port';
import { openStore } from '../../../server/store/select';
import { SqliteStore } from '../../../server/store/sqlite';
import { migrate, MIGRATIONS, SCHEMA_VERSION, SchemaVersionError, type Migration } from '../../../server/store/sqliteSchema';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'tally-schema-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const versionOf = (path: string): number => {
  const db = new Database(path, { readonly: true });
  try {
    return db.pragma('user_version', { simple: true }) as number;
  } finally {
    db.close();
  }
};

const team = (id: string) => ({ type: 'TeamCreated', data: { teamId: id, name: id, managerId: 'M-1' }, occurredAt: '2026-11-27T02:00:00.000Z', recordedAt: '2026-11-27T02:00:00.000Z', meta: { commandId: `c-${id}`, actor: 'admin', correlationId: `c-${id}` } });

describe('the SQLite schema version', () => {
  it('numbers a new file with the latest version', async () => {
    const path = join(dir, 'new.db');
    await new SqliteStore(path).close();
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length); // versions 1, 2, … without gaps
    expect(versionOf(path)).toBe(SCHEMA_VERSION);
  });

  it('opens a file made before versions were kept (user_version 0): its log is kept and intact, and it is numbered', async () => {
    // write a log with the current code, then put the file back to version 0, as files made before this change are
    const path = join(dir, 'old.db');
    const first = new SqliteStore(path);
    await first.appendMany([{ stream: 'tally-team-T-1', expected: 'no-stream', events: [team('T-1')] }, { stream: 'tally-team-T-2', expected: 'no-stream', events: [team('T-2')] }]);
    await first.close();
    const raw = new Database(path);
    raw.pragma('user_version = 0');
    raw.close();
    expect(versionOf(path)).toBe(0);

    const reopened = new SqliteStore(path);
    expect(versionOf(path)).toBe(SCHEMA_VERSION);
    expect((await reopened.readAll()).map((e) => e.data)).toEqual([team('T-1').data, team('T-2').data]);
    expect(await verifyLog(reopened)).toMatchObject({ ok: true, count: 2 });
    // still append-only: the triggers are there
    await reopened.close();
    const check = new Database(path);
    expect(() => check.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    check.close();
  });

  it('refuses a file from a newer Tally with one message naming both versions, and changes nothing', async () => {
    const path = join(dir, 'newer.db');
    await new SqliteStore(path).close();
    const raw = new Database(path);
    raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    raw.close();
    expect(() => new SqliteStore(path)).toThrow(SchemaVersionError);
    expect(() => new SqliteStore(path)).toThrow(`has schema version ${SCHEMA_VERSION + 1}, and this Tally knows versions up to ${SCHEMA_VERSION}`);
    expect(versionOf(path)).toBe(SCHEMA_VERSION + 1);
    // through TALLY_STORE, the CLI's configuration error (one line, exit 2)
    const refused = await openStore(`sqlite:${path}`).then(() => undefined, (e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreConfigError);
  });

  it('applies the migrations after the file\'s version, in order, each once', () => {
    const applied: number[] = [];
    const db = new Database(':memory:');
    db.function('applied', (v: number) => applied.push(v));
    const steps: Migration[] = [1, 2, 3].map((version) => ({ version, why: `step ${version}`, sql: `SELECT applied(${version}); CREATE TABLE t${version} (x);` }));
    expect(migrate(db, ':memory:', steps.slice(0, 1))).toEqual({ from: 0, to: 1 });
    expect(migrate(db, ':memory:', steps)).toEqual({ from: 1, to: 3 });
    expect(migrate(db, ':memory:', steps)).toEqual({ from: 3, to: 3 });
    expect(applied).toEqual([1, 2, 3]);
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name LIKE 't_' ORDER BY name").pluck().all()).toEqual(['t1', 't2', 't3']);
    db.close();
  });

  it('leaves the version where it was when a migration fails, so the next open tries it again', () => {
    const db = new Database(':memory:');
    const steps: Migration[] = [
      { version: 1, why: 'fine', sql: 'CREATE TABLE a (x);' },
      { version: 2, why: 'broken', sql: 'CREATE TABLE b (x); CREATE TABLE a (x);' },
    ];
    expect(() => migrate(db, ':memory:', steps)).toThrow(/already exists/);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    // version 2's first statement was rolled back with it
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'b'").pluck().all()).toEqual([]);
    db.close();
  });
});
