// Runs in a child process of its own (so JIT state and RSS are its alone), one mode per run:
//   fold-floor DB   the floor: rows read untimed in chunks; timed: JSON.parse + a Map fold
//   fold DB         the same rows; timed: parse into events + World.apply of every read model
//   start-floor DB  the floor of a server start: bare SQLite read + JSON.parse + Map fold
//   ledger-bytes DB the sales ledger alone folded from the log: its heap and typed-array bytes per sale
//   start DB N      a server start (compose: the Projections runner folds the log), then RSS
//                   after GC, then N asOf queries beside the same query live
import Database from 'better-sqlite3';
import { allProjections } from '../../core/catalog';
import { recorded } from '../../core/events';
import { World } from '../../core/fold/world';
import { metricValue, salesLedgerProjection } from '../../core/ledger/salesLedger';
import { composeWith } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { mintToken } from '../../server/http/auth';
import { COLUMNS, rawToEvent, SqliteStore, type RawRow } from '../../server/store/sqlite';
import { LEADERBOARD_PATH, probe } from './queries';

const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
/**
 * The other answers SPEC §9 asks as of any past position: the goals (the list the goal tracker
 * reads: the bench goal is set late in the log, and a goal asked before it was set is a 404), a
 * review and a payout statement.
 */
const ASOF_OTHERS = ['/api/goals?period=2026', '/api/reviews/2026-Q2', '/api/payouts/R-001?period=2026-06'];
const CHUNK = 20_000;
const SETTINGS = { zone: 'Asia/Shanghai', currency: 'CNY' };

const settle = () => {
  for (let i = 0; i < 3; i++) globalThis.gc?.();
  return process.memoryUsage();
};

export interface FoldResult {
  readonly events: number;
  readonly perSecond: number;
  /** ms per read model over the first events, each folded alone (fold mode only) */
  readonly byReadModel?: Record<string, number>;
}

/** Rows in chunks, read untimed; `timed` is given each chunk and its time is summed. */
const chunked = (path: string, timed: (rows: RawRow[]) => void): number => {
  const db = new Database(path, { readonly: true });
  const page = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true);
  let ms = 0;
  for (let after = 0; ; ) {
    const rows = page.all(after, CHUNK) as RawRow[];
    if (rows.length === 0) break;
    const t0 = performance.now();
    timed(rows);
    ms += performance.now() - t0;
    after = rows[rows.length - 1][0];
  }
  db.close();
  return ms;
};

/** The bare fold every floor uses: revenue by rep. */
const bareFold = (revenue: Map<string, number>, type: string, data: { credits?: { repId: string; amount: number }[] }) => {
  const sign = type === 'SaleRecorded' ? 1 : type === 'SaleRefunded' ? -1 : 0;
  if (sign !== 0) for (const c of data.credits!) revenue.set(c.repId, (revenue.get(c.repId) ?? 0) + sign * c.amount);
};

const foldFloor = (path: string): FoldResult => {
  const revenue = new Map<string, number>();
  let events = 0;
  const ms = chunked(path, (rows) => {
    for (const r of rows) {
      bareFold(revenue, r[3], JSON.parse(r[4]));
      JSON.parse(r[7]);
    }
    events += rows.length;
  });
  return { events, perSecond: events / (ms / 1000) };
};

const fold = (path: string): FoldResult => {
  const world = new World(allProjections, SETTINGS);
  const ms = chunked(path, (rows) => {
    for (const r of rows) world.apply(rawToEvent(r));
  });
  // which read models the time goes to: each alone over the first chunks
  const sample: RawRow[] = [];
  chunked(path, (rows) => void (sample.length < 100_000 && sample.push(...rows)));
  const events = sample.map((r) => recorded(rawToEvent(r)));
  const byReadModel: Record<string, number> = {};
  for (const p of allProjections) {
    let s = p.init(SETTINGS);
    const t0 = performance.now();
    for (const e of events) s = p.apply(s, e);
    byReadModel[p.name] = performance.now() - t0;
  }
  return { events: world.position, perSecond: world.position / (ms / 1000), byReadModel };
};

export interface LedgerBytesResult {
  readonly sales: number;
  readonly bytes: number;
}

/** What the sales ledger holds per sale: the heap and array buffers it keeps, after GC, over the sales folded. */
const ledgerBytes = (path: string): LedgerBytesResult => {
  const held = () => {
    const m = settle();
    return m.heapUsed + m.arrayBuffers;
  };
  const before = held();
  const world = new World([salesLedgerProjection], SETTINGS);
  let sales = 0;
  chunked(path, (rows) => {
    for (const r of rows) {
      world.apply(rawToEvent(r));
      if (r[3] === 'SaleRecorded') sales++;
    }
  });
  const bytes = held() - before;
  if (world.get(salesLedgerProjection).data.rows === 0 && sales > 0) throw new Error('the ledger folded nothing');
  return { sales, bytes };
};

const startFloor = (path: string): FoldResult => {
  const db = new Database(path, { readonly: true });
  const revenue = new Map<string, number>();
  let events = 0;
  const t0 = performance.now();
  for (const r of db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`).raw(true).iterate() as Iterable<RawRow>) {
    bareFold(revenue, r[3], JSON.parse(r[4]));
    JSON.parse(r[7]);
    events++;
  }
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return { events, perSecond: events / seconds };
};

export interface StartResult extends FoldResult {
  readonly rssBytes: number;
  readonly heapBytes: number;
  readonly baselineRssBytes: number;
  readonly baselineHeapBytes: number;
  /** events kept in memory for asOf (those of the read models folded again) */
  readonly keptForAsOf: number;
  /** ms per asOf query (a new position each), and the same query live */
  readonly asOf: {
    readonly via: string;
    readonly samples: number[];
    readonly live: number[];
    readonly starts: Record<string, number>;
    readonly refolded: number[];
    /** ms per asOf query of the other answers SPEC §9 names, at the same instants (the World is the leaderboard's, cached) */
    readonly others: Record<string, number[]>;
  };
  readonly rssAfterAsOfBytes: number;
  readonly settledRssBytes: number;
}

const start = async (path: string, asOfSamples: number): Promise<StartResult> => {
  const { rss: baselineRss, heapUsed: baselineHeap } = settle();
  const config = loadConfig({ ...process.env, TALLY_JWT_SECRET: SECRET, TALLY_DEMO: '0', TALLY_STORE: `sqlite:${path}` });
  const t0 = performance.now();
  const tally = await composeWith(config, new SqliteStore(path));
  const seconds = (performance.now() - t0) / 1000;
  const { projections } = tally.deps;
  const events = projections.position;
  const mem = settle();
  // V8 hands memory back some time after a burst: what the same heap holds a few seconds on
  await new Promise((r) => setTimeout(r, 3000));
  const settledRss = settle().rss;

  // asOf: instants spread over the recorded range, seeded; each lands on a different position
  const token = await mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 3600 });
  const first = Date.parse((await tally.deps.store.readAll({ after: 0, limit: 1 }))[0].recordedAt);
  const last = Date.parse(projections.world.recordedAt);
  const viaHttp = (await probe(await tally.app.request(LEADERBOARD_PATH, { headers: { authorization: `Bearer ${token}` } }))).kind === 'ok';
  const query = async (asOf?: number, path = LEADERBOARD_PATH): Promise<number> => {
    const t = performance.now();
    if (viaHttp) {
      const sep = path.includes('?') ? '&' : '?';
      const res = await tally.app.request(asOf === undefined ? path : `${path}${sep}asOf=${new Date(asOf).toISOString()}`, { headers: { authorization: `Bearer ${token}` } });
      if (!res.ok) throw new Error(`asOf query answered ${res.status}: ${await res.text()}`);
      await res.arrayBuffer();
    } else {
      const world = asOf === undefined ? projections.world : await projections.worldAt(projections.positionAt(asOf));
      metricValue(world.get(salesLedgerProjection), 'company', 'revenue', '2026');
    }
    return performance.now() - t;
  };
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const samples: number[] = [];
  const live: number[] = [];
  // stop sampling after ~20 s, should asOf be slow
  const started = performance.now();
  const starts: Record<string, number> = {};
  const refolded: number[] = [];
  const others: Record<string, number[]> = Object.fromEntries(ASOF_OTHERS.map((p) => [p, []]));
  for (let i = 0; i < asOfSamples && (i < 3 || performance.now() - started < 20_000); i++) {
    const at = first + next() * (last - first);
    samples.push(await query(at));
    // how the runner made that World: assembled (a view), or cached
    const how = projections.lastAsOf;
    if (how) (starts[how.start] = (starts[how.start] ?? 0) + 1), refolded.push(how.refolded);
    if (viaHttp) for (const p of ASOF_OTHERS) others[p].push(await query(at, p));
    live.push(await query());
  }
  const after = settle().rss;
  await tally.close();
  return {
    events,
    perSecond: events / seconds,
    rssBytes: mem.rss,
    heapBytes: mem.heapUsed,
    baselineRssBytes: baselineRss,
    baselineHeapBytes: baselineHeap,
    keptForAsOf: projections.keptEvents,
    asOf: { via: viaHttp ? `GET ${LEADERBOARD_PATH}&asOf=…` : 'Projections.worldAt + metricValue (no asOf route mounted)', samples, live, starts, refolded, others },
    rssAfterAsOfBytes: after,
    settledRssBytes: settledRss,
  };
};

const [mode, path, samples] = process.argv.slice(2);
const result =
  mode === 'fold-floor' ? foldFloor(path) : mode === 'fold' ? fold(path) : mode === 'ledger-bytes' ? ledgerBytes(path) : mode === 'start-floor' ? startFloor(path) : await start(path, Number(samples ?? 20));
process.send!(result, () => process.exit(0));
