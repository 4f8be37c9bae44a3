// A small runner for the write and read rows only, for profiling one change against another on a
// busy machine: server CPU time per answer over a fixed number of requests (which the machine's
// other load moves far less than a rate), beside the bare node:http floor's, plus the append
// ratio. Not the bench: no table, no targets.
//   node --import tsx test/bench/focus.ts [--events 100000] [--dir DIR] [--rows append,command,leaderboard,goal]
//        [--requests 20000 | --seconds 8] [--profile PREFIX] [--keep]    (a row may also be a path to GET, e.g. /livez)
//        [--db FILE] [--node-flags "--trace-gc ..."] [--one-server] [--metrics]
// DIR keeps the data set between runs (written on first use, through the engine in batches of
// 100: that is the append row); each run's server works on a copy of it. With --profile, the
// server writes PREFIX-<row>.cpuprofile. --db FILE measures an existing data set (e.g. the bench's
// kept 1,000,000 events) instead; --node-flags are given to the server's node (e.g. --trace-gc);
// --one-server runs the rows in turn against one server, as the bench does. With --requests the
// rate is coarse (autocannon notices the last answer on its once-a-second tick, so up to a second of
// nothing is timed); --seconds runs each measurement for that long, as the bench does, and its rate holds.
// --metrics prints autocannon's latency percentiles, and the server's own histograms for the command
// route, its appends and its durable transactions over the measured stretch (where a tail comes from).
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mintToken } from '../../server/http/auth';
import { measureAppend } from './append';
import { startChild, type Child } from './children';
import { load } from './http';
import { saleBodies } from './httpRows';
import { benchGoalCommand, GOAL_PATH, LEADERBOARD_PATH } from './queries';

const argv = process.argv.slice(2);
const at = (flag: string) => (argv.includes(flag) ? argv[argv.indexOf(flag) + 1] : undefined);
const events = Number(at('--events') ?? 100_000);
const dir = at('--dir') ?? mkdtempSync(join(tmpdir(), 'tally-focus-'));
const rows = (at('--rows') ?? 'append,command,leaderboard,goal').split(',');
const requests = Number(at('--requests') ?? 20_000);
const seconds = at('--seconds') === undefined ? undefined : Number(at('--seconds'));
// the command row's latency histograms, from the server's /metrics and from autocannon
const showMetrics = argv.includes('--metrics');
const profile = at('--profile');
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const say = (s: string) => process.stderr.write(`${s}\n`); // stdout carries the server's access log

mkdirSync(dir, { recursive: true });
const data = at('--db') ?? join(dir, `data-${events}.db`);
const nodeFlags = (at('--node-flags') ?? '').split(' ').filter(Boolean);
// as the bench does: the rows in turn against one server, so a read is measured on the heap the writes before it left
const oneServer = argv.includes('--one-server');
if (!at('--db') && (!existsSync(data) || rows.includes('append'))) {
  rmSync(data, { force: true });
  const floorDb = join(dir, 'floor.db');
  for (const f of [floorDb, `${floorDb}-wal`, `${floorDb}-shm`]) rmSync(f, { force: true });
  const a = await measureAppend(data, floorDb, events);
  say(`append ${events}: engine ${a.engine.perSecond.toFixed(0)}/s, floor ${a.floor.perSecond.toFixed(0)}/s, ratio ${(a.engine.perSecond / a.floor.perSecond).toFixed(2)}${a.cpu ? `; CPU µs/event: engine ${a.cpu.engineMain.toFixed(1)} on the main thread, ${a.cpu.engineAll.toFixed(1)} in all threads; floor ${a.cpu.floor.toFixed(1)}` : ''}`);
  for (const f of [floorDb, `${floorDb}-wal`, `${floorDb}-shm`]) rmSync(f, { force: true });
}

interface Gc {
  scavenges: number;
  scavengeMs: number;
  markCompacts: number;
  markCompactMs: number;
}

/** A child's CPU time so far and, from the server, its garbage collections so far. */
const cpuOf = async (child: Child) => {
  const { user, system, gc } = await child.ask<{ user: number; system: number; gc?: Gc }>({ type: 'cpu' }, 'cpu');
  return { us: user + system, system, gc: gc && { ...gc } };
};

const perTenThousand = (n: number, answers: number) => ((n * 10_000) / Math.max(1, answers)).toFixed(1);
const gcBetween = (before: Gc | undefined, after: Gc | undefined, answers: number) =>
  before && after
    ? `; per 10,000 answers ${perTenThousand(after.scavenges - before.scavenges, answers)} scavenges (${perTenThousand(after.scavengeMs - before.scavengeMs, answers)} ms) and ${perTenThousand(after.markCompacts - before.markCompacts, answers)} mark-compacts (${perTenThousand(after.markCompactMs - before.markCompactMs, answers)} ms)`
    : '';

/** `n` requests (or `seconds` of them) at 50 connections; CPU µs per 2xx answer of the child, its rate and p99. */
const timed = async (child: Child, path: string, method: 'GET' | 'POST', headers: Record<string, string>, n: number, body?: () => string) => {
  const before = await cpuOf(child);
  const t0 = performance.now();
  const r = await load({ url: child.url + path, method, headers, body, ...(seconds === undefined ? { amount: n } : { seconds }) });
  const rate = seconds === undefined ? r.ok / ((performance.now() - t0) / 1000) : r.perSecond;
  const after = await cpuOf(child);
  if (showMetrics) say(`latency ms ${JSON.stringify(r.latency)}`);
  const per = (us: number) => (us / Math.max(1, r.ok)).toFixed(0);
  return `${per(after.us - before.us)} µs CPU/answer (${per(after.system - before.system)} in the kernel), ${rate.toFixed(0)}/s, p50 ${r.p50} p99 ${r.p99} ms${r.failed ? `, ${r.failed} failed` : ''}${gcBetween(before.gc, after.gc, r.ok)}`;
};

/** The command route's, the appends' and the transactions' latency histograms from the server's /metrics. */
const metricsOf = async (url: string) => {
  const text = await (await fetch(`${url}/metrics`, { headers })).text();
  const m = new Map<string, number>();
  for (const line of text.split('\n')) {
    const x = /^(tally_http_request_duration_seconds_bucket\{[^}]*route="\/api\/commands"[^}]*status="201"[^}]*\}|tally_(commit|append)_duration_seconds_(bucket\{[^}]*\}|count|sum)) (\S+)$/.exec(line);
    if (x) m.set(x[1], Number(x[4]));
  }
  return m;
};
const metricsDelta = (a: Map<string, number>, b: Map<string, number>) =>
  [...b].map(([k, v]) => `${k.replace(/method="POST",|route="\/api\/commands",|status="201",?/g, '')} ${v - (a.get(k) ?? 0)}`).join('\n');

const token = await mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 3600 });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const work = mkdtempSync(join(tmpdir(), 'tally-focus-run-'));
const children: Child[] = [];
try {
  let shared: Child | undefined;
  const serverFor = async (row: string): Promise<Child> => {
    if (shared) return shared;
    const name = oneServer ? 'all' : row;
    const db = join(work, `${name}.db`);
    // the write-ahead log too: what the data set's last transactions wrote may be only there
    copyFileSync(data, db);
    if (existsSync(`${data}-wal`)) copyFileSync(`${data}-wal`, `${db}-wal`);
    const env: Record<string, string> = { TALLY_STORE: `sqlite:${db}`, TALLY_JWT_SECRET: SECRET, ...(profile ? { BENCH_CPU_PROFILE: `${profile}-${name.replace(/\W+/g, '_')}.cpuprofile` } : {}) };
    const server = await startChild('./serverWorker.ts', env, 600_000, nodeFlags);
    children.push(server);
    if (oneServer) shared = server;
    return server;
  };
  const stopServer = (server: Child) => new Promise((resolve) => (server.process.once('exit', resolve), server.process.disconnect()));
  for (const row of rows.filter((r) => r !== 'append')) {
    const server = await serverFor(row);
    const floor = await startChild('./floorServer.ts');
    children.push(floor);
    if (row === 'goal') await fetch(`${server.url}/api/commands`, { method: 'POST', headers, body: JSON.stringify(benchGoalCommand) });
    // a row that is a path (`/livez`, `/api/goals`) is a GET of it
    const read = row.startsWith('/') ? row : row === 'goal' ? GOAL_PATH : LEADERBOARD_PATH;
    const spec = row === 'command' ? { path: '/api/commands', method: 'POST' as const, body: saleBodies(events, `F${Date.now()}`) } : { path: read, method: 'GET' as const };
    const sample = await fetch(server.url + spec.path, { method: spec.method, headers, body: spec.body?.() });
    await floor.ask({ type: 'reply', status: sample.status, body: await sample.text() }, 'replying');
    const warmUp = { method: spec.method, headers, body: spec.body, amount: Math.min(2000, requests) };
    await load({ url: server.url + spec.path, ...warmUp });
    await load({ url: floor.url + spec.path, ...warmUp });
    type Stats = { store?: { transactions: number; requests: number } };
    const before = await server.ask<Stats>({ type: 'memory' }, 'memory');
    const m0 = showMetrics && row === 'command' ? await metricsOf(server.url) : undefined;
    const measured = await timed(server, spec.path, spec.method, headers, requests, spec.body);
    const after = await server.ask<Stats>({ type: 'memory' }, 'memory');
    if (m0) say(metricsDelta(m0, await metricsOf(server.url)));
    const grouped = row === 'command' && before.store && after.store ? `; ${((after.store.requests - before.store.requests) / Math.max(1, after.store.transactions - before.store.transactions)).toFixed(1)} commands per durable transaction` : '';
    say(`${row}: server ${measured}${grouped}`);
    say(`${row}: floor  ${await timed(floor, spec.path, spec.method, headers, requests, spec.body)}`);
    await floor.stop();
    children.splice(children.indexOf(floor), 1);
    // disconnecting lets the server write its profile before it exits
    if (!oneServer) await stopServer(server);
    if (!oneServer) children.length = 0;
  }
  if (shared) await stopServer(shared);
  children.length = 0;
} finally {
  for (const c of children) c.process.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
  if (!at('--dir') && !argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
