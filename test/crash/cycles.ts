// The kill -9 loop: start → 16 concurrent writers → kill -9 at a random moment → restart → check
// that nothing acknowledged was lost or moved. Used by `npm run chaos` and, with a small count,
// by the crash tests in `npm test`.
import { adminToken, logProblems, readLog, readModelAnswers, seedCompany, sleep, startWriters, verify, writeSome, type Acked } from './client';
import { startTally, type RunningTally } from './server';

export interface CycleResult {
  readonly cycle: number;
  readonly ackedThisCycle: number;
  readonly killedAfterMs: number;
  readonly head: number;
  readonly problems: string[];
}

/** A small seeded PRNG, so a failing run can be repeated with its seed. */
export const prng = (seed: number) => () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);

const firstDifference = (a: Record<string, unknown>, b: Record<string, unknown>): string | undefined => {
  for (const k of new Set([...Object.keys(a), ...Object.keys(b)]))
    if (JSON.stringify(a[k]) !== JSON.stringify(b[k])) return `${k}: after restart ${JSON.stringify(b[k])?.slice(0, 200)} ≠ before ${JSON.stringify(a[k])?.slice(0, 200)}`;
  return undefined;
};

export class ChaosRun {
  private server?: RunningTally;
  private token = '';
  readonly acked: Acked[] = [];

  constructor(
    readonly dbPath: string,
    private readonly random: () => number,
  ) {}

  async start(): Promise<void> {
    this.token = await adminToken();
    this.server = await startTally(this.dbPath);
    await seedCompany(this.server.url, this.token);
  }

  get url(): string {
    return this.server!.url;
  }

  /** One cycle: writers, kill -9 at a random moment, restart, checks, then the replay check. */
  async cycle(n: number): Promise<CycleResult> {
    const writing = startWriters(this.url, this.token, `c${n}`);
    const t0 = performance.now();
    while (writing.acked.length === 0 && performance.now() - t0 < 20_000) await sleep(5);
    await sleep(this.random() * 600);
    const killedAfterMs = performance.now() - t0;
    await this.server!.kill();
    await writing.done;
    this.acked.push(...writing.acked);
    this.server = await startTally(this.dbPath);

    const problems = writing.refusals.map((r) => `a write was refused with ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`).slice(0, 3);
    const log = await readLog(this.url, this.token);
    problems.push(...logProblems(log, this.acked));
    const verdict = await verify(this.url, this.token);
    if (!verdict.ok || verdict.count !== log.length) problems.push(`audit/verify: ${JSON.stringify(verdict)} for a log of ${log.length}`);
    problems.push(...(await this.replayCheck(n)));
    return { cycle: n, ackedThisCycle: writing.acked.length, killedAfterMs, head: log.length, problems };
  }

  /**
   * Read models kept up incrementally must equal a fresh replay: write a little on top of the
   * restarted server, read every mounted read route, kill -9, restart (a fresh fold), read again.
   */
  private async replayCheck(n: number): Promise<string[]> {
    const more = await writeSome(this.url, this.token, `c${n}-after`);
    this.acked.push(...more.acked);
    const incremental = await readModelAnswers(this.url, this.token);
    await this.server!.kill();
    this.server = await startTally(this.dbPath);
    const fresh = await readModelAnswers(this.url, this.token);
    const diff = firstDifference(incremental, fresh);
    const refused = more.refusals.slice(0, 3).map((r) => `a write after the restart was refused with ${r.status}: ${JSON.stringify(r.body).slice(0, 200)}`);
    return [...refused, ...(diff ? [`read models differ from a fresh replay — ${diff}`] : [])];
  }

  async stop(): Promise<void> {
    await this.server?.kill();
  }
}
