// The cost of asOf at scale: `probeAsOf(projections, …)` times World-as-of-a-moment for seeded
// moments spread over the recorded range and says how each was made (assembled from the ledger's
// view and the other read models' own events, or from the cache) — for the bench table. Run on
// its own against a store:
//   node --expose-gc --import tsx test/bench/asOfProbe.ts PATH.db [samples]
import { salesLedgerProjection, metricValue } from '../../core/ledger/salesLedger';
import type { World } from '../../core/fold/world';
import type { Projections } from '../../server/projections/runner';

export interface AsOfSample {
  readonly position: number;
  readonly ms: number;
  readonly start: 'cache' | 'view';
  /** events folded again (those of the read models but the sales ledger) */
  readonly refolded: number;
}

export interface AsOfProbe {
  readonly samples: AsOfSample[];
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** events kept in memory for asOf */
  readonly kept: number;
}

const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))];
};

/** A query as cheap as a leaderboard cell, so the figure is the World's cost, not the query's. */
const defaultQuery = (w: World) => metricValue(w.get(salesLedgerProjection), 'company', 'revenue', '2026');

export const probeAsOf = async (
  projections: Projections,
  o: { readonly first: number; readonly last: number; readonly samples?: number; readonly seed?: number; readonly query?: (w: World) => unknown; readonly budgetMs?: number },
): Promise<AsOfProbe> => {
  let seed = o.seed ?? 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples: AsOfSample[] = [];
  const started = performance.now();
  for (let i = 0; i < (o.samples ?? 20) && (i < 3 || performance.now() - started < (o.budgetMs ?? 60_000)); i++) {
    const position = projections.positionAt(o.first + next() * (o.last - o.first));
    const t0 = performance.now();
    (o.query ?? defaultQuery)(await projections.worldAt(position));
    const ms = performance.now() - t0;
    const how = projections.lastAsOf;
    samples.push({ position, ms, start: how?.position === position ? how.start : 'cache', refolded: how?.position === position ? how.refolded : 0 });
  }
  const ms = samples.map((s) => s.ms);
  return { samples, p50: percentile(ms, 50), p95: percentile(ms, 95), max: Math.max(...ms), kept: projections.keptEvents };
};

if (process.argv[1]?.endsWith('asOfProbe.ts')) {
  const { SqliteStore } = await import('../../server/store/sqlite');
  const { Projections } = await import('../../server/projections/runner');
  const [path, n] = process.argv.slice(2);
  const store = new SqliteStore(path);
  const projections = new Projections(store, { zone: 'Asia/Shanghai', currency: 'CNY' });
  const t0 = performance.now();
  await projections.start();
  const startMs = performance.now() - t0;
  globalThis.gc?.();
  const rss = process.memoryUsage().rss;
  const first = Date.parse((await store.readAll({ after: 0, limit: 1 }))[0].recordedAt);
  const last = Date.parse(projections.world.recordedAt);
  const probe = await probeAsOf(projections, { first, last, samples: Number(n ?? 10), budgetMs: 300_000 });
  globalThis.gc?.();
  console.log(JSON.stringify({ events: projections.position, startSeconds: +(startMs / 1000).toFixed(1), rssMiB: Math.round(rss / 2 ** 20), rssAfterMiB: Math.round(process.memoryUsage().rss / 2 ** 20), ...probe }, null, 1));
  await store.close();
}
