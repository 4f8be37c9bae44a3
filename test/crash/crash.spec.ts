// Crash safety of the SQLite store under a real server (SPEC §2: an acknowledged append survives
// kill -9): a couple of kill -9 cycles with 16 concurrent writers, a disk that fills up, and a WAL
// torn or corrupted at its last page. `npm run chaos -- --cycles 50` runs the loop longer.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ChaosRun, prng } from './cycles';
import { diskFills, walDamaged } from './faults';

const dir = mkdtempSync(join(tmpdir(), 'tally-crash-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('crash safety of the SQLite store', () => {
  it('given 16 clients recording sales, when the server is killed with -9 and restarted, then every acknowledged event is there with its position and hash, gap-free, verified, and the read models equal a fresh replay', async () => {
    // A fixed seed, so a failure repeats; TALLY_CHAOS_SEED tries another (npm run chaos draws one each run).
    const seed = Number(process.env.TALLY_CHAOS_SEED ?? 20_261_127);
    console.info(`kill -9 cycles with seed ${seed} (TALLY_CHAOS_SEED=${seed} repeats them)`);
    const run = new ChaosRun(join(dir, 'chaos.db'), prng(seed));
    try {
      await run.start();
      for (let n = 1; n <= 2; n++) {
        const r = await run.cycle(n);
        expect(r.problems, `cycle ${n} (seed ${seed})`).toEqual([]);
        expect(r.ackedThisCycle).toBeGreaterThan(0);
      }
    } finally {
      await run.stop();
    }
  }, 120_000);

  it('given a disk that fills up (a tmpfs where one can be mounted, else a file-size limit), when clients keep writing, then they get 503 problem+json and nothing acknowledged is lost', async () => {
    const r = await diskFills(join(dir, 'full'));
    expect(r.problems).toEqual([]);
    expect(r.refused).toBeGreaterThan(0);
  }, 120_000);

  it.each(['truncate', 'corrupt'] as const)('given a WAL whose last page is damaged (%s) after a crash, when the server restarts, then it starts on a gap-free, verified log of acknowledged events and goes on', async (damage) => {
    const r = await walDamaged(join(dir, `wal-${damage}.db`), damage);
    expect(r.problems).toEqual([]);
    expect(r.after).toBeGreaterThan(0);
  }, 120_000);
});
