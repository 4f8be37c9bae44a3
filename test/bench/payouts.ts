// Payout statements for every rep of the demo for every month of a year, as of now and as of a
// past moment (the asOf World just after the demo's plans were published, before the contest and
// badges). `payoutRows()` gives the bench table its rows; alone: `node --import tsx test/bench/payouts.ts`.
import { statementsForYear } from '../../core/incentives/readModels/payoutQueries';
import { composeWith } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { loadDemo } from '../../server/demo/load';
import { MemoryStore } from '../../server/store/memory';
import { ms, type Row } from './table';

const best = <T>(runs: number, f: () => T): { ms: number; result: T } => {
  let fastest = Infinity;
  let result!: T;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    result = f();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return { ms: fastest, result };
};

export interface PayoutTimes {
  readonly events: number;
  readonly reps: number;
  readonly statements: number;
  readonly nowMs: number;
  readonly pastMs: number;
  /** building the asOf World of that past moment, before the statements */
  readonly pastWorldMs: number;
}

export const measurePayouts = async (year = 2026, runs = 5): Promise<PayoutTimes> => {
  const config = loadConfig({ TALLY_JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256!', TALLY_DEMO: '0', TALLY_STORE: 'memory:' });
  const demoNow = new Date('2026-12-02T10:00:00+08:00');
  const tally = await composeWith(config, new MemoryStore(), () => demoNow);
  await loadDemo(tally.deps, demoNow, config.zone);
  const p = tally.deps.projections;
  await p.waitFor((await tally.deps.store.head()).position);
  statementsForYear(p.world, year); // warm up the JIT, so both figures are measured alike
  const now = best(runs, () => statementsForYear(p.world, year));
  const t0 = performance.now();
  const events = await tally.deps.store.readAll({ after: 0, limit: p.position });
  const lastPlan = Math.max(...events.filter((e) => e.type === 'IncentivePlanPublished').map((e) => e.position));
  const past = await p.worldAt(lastPlan);
  const pastWorldMs = performance.now() - t0;
  const then = best(runs, () => statementsForYear(past, year));
  await tally.close();
  return { events: p.position, reps: now.result.statements / 12, statements: now.result.statements, nowMs: now.ms, pastMs: then.ms, pastWorldMs };
};

export const payoutRows = async (): Promise<Row[]> => {
  const m = await measurePayouts();
  const what = (when: string) => `payout statements, ${m.statements} (every demo rep × 12 months), ${when}`;
  return [
    { what: what('as of now'), measured: ms(m.nowMs), target: '—', floor: '—', ratio: null, met: null },
    { what: what('as of a past moment (the plans just published)'), measured: `${ms(m.pastMs)} (+ ${ms(m.pastWorldMs)} to build the asOf World)`, target: '—', floor: '—', ratio: null, met: null },
  ];
};

if (import.meta.url === `file://${process.argv[1]}`) console.log(JSON.stringify(await measurePayouts()));
