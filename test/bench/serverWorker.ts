// The server the HTTP rows load, in a child process: the same composition and server options as `tally serve` on
// the bench's SQLite file, on loopback only. Over IPC it reports its port and, when asked, its
// memory after a full GC (for the leak check) or its CPU time so far.
import { serve } from '@hono/node-server';
import { writeFileSync, writeSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import type { AddressInfo } from 'node:net';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { compose } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { fastReadsFirst } from '../../server/http/fastRead';
import { requestTimeouts } from '../../server/http/security/timeouts';

// no rate limit: the bench is one client at thousands of requests per second
const config = loadConfig({ ...process.env, TALLY_DEMO: '0', PORT: '0', TALLY_RATE_LIMIT: String(1e9) });
const tally = await compose(config);
const server = serve({ fetch: tally.app.fetch, port: 0, hostname: '127.0.0.1', serverOptions: requestTimeouts(config), createServer: fastReadsFirst(() => tally.app.readFast) });
await new Promise<void>((resolve) => server.once('listening', () => resolve()));

// garbage collections so far, each kind's count and pause, told with the CPU time (the bench's focus.ts gives them per answer)
const gc = { scavenges: 0, scavengeMs: 0, markCompacts: 0, markCompactMs: 0 };
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) {
    const { kind } = (e as PerformanceEntry & { detail: { kind: number } }).detail;
    if (kind === constants.NODE_PERFORMANCE_GC_MINOR) (gc.scavenges++, (gc.scavengeMs += e.duration));
    else if (kind === constants.NODE_PERFORMANCE_GC_MAJOR) (gc.markCompacts++, (gc.markCompactMs += e.duration));
  }
}).observe({ entryTypes: ['gc'] });

process.on('message', (m: { type: string }) => {
  if (m.type === 'cpu') void tellCpu();
  if (m.type === 'memory') {
    for (let i = 0; i < 3; i++) globalThis.gc?.();
    const store = (tally.deps.store as { stats?: { transactions: number; requests: number } }).stats;
    process.send!({ type: 'memory', ...process.memoryUsage(), position: tally.deps.projections.position, store: store && { ...store } });
  }
});
// BENCH_CPU_PROFILE=FILE: a CPU profile of the server under the bench's load, written as it stops
const profiling = process.env.BENCH_CPU_PROFILE ? await startProfile() : undefined;
process.on('disconnect', async () => {
  if (profiling) writeFileSync(process.env.BENCH_CPU_PROFILE!, JSON.stringify((await profiling.post('Profiler.stop')).profile));
  process.exit(0);
});

/** CPU time spent cutting the profile, left out of what tellCpu says. */
const cutting = { user: 0, system: 0 };

/** The CPU time so far and the collections; with BENCH_CPU_PROFILE_CUT the profile is cut there too (FILE-1, FILE-2, …), so the stretch between two readings has its own. */
async function tellCpu(): Promise<void> {
  if (profiling && process.env.BENCH_CPU_PROFILE_CUT) {
    const before = process.cpuUsage();
    await cutProfile();
    const spent = process.cpuUsage(before);
    cutting.user += spent.user;
    cutting.system += spent.system;
  }
  // a mark in stdout between the GC lines of --trace-gc, so a measured stretch can be cut out of them
  if (process.execArgv.some((a) => a.startsWith('--trace-gc'))) writeSync(1, `-- cpu mark ${performance.now().toFixed(0)} ms\n`);
  const { user, system } = process.cpuUsage();
  process.send!({ type: 'cpu', user: user - cutting.user, system: system - cutting.system, gc });
}

let cuts = 0;
async function cutProfile(): Promise<void> {
  const session = profiling!;
  const { profile } = await session.post('Profiler.stop');
  await session.post('Profiler.start');
  writeFileSync(`${process.env.BENCH_CPU_PROFILE}-${++cuts}`, JSON.stringify(profile));
}

async function startProfile(): Promise<Session> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  return session;
}
process.send!({ type: 'ready', port: (server.address() as AddressInfo).port, position: tally.deps.projections.position });
