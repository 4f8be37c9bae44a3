// npm run chaos [-- --cycles N] [-- --seed S]: the kill -9 loop against a real `tally serve` on a
// SQLite file in a temporary directory. Exits non-zero on the first acknowledged event lost or
// moved, a gap, a failed verify or read models that differ from a fresh replay.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChaosRun, prng } from '../crash/cycles';

const arg = (flag: string, fallback: number) => {
  const i = process.argv.indexOf(flag);
  const n = i < 0 ? fallback : Number(process.argv[i + 1]);
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${flag}: expected a whole number ≥ 1`);
  return n;
};

const cycles = arg('--cycles', 10);
const seed = arg('--seed', Date.now() % 2 ** 31);
const dir = mkdtempSync(join(tmpdir(), 'tally-chaos-'));
const run = new ChaosRun(join(dir, 'tally.db'), prng(seed));
let failed = false;
try {
  await run.start();
  for (let n = 1; n <= cycles && !failed; n++) {
    const r = await run.cycle(n);
    console.log(`cycle ${n}/${cycles}: killed after ${r.killedAfterMs.toFixed(0)} ms, ${r.ackedThisCycle} acknowledged, log of ${r.head}: ${r.problems.length === 0 ? 'ok' : 'FAILED'}`);
    for (const p of r.problems) console.log(`  - ${p}`);
    failed = r.problems.length > 0;
  }
} finally {
  await run.stop();
  rmSync(dir, { recursive: true, force: true });
}
console.log(failed ? `chaos: FAILED (seed ${seed})` : `chaos: ${cycles} cycles, ${run.acked.length} acknowledged events, 0 lost (seed ${seed})`);
process.exit(failed ? 1 : 0);
