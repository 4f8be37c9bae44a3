// Where a request's time goes inside the app, middleware by middleware: the server composed on a
// copy of a bench data set (written by focus.ts), then the same request through app.fetch one at
// a time. Each middleware's own time (before and after its next()) is clocked per request, and the
// median is reported: on a shared machine a request the scheduler preempts is an outlier, not a
// cost. It leaves out Node's HTTP parsing and socket writes (the floor's part) and uses a web
// Request where the Node adapter has a lighter one. Then the same read through the fast path that
// answers a kept read before the chain.
//   node --import tsx test/bench/chain.ts DATA.db [leaderboard|goal|command] [--requests 20000]
import { getRequestListener } from '@hono/node-server';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { SmartRouter } from 'hono/router/smart-router';
import { compose } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { mintToken } from '../../server/http/auth';
import { saleBodies } from './httpRows';
import { benchGoalCommand, GOAL_PATH, LEADERBOARD_PATH } from './queries';

const [data, row = 'leaderboard'] = process.argv.slice(2);
const requests = Number(process.argv.includes('--requests') ? process.argv[process.argv.indexOf('--requests') + 1] : 20_000);
const SECRET = 'bench-secret-that-is-long-enough-for-hs256';

interface Slot {
  readonly label: string;
  /** this request's own time so far */
  now: number;
  readonly times: number[];
}

// Every middleware (a route of method ALL: what app.use adds) is wrapped as the router takes it.
const slots: Slot[] = [];
const wrappers = new WeakMap<MiddlewareHandler, MiddlewareHandler>();
const wrap = (h: MiddlewareHandler, path: string): MiddlewareHandler => {
  const known = wrappers.get(h);
  if (known) return known;
  const slot: Slot = { label: `${String(slots.length).padStart(2)} ${path.padEnd(12)} ${h.toString().replace(/\s+/g, ' ').slice(0, 90)}`, now: 0, times: [] };
  slots.push(slot);
  const timed: MiddlewareHandler = async (c, next) => {
    let t = performance.now();
    await h(c, async () => {
      slot.now += performance.now() - t;
      await next();
      t = performance.now();
    });
    slot.now += performance.now() - t;
  };
  wrappers.set(h, timed);
  return timed;
};
const add = SmartRouter.prototype.add;
SmartRouter.prototype.add = function (this: SmartRouter<unknown>, method: string, path: string, handler: unknown) {
  const [h, route] = handler as [MiddlewareHandler, { method: string }];
  return add.call(this, method, path, route?.method === 'ALL' ? [wrap(h, path), route] : handler);
};

const work = mkdtempSync(join(tmpdir(), 'tally-chain-'));
copyFileSync(data, join(work, 'data.db'));
const config = loadConfig({ ...process.env, TALLY_DEMO: '0', PORT: '0', TALLY_RATE_LIMIT: String(1e9), TALLY_STORE: `sqlite:${join(work, 'data.db')}`, TALLY_JWT_SECRET: SECRET });
const tally = await compose(config);
getRequestListener(tally.app.fetch); // puts the Node adapter's light Response in place of the global one, as the server has it
const token = await mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 3600 });
const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };
const ask = (path: string, body?: string) => tally.app.fetch(new Request(`http://127.0.0.1${path}`, { method: body ? 'POST' : 'GET', headers, body }));
if (row === 'goal') await ask('/api/commands', JSON.stringify(benchGoalCommand));
const path = row === 'goal' ? GOAL_PATH : row === 'command' ? '/api/commands' : LEADERBOARD_PATH;
const bodies = saleBodies(100_000, `C${Date.now()}`);
const totals: number[] = [];
const once = async () => {
  for (const s of slots) s.now = 0;
  const t0 = performance.now();
  const r = await ask(path, row === 'command' ? bodies() : undefined);
  if (r.status >= 300) throw new Error(`${path} answered ${r.status}: ${await r.text()}`);
  await r.arrayBuffer();
  totals.push(performance.now() - t0);
  for (const s of slots) s.times.push(s.now);
};
for (let i = 0; i < Math.min(2000, requests); i++) await once();
for (const s of slots) s.times.length = 0;
totals.length = 0;
const c0 = process.cpuUsage();
for (let i = 0; i < requests; i++) await once();
const cpu = process.cpuUsage(c0);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] * 1000;
const total = median(totals);
const line = (us: number, what: string) => `${us.toFixed(1).padStart(6)} µs ${((100 * us) / total).toFixed(1).padStart(5)} %  ${what}`;
console.log(`${row} at ${tally.deps.projections.position} events, ${requests} requests through app.fetch: median ${total.toFixed(1)} µs each (${((cpu.user + cpu.system) / requests).toFixed(1)} µs CPU on average)`);
const parts = slots.filter((s) => s.times.length > 0).map((s) => ({ label: s.label, us: median(s.times) })).filter((p) => p.us > 0);
for (const p of parts.sort((a, b) => b.us - a.us)) console.log(line(p.us, p.label));
console.log(line(total - parts.reduce((a, p) => a + p.us, 0), 'the rest: the web Request, Hono routing and context, the route handler, reading the answer'));

// The same read through the fast path in front of the chain (fastRead.ts), on Node's own request
// and response objects over an unconnected socket: what it costs beside the chain's, without the
// socket's parsing and writing. The answer is kept by now, so every request is a hit.
if (row !== 'command') {
  const rawHeaders = ['Host', '127.0.0.1:3000', ...Object.entries(headers).flat()];
  const fastOnce = (): number => {
    const req = new IncomingMessage(new Socket());
    req.method = 'GET';
    req.url = path;
    req.rawHeaders = rawHeaders;
    const res = new ServerResponse(req);
    const t0 = performance.now();
    if (!tally.app.readFast(req, res)) throw new Error(`the fast path did not answer ${path}`);
    return performance.now() - t0;
  };
  for (let i = 0; i < Math.min(2000, requests); i++) fastOnce();
  const fast: number[] = [];
  const f0 = process.cpuUsage();
  for (let i = 0; i < requests; i++) fast.push(fastOnce());
  const fcpu = process.cpuUsage(f0);
  console.log(`the fast path: median ${median(fast).toFixed(1)} µs each (${((fcpu.user + fcpu.system) / requests).toFixed(1)} µs CPU on average, with Node's request and response objects)`);
}
await tally.close();
rmSync(work, { recursive: true, force: true });
process.exit(0);
