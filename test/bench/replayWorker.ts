// Runs in a child process of its own, so its RSS is the replay's alone:
//   floor DB   — the floor: read every row, bare JSON.parse + a Map fold (revenue by rep)
//   replay DB  — the server's start: compose on the SQLite file (every read model folded by the
//                Projections runner), then RSS after GC, then asOf queries beside live ones.
import Database from 'better-sqlite3';
import { metricValue, salesLedgerProjection } from '../../core/readModels/salesLedger';
import { composeWith } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { mintToken } from '../../server/http/auth';
import { SqliteStore } from '../../server/store/sqlite';
import { LEADERBOARD_PATH, probe } from './queries';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256';

const settle = () => {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage();
};

export interface FloorResult {
  readonly events: number;
  readonly perSecond: number;
  readonly rssBytes: number;
}

const floor = (path: string): FloorResult => {
  const baseline = settle().rss;
  const db = new Database(path, { readonly: true });
  const revenue = new Map<string, number>();
  let events = 0;
  const t0 = performance.now();
  for (const row of db.prepare('SELECT * FROM events ORDER BY position').iterate() as Iterable<{ type: string; data: string; meta: string }>) {
    const data = JSON.parse(row.data);
    JSON.parse(row.meta);
    events++;
    if (row.type === 'SaleRecorded') for (const c of data.credits) revenue.set(c.repId, (revenue.get(c.repId) ?? 0) + c.amount);
    else if (row.type === 'SaleRefunded') for (const c of data.credits) revenue.set(c.repId, (revenue.get(c.repId) ?? 0) - c.amount);
  }
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { events, perSecond: events / seconds, rssBytes: baseline };
};

export interface ReplayResult {
  readonly events: number;
  readonly perSecond: number;
  readonly rssBytes: number;
  readonly heapBytes: number;
  readonly baselineRssBytes: number;
  readonly baselineHeapBytes: number;
  /** ms per asOf query (uncached positions), and the same query live */
  readonly asOf: { readonly via: string; readonly samples: number[]; readonly live: number[] };
  readonly rssAfterAsOfBytes: number;
}

const replay = async (path: string, asOfSamples: number): Promise<ReplayResult> => {
  const { rss: baseline, heapUsed: baselineHeap } = settle();
  const config = loadConfig({ TALLY_JWT_SECRET: SECRET, TALLY_DEMO: '0', TALLY_STORE: `sqlite:${path}` });
  const t0 = performance.now();
  const tally = await composeWith(config, new SqliteStore(path));
  const seconds = (performance.now() - t0) / 1000;
  const { projections } = tally.deps;
  const events = projections.position;
  const mem = settle();

  // asOf: instants spread over the recorded range, seeded; each lands on a different position
  const token = await mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 3600 });
  const first = Date.parse((await tally.deps.store.readAll({ after: 0, limit: 1 }))[0].recordedAt);
  const last = Date.parse(projections.world.recordedAt);
  const viaHttp = (await probe(await tally.app.request(LEADERBOARD_PATH, { headers: { authorization: `Bearer ${token}` } }))).kind === 'ok';
  const query = async (asOf?: number): Promise<number> => {
    const t = performance.now();
    if (viaHttp) {
      const res = await tally.app.request(asOf === undefined ? LEADERBOARD_PATH : `${LEADERBOARD_PATH}&asOf=${new Date(asOf).toISOString()}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`asOf query answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    } else {
      const world = asOf === undefined ? projections.world : await projections.worldAt(projections.positionAt(asOf));
      metricValue(world.get(salesLedgerProjection), 'company', 'revenue', '2026');
    }
    return performance.now() - t;
  };
  let seed = 12345;
  const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const samples: number[] = [];
  const live: number[] = [];
  // without snapshots each asOf folds a prefix of the log: stop sampling after ~20 s of that
  const started = performance.now();
  for (let i = 0; i < asOfSamples && (i < 3 || performance.now() - started < 20_000); i++) {
    samples.push(await query(first + next() * (last - first)));
    live.push(await query());
  }
  const after = settle().rss;
  await tally.close();
  return {
    events,
    perSecond: events / seconds,
    rssBytes: mem.rss,
    heapBytes: mem.heapUsed,
    baselineRssBytes: baseline,
    baselineHeapBytes: baselineHeap,
    asOf: { via: viaHttp ? `GET ${LEADERBOARD_PATH}&asOf=…` : 'Projections.worldAt + metricValue (no asOf route mounted)', samples, live },
    rssAfterAsOfBytes: after,
  };
};

const [mode, path, samples] = process.argv.slice(2);
const result = mode === 'floor' ? floor(path) : await replay(path, Number(samples ?? 20));
process.send!(result, () => process.exit(0));
