// The HTTP rows: single durable commands, the leaderboard and a goal over HTTP at 50
// connections against the Tally server in a child process, each beside a bare node:http handler
// that returns the same status and JSON. Routes that are not mounted yet are reported as n/a.
import { benchCompany } from './data';
import { startChild, type Child } from './children';
import { load, type Load } from './http';
import { benchGoalCommand, describeProbe, GOAL_PATH, LEADERBOARD_PATH, probe } from './queries';
import { ms, notAvailable, perSecond, type Row } from './table';

export interface HttpContext {
  readonly db: string;
  readonly token: string;
  readonly secret: string;
  readonly seconds: number;
  readonly children: Child[];
  readonly log: (s: string) => void;
}

export interface ServerStats {
  readonly type: 'memory';
  readonly rss: number;
  readonly heapUsed: number;
  readonly position: number;
  readonly store?: { transactions: number; requests: number };
}

const COMMAND_TARGET = '≥ 5,000/s, p99 ≤ 20 ms';
const QUERY_TARGET = '≥ 15,000/s, p99 ≤ 10 ms';

/** A sale for an existing rep and customer of the data set, with a new order id each time. */
export const saleBodies = (events: number, tag: string): (() => string) => {
  const co = benchCompany(events);
  let n = 0;
  return () => {
    const c = co.customers[n % co.customers.length];
    return JSON.stringify({
      type: 'RecordSale',
      data: { orderId: `${tag}-${++n}`, customerId: c.customerId, repId: c.ownerRepId, lines: [{ product: 'CRM-STD', units: 1, amount: 480_000 }], occurredAt: '2026-11-20T10:00:00+08:00' },
    });
  };
};

/** A child's CPU time so far (user + system), in microseconds. */
const cpuOf = async (child: Child): Promise<number> => {
  const { user, system } = await child.ask<{ user: number; system: number }>({ type: 'cpu' }, 'cpu');
  return user + system;
};

/** Two runs of equal length as one: the mean rate, the worse p99. */
const combine = (runs: Load[]): Load => ({
  perSecond: runs.reduce((a, r) => a + r.perSecond, 0) / runs.length,
  p50: Math.max(...runs.map((r) => r.p50)),
  p99: Math.max(...runs.map((r) => r.p99)),
  ok: runs.reduce((a, r) => a + r.ok, 0),
  failed: runs.reduce((a, r) => a + r.failed, 0),
});

const describe = (l: Load) => `${perSecond(l.perSecond)}, p99 ${ms(l.p99)}${l.failed ? `, ${l.failed} failed` : ''}`;

/** The same load against the real server and the bare floor, the floor answering what the server answered. */
const measurePair = async (
  ctx: HttpContext,
  server: Child,
  what: string,
  target: string,
  spec: { path: string; method: 'GET' | 'POST'; body?: () => string },
  meets: (l: Load) => boolean,
): Promise<Row> => {
  const headers = { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' };
  const sample = await fetch(`${server.url}${spec.path}`, { method: spec.method, headers, body: spec.body?.() });
  const reply = { status: sample.status, body: await sample.text() };
  ctx.log(`${what}: warm-up, then ${ctx.seconds} s each against the server and the floor, alternating`);
  const floorServer = await startChild('./floorServer.ts');
  ctx.children.push(floorServer);
  await floorServer.ask({ type: 'reply', ...reply }, 'replying');
  const run = (base: string, seconds: number) => load({ url: `${base}${spec.path}`, method: spec.method, headers, body: spec.body, seconds });
  await run(server.url, 1);
  await run(floorServer.url, 1);
  // in halves, turn about, so both see the same load from whatever else runs on the machine; each
  // side's CPU time is read around its own runs, so CPU per answer does not depend on that load
  const halves: { measured: Load; floor: Load }[] = [];
  const cpu = { measured: 0, floor: 0 };
  const timed = async (child: Child, side: 'measured' | 'floor', seconds: number) => {
    const before = await cpuOf(child);
    const l = await run(child.url, seconds);
    cpu[side] += (await cpuOf(child)) - before;
    return l;
  };
  for (let i = 0; i < 2; i++) halves.push({ measured: await timed(server, 'measured', ctx.seconds / 2), floor: await timed(floorServer, 'floor', ctx.seconds / 2) });
  await floorServer.stop();
  const measured = combine(halves.map((h) => h.measured));
  const floor = combine(halves.map((h) => h.floor));
  const cpuPerAnswer = { measured: cpu.measured / Math.max(1, measured.ok), floor: cpu.floor / Math.max(1, floor.ok) };
  return {
    what,
    measured: describe(measured),
    target,
    floor: `${describe(floor)} bare node:http`,
    ratio: measured.perSecond / floor.perSecond,
    met: measured.failed === 0 && meets(measured),
    values: {
      perSecond: measured.perSecond,
      p99Ms: measured.p99,
      p50Ms: measured.p50,
      failed: measured.failed,
      floorPerSecond: floor.perSecond,
      floorP99Ms: floor.p99,
      cpuMicrosPerAnswer: cpuPerAnswer.measured,
      floorCpuMicrosPerAnswer: cpuPerAnswer.floor,
    },
    note: `server CPU ${cpuPerAnswer.measured.toFixed(0)} µs per 2xx answer, floor ${cpuPerAnswer.floor.toFixed(0)} µs (${(cpuPerAnswer.floor / cpuPerAnswer.measured).toFixed(2)} of the server's)`,
  };
};

export const httpRows = async (ctx: HttpContext, events: number): Promise<{ rows: Row[]; server: Child }> => {
  ctx.log('starting the server on the data set (it replays the log first)');
  const server = await startChild('./serverWorker.ts', { TALLY_STORE: `sqlite:${ctx.db}`, TALLY_JWT_SECRET: ctx.secret });
  ctx.children.push(server);
  const headers = { authorization: `Bearer ${ctx.token}`, 'content-type': 'application/json' };
  const rows: Row[] = [];

  const before = await server.ask<ServerStats>({ type: 'memory' }, 'memory');
  const command = await measurePair(ctx, server, 'single command over HTTP, durable, 50 connections', COMMAND_TARGET, { path: '/api/commands', method: 'POST', body: saleBodies(events, 'HTTP') }, (l) => l.perSecond >= 5000 && l.p99 <= 20);
  const after = await server.ask<ServerStats>({ type: 'memory' }, 'memory');
  const grouped = after.store && before.store ? (after.store.requests - before.store.requests) / Math.max(1, after.store.transactions - before.store.transactions) : undefined;
  rows.push({ ...command, note: grouped === undefined ? command.note : `${command.note}; group commit: ${grouped.toFixed(1)} commands per durable transaction on average` });

  const leaderboard = await probe(await fetch(`${server.url}${LEADERBOARD_PATH}`, { headers }));
  rows.push(
    leaderboard.kind === 'ok'
      ? await measurePair(ctx, server, 'leaderboard query over HTTP, 50 connections', QUERY_TARGET, { path: LEADERBOARD_PATH, method: 'GET' }, (l) => l.perSecond >= 15_000 && l.p99 <= 10)
      : notAvailable('leaderboard query over HTTP, 50 connections', QUERY_TARGET, describeProbe(leaderboard)),
  );

  const set = await fetch(`${server.url}/api/commands`, { method: 'POST', headers, body: JSON.stringify(benchGoalCommand) });
  const setText = await set.text();
  const goal = set.ok ? await probe(await fetch(`${server.url}${GOAL_PATH}`, { headers })) : undefined;
  rows.push(
    goal?.kind === 'ok'
      ? await measurePair(ctx, server, 'goal query over HTTP, 50 connections', QUERY_TARGET, { path: GOAL_PATH, method: 'GET' }, (l) => l.perSecond >= 15_000 && l.p99 <= 10)
      : notAvailable('goal query over HTTP, 50 connections', QUERY_TARGET, goal ? describeProbe(goal) : `SetGoal answered ${set.status}: ${setText.slice(0, 120)}`),
  );
  return { rows, server };
};
