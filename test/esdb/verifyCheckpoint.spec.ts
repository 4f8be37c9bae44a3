// `TALLY_CHECKPOINT_KEY=… tally verify` on an EventStoreDB store, run as an operator runs it from
// any directory: the checkpoint goes to ./data/tally.checkpoint, or to TALLY_CHECKPOINT_PATH, and
// the directory is created (it used to fail with ENOENT on ./data/tally.checkpoint.tmp).
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { createTeam } from '../support/esdb/fixture';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';

const KEY = 'checkpoint-key-for-tests-only-0123456789';
const TALLY = resolve(__dirname, '..', '..', 'bin', 'tally.mjs');
const run = promisify(execFile);

describe('tally verify with TALLY_CHECKPOINT_KEY on EventStoreDB', { timeout: 60_000 }, () => {
  let esdb: EsdbTestServer;
  let dir: string;
  let store: string;

  beforeAll(async () => {
    esdb = await startEsdbTestServer();
    store = `${esdb.url}&stream=tally-log-verify`;
    const s = await openEsdbStore(store);
    // Three commands: positions 1, 2, 3.
    for (const n of [1, 2, 3]) await s.appendMany([createTeam(n, false)]);
    await s.close();
    dir = mkdtempSync(join(tmpdir(), 'tally-esdb-verify-'));
  });

  afterAll(async () => {
    await esdb?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const verify = (cwd: string, env: Record<string, string>) =>
    run(process.execPath, [TALLY, 'verify', '--init-checkpoint'], { cwd, env: { PATH: process.env.PATH, TALLY_STORE: store, TALLY_CHECKPOINT_KEY: KEY, ...env }, encoding: 'utf8' });

  it('signs into ./data/tally.checkpoint of a directory without data/, and into TALLY_CHECKPOINT_PATH, creating each directory', async () => {
    const bare = mkdtempSync(join(dir, 'cwd-'));
    const chosen = join(dir, 'audit', 'esdb', 'tally.checkpoint');
    const [plain, pathed] = await Promise.all([verify(bare, {}), verify(dir, { TALLY_CHECKPOINT_PATH: chosen })]);
    expect(plain.stdout).toContain('ok: 3 events, chain intact');
    expect(plain.stdout).toContain('signed checkpoint: position 3');
    expect(JSON.parse(readFileSync(join(bare, 'data', 'tally.checkpoint'), 'utf8'))).toMatchObject({ position: 3 });
    expect(pathed.stdout).toContain(`signed checkpoint: position 3, head`);
    expect(pathed.stdout).toContain(chosen);
    expect(JSON.parse(readFileSync(chosen, 'utf8'))).toMatchObject({ position: 3 });
    // TALLY_CHECKPOINT_PATH replaces ./data: nothing was written there.
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});
