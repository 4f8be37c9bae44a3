// A small runner for the write and read rows only, for profiling one change against another on a
// busy machine: server CPU time per answer over a fixed number of requests (which the machine's
// other load moves far less than a rate), beside the bare node:http floor's, plus the append
// ratio. Not the bench: no table, no targets.
//   node --import tsx test/bench/focus.ts [--events 100000] [--dir DIR] [--rows append,command,leaderboard,goal]
//        [--requests 20000] [--profile PREFIX] [--keep]    (a row may also be a path to GET, e.g. /livez)
// DIR keeps the data set between runs (written on first use, through the engine in batches of
// 100: that is the append row); each run's server works on a copy of it. With --profile, the
// server writes PREFIX-<row>.cpuprofile.
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
const profile = at('--profile');
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';
const say = (s: string) => process.stderr.write(`${s}\n`); // stdout carries the server's access log

mkdirSync(dir, { recursive: true });
const data = join(dir, `data-${events}.db`);
if (!existsSync(data) || rows.includes('append')) {
  rmSync(data, { force: true });
  const floorDb = join(dir, 'floor.db');
  for (const f of [floorDb, `${floorDb}-wal`, `${floorDb}-shm`]) rmSync(f, { force: true });
  const a = await measureAppend(data, floorDb, events);
  say(`append ${events}: engine ${a.engine.perSecond.toFixed(0)}/s, floor ${a.floor.perSecond.toFixed(0)}/s, ratio ${(a.engine.perSecond / a.floor.perSecond).toFixed(2)}`);
  for (const f of [floorDb, `${floorDb}-wal`, `${floorDb}-shm`]) rmSync(f, { force: true });
}

const cpuOf = async (child: Child) => {
  const { user, system } = await child.ask<{ user: number; system: number }>({ type: 'cpu' }, 'cpu');
  return user + system;
};

/** `n` requests at 50 connections; CPU µs per 2xx answer of the child, its rate and p99. */
const timed = async (child: Child, path: string, method: 'GET' | 'POST', headers: Record<string, string>, n: number, body?: () => string) => {
  const before = await cpuOf(child);
  const t0 = performance.now();
  const r = await autocannonFor(child.url + path, method, headers, n, body);
  const seconds = (performance.now() - t0) / 1000;
  const cpu = (await cpuOf(child)) - before;
  return `${(cpu / Math.max(1, r.ok)).toFixed(0)} µs CPU/answer, ${(r.ok / seconds).toFixed(0)}/s, p99 ${r.p99} ms${r.failed ? `, ${r.failed} failed` : ''}`;
};

const autocannonFor = async (url: string, method: 'GET' | 'POST', headers: Record<string, string>, amount: number, body?: () => string) => {
  const { default: autocannon } = await import('autocannon');
  const result = await autocannon({ url, connections: 50, amount, timeout: 10, requests: [{ method, headers, ...(body ? { setupRequest: (req) => ({ ...req, body: body() }) } : {}) }] });
  return { ok: result['2xx'], p99: result.latency.p99, failed: result.non2xx + result.errors + result.timeouts };
};

const token = await mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 3600 });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const work = mkdtempSync(join(tmpdir(), 'tally-focus-run-'));
const children: Child[] = [];
try {
  for (const row of rows.filter((r) => r !== 'append')) {
    const db = join(work, `${row}.db`);
    copyFileSync(data, db);
    const env: Record<string, string> = { TALLY_STORE: `sqlite:${db}`, TALLY_JWT_SECRET: SECRET, ...(profile ? { BENCH_CPU_PROFILE: `${profile}-${row.replace(/\W+/g, '_')}.cpuprofile` } : {}) };
    const server = await startChild('./serverWorker.ts', env);
    children.push(server);
    const floor = await startChild('./floorServer.ts');
    children.push(floor);
    if (row === 'goal') await fetch(`${server.url}/api/commands`, { method: 'POST', headers, body: JSON.stringify(benchGoalCommand) });
    // a row that is a path (`/livez`, `/api/goals`) is a GET of it
    const read = row.startsWith('/') ? row : row === 'goal' ? GOAL_PATH : LEADERBOARD_PATH;
    const spec = row === 'command' ? { path: '/api/commands', method: 'POST' as const, body: saleBodies(events, `F${Date.now()}`) } : { path: read, method: 'GET' as const };
    const sample = await fetch(server.url + spec.path, { method: spec.method, headers, body: spec.body?.() });
    await floor.ask({ type: 'reply', status: sample.status, body: await sample.text() }, 'replying');
    await autocannonFor(server.url + spec.path, spec.method, headers, Math.min(2000, requests), spec.body); // warm-up
    await autocannonFor(floor.url + spec.path, spec.method, headers, Math.min(2000, requests), spec.body);
    type Stats = { store?: { transactions: number; requests: number } };
    const before = await server.ask<Stats>({ type: 'memory' }, 'memory');
    const measured = await timed(server, spec.path, spec.method, headers, requests, spec.body);
    const after = await server.ask<Stats>({ type: 'memory' }, 'memory');
    const grouped = row === 'command' && before.store && after.store ? `; ${((after.store.requests - before.store.requests) / Math.max(1, after.store.transactions - before.store.transactions)).toFixed(1)} commands per durable transaction` : '';
    say(`${row}: server ${measured}${grouped}`);
    say(`${row}: floor  ${await timed(floor, spec.path, spec.method, headers, requests, spec.body)}`);
    await floor.stop();
    // disconnecting lets the server write its profile before it exits
    await new Promise((resolve) => (server.process.once('exit', resolve), server.process.disconnect()));
    children.length = 0;
  }
} finally {
  for (const c of children) c.process.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
  if (!at('--dir') && !argv.includes('--keep')) rmSync(dir, { recursive: true, force: true });
}
process.exit(0);
