// tally backup: a copy of a SQLite store taken while it is open for writing, whose chain verifies
// and whose head is the head copied; it writes only a new file, and says what it cannot copy.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite';
import { seedCompany, testTally } from '../support/app';

const BIN = join(__dirname, '../../bin/tally.mjs');
const dir = mkdtempSync(join(tmpdir(), 'tally-backup-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const tally = (store: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, env: { PATH: process.env.PATH, TALLY_STORE: store }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('tally backup', () => {
  it('copies the store while it is open, and the copy is the same log', async () => {
    const path = join(dir, 'live.db');
    const store = new SqliteStore(path);
    const t = await testTally({ store, now: '2026-11-27T10:00:00+08:00' });
    await seedCompany(t); // the store stays open, as under a running server
    const head = await store.head();
    expect(head.position).toBeGreaterThan(3);

    const r = tally(`sqlite:${path}`, 'backup', '--out', join(dir, 'copy.db'));
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain(`backed up ${head.position} events, chain intact, head ${head.hash}`);
    const copy = new SqliteStore(join(dir, 'copy.db'));
    expect(await copy.head()).toEqual(head);
    expect((await copy.readAll({ after: 0, limit: 1000 })).map((e) => e.hash)).toEqual((await store.readAll({ after: 0, limit: 1000 })).map((e) => e.hash));
    await copy.close();
    expect(existsSync(join(dir, 'copy.db.partial'))).toBe(false);
    const verified = tally(`sqlite:${join(dir, 'copy.db')}`, 'verify');
    expect([verified.code, verified.out]).toEqual([0, expect.stringContaining(`ok: ${head.position} events, chain intact`)]);
    await store.close();
  }, 120_000);

  it('writes only a new file, and names what it cannot copy', () => {
    writeFileSync(join(dir, 'taken.db'), 'not mine');
    const taken = tally(`sqlite:${join(dir, 'live.db')}`, 'backup', '--out', join(dir, 'taken.db'));
    expect([taken.code, taken.err.split('\n')[0]]).toEqual([2, `tally backup: ${join(dir, 'taken.db')} exists already; tally backup writes a new file`]);
    const memory = tally('memory:', 'backup', '--out', join(dir, 'm.db'));
    expect([memory.code, memory.err.split('\n')[0]]).toEqual([2, expect.stringContaining('tally backup copies a SQLite store')]);
    const missing = tally(`sqlite:${join(dir, 'live.db')}`, 'backup');
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([2, 'tally backup: --out FILE is needed: where the copy goes']);
  }, 120_000);
});
