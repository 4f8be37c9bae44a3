// `tally verify` on a SQLite log, run as the operator runs it (node bin/tally.mjs verify): a
// one-byte edit is found naming its position; a log cut short at its tail, which is still a
// valid chain, is found against the signed checkpoint; so is a tail rewritten after the cut. The
// first checkpoint is signed only when asked (--init-checkpoint), and an edited idempotency record fails.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signCheckpoint } from '../../server/audit/checkpoint';
import { SqliteStore } from '../../server/store/sqlite';
import { seedCompany, testTally } from '../support/app';

const KEY = 'checkpoint-key-for-tests-only-0123456789';

const verify = (db: string, key?: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, ['bin/tally.mjs', 'verify', ...args], {
    env: { PATH: process.env.PATH, TALLY_STORE: `sqlite:${db}`, ...(key ? { TALLY_CHECKPOINT_KEY: key } : {}) },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Open a copy of the log the way an intruder with file access would: without the append-only triggers. */
const tamper = (db: string, sql: string) => {
  const d = new Database(db);
  d.exec('DROP TRIGGER IF EXISTS events_are_immutable; DROP TRIGGER IF EXISTS events_are_permanent;');
  d.exec(sql);
  d.close();
};

// Each case starts `tally verify` up to five times, a few seconds each on a busy 2-core machine.
describe('tally verify on a SQLite log', { timeout: 180_000 }, () => {
  let dir: string;
  let original: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-verify-'));
    original = join(dir, 'original.db');
    const store = new SqliteStore(original);
    const t = await testTally({ store });
    const admin = await seedCompany(t); // positions 1..6, the customer at 6
    for (let i = 1; i <= 4; i++) {
      // sales 1 and 2 under Idempotency-Keys: records 'admin sale-1' → [7], 'admin sale-2' → [8]
      const r = await t.post('RecordSale', { orderId: `O-${i}`, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 1000 * i }], occurredAt: '2026-07-01T10:00:00+08:00' }, admin, i <= 2 ? { 'idempotency-key': `sale-${i}` } : {});
      expect(r.status).toBe(201);
    }
    await t.close(); // positions 1..10, the WAL folded back into the file
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const copy = (name: string) => {
    const path = join(dir, name);
    copyFileSync(original, path);
    return path;
  };

  it('passes an untouched log and names the first bad position after a one-byte edit', () => {
    const db = copy('edited.db');
    const clean = verify(db);
    expect(clean.code).toBe(0);
    expect(clean.out).toContain('ok: 10 events');
    expect(clean.out).toContain('2 idempotency keys each bound to its command');
    tamper(db, `UPDATE events SET data = replace(data, '"Acme"', '"Acmf"') WHERE position = 6`);
    const edited = verify(db);
    expect(edited.code).toBe(1);
    expect(edited.err).toContain('FAILED at position 6');
    expect(edited.err).toContain('5 events before it are intact');
  });

  it('fails an idempotency record whose positions were edited, though the chain is intact', () => {
    const db = copy('keys.db');
    // the replay of sale-1 would now answer with sale 2's event (position 8) as if it were its own
    tamper(db, `UPDATE idempotency SET positions = '[8]' WHERE key = 'admin sale-1'`);
    const r = verify(db);
    expect(r.code).toBe(1);
    expect(r.err).toContain("FAILED: the idempotency record of key 'admin sale-1' names position 8, which holds no event of that key and sender");
    expect(r.err).toContain('the chain itself is intact: 10 events');
  });

  it("finds an idempotency record's body digest edited, or a record removed, since the checkpoint", () => {
    const db = copy('keydigest.db');
    expect(verify(db, KEY, '--init-checkpoint').code).toBe(0);
    const signed = JSON.parse(readFileSync(`${db}.checkpoint`, 'utf8'));
    expect(signed.keys).toMatch(/^[0-9a-f]{64}$/); // the records of sale-1 (position 7) and sale-2 (8)
    const digestEdited = copy('keydigest-edited.db');
    copyFileSync(`${db}.checkpoint`, `${digestEdited}.checkpoint`);
    // a replay of sale-1 with another body would now answer with sale 1's event instead of 409
    tamper(digestEdited, `UPDATE idempotency SET digest = 'forged' WHERE key = 'admin sale-1'`);
    expect(verify(digestEdited).code).toBe(0); // what the chain alone cannot see
    const edited = verify(digestEdited, KEY);
    expect(edited.code).toBe(1);
    expect(edited.err).toContain('the idempotency records of positions 1–10 are not those the checkpoint signed');
    const removed = copy('keydigest-removed.db');
    copyFileSync(`${db}.checkpoint`, `${removed}.checkpoint`);
    // without its record, a retried sale-2 would be appended a second time
    tamper(removed, `DELETE FROM idempotency WHERE key = 'admin sale-2'`);
    expect(verify(removed, KEY).err).toContain('not those the checkpoint signed');
  });

  it('still checks a checkpoint signed before checkpoints covered the keys', () => {
    const db = copy('oldcheckpoint.db');
    expect(verify(db, KEY, '--init-checkpoint').code).toBe(0);
    const { position, hash, signedAt } = JSON.parse(readFileSync(`${db}.checkpoint`, 'utf8'));
    writeFileSync(`${db}.checkpoint`, JSON.stringify(signCheckpoint(KEY, position, hash, signedAt)));
    const r = verify(db, KEY);
    expect(r.code).toBe(0);
    expect(r.out).toContain('still holds');
    expect(JSON.parse(readFileSync(`${db}.checkpoint`, 'utf8')).keys).toMatch(/^[0-9a-f]{64}$/); // the next one covers them
  });

  it('signs the first checkpoint only when told to: a missing one may have been deleted', () => {
    const db = copy('init.db');
    const refused = verify(db, KEY);
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('REFUSED: no checkpoint');
    expect(refused.err).toContain('--init-checkpoint');
    expect(existsSync(`${db}.checkpoint`)).toBe(false);
    const init = verify(db, KEY, '--init-checkpoint');
    expect(init.code).toBe(0);
    expect(JSON.parse(readFileSync(`${db}.checkpoint`, 'utf8'))).toMatchObject({ position: 10 });
    // from then on the file is there and the flag is not needed
    expect(verify(db, KEY).code).toBe(0);
  });

  it('finds a tail cut short, which the chain alone cannot, against the signed checkpoint', () => {
    const db = copy('truncated.db');
    const first = verify(db, KEY, '--init-checkpoint');
    expect(first.code).toBe(0);
    const checkpoint = JSON.parse(readFileSync(`${db}.checkpoint`, 'utf8'));
    expect(checkpoint).toMatchObject({ position: 10, hash: expect.stringMatching(/^[0-9a-f]{64}$/), mac: expect.stringMatching(/^[0-9a-f]{64}$/) });

    tamper(db, 'DELETE FROM events WHERE position > 8');
    // what remains is a perfectly valid chain: without the key nothing looks wrong
    const keyless = verify(db);
    expect(keyless.code).toBe(0);
    expect(keyless.out).toContain('was not checked');
    const cut = verify(db, KEY);
    expect(cut.code).toBe(1);
    expect(cut.err).toContain('FAILED at position 9');
    expect(cut.err).toContain('ends at position 8');
    expect(cut.err).toContain('removed from its tail');
    // the failed run signs nothing: the evidence stays
    expect(JSON.parse(readFileSync(`${db}.checkpoint`, 'utf8'))).toEqual(checkpoint);
  });

  it('finds a tail rewritten to the same length, and a checkpoint edited or signed with another key', async () => {
    const db = copy('rewritten.db');
    expect(verify(db, KEY, '--init-checkpoint').code).toBe(0);
    tamper(db, 'DELETE FROM events WHERE position > 9');
    // append a different 10th event through the store, so the chain itself is valid again
    const t = await testTally({ store: new SqliteStore(db) });
    expect((await t.post('CreateTeam', { teamId: 'T-9', name: 'Ghost' }, await t.token('admin'))).status).toBe(201);
    await t.close();
    expect(verify(db).code).toBe(0);
    const rewritten = verify(db, KEY);
    expect(rewritten.code).toBe(1);
    expect(rewritten.err).toContain('FAILED at position 10');
    expect(rewritten.err).toContain('history was rewritten');

    const forged = JSON.parse(readFileSync(`${db}.checkpoint`, 'utf8'));
    writeFileSync(`${db}.checkpoint`, JSON.stringify({ ...forged, position: 3 }));
    const edited = verify(db, KEY);
    expect(edited.code).toBe(1);
    expect(edited.err).toContain('not signed with TALLY_CHECKPOINT_KEY');
    writeFileSync(`${db}.checkpoint`, JSON.stringify(forged));
    expect(verify(db, `${KEY}-but-another`).code).toBe(1);
  });

  it('refuses a checkpoint key shorter than 32 bytes, and signs nothing for it', () => {
    const db = copy('shortkey.db');
    const r = verify(db, 'short');
    expect(r.code).toBe(2);
    expect(r.err).toContain('TALLY_CHECKPOINT_KEY');
    expect(existsSync(`${db}.checkpoint`)).toBe(false);
  });
});
