// Several Tally instances on one EventStoreDB test server, over real HTTP: in-process ones (two
// composed apps, each with its own EsdbStore, on loopback ports) and child processes that can be
// killed with SIGKILL. Plus the HTTP helpers and load writers the multi-instance tests share.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import type { World } from '../../core/fold/world';
import type { StoredEvent } from '../../core/shared/envelope';
import { composeWith, type Tally } from '../../server/compose';
import { loadConfig } from '../../server/config';
import { mintToken } from '../../server/http/auth';
import { openStore } from '../../server/store/select';

export const SECRET = 'multi-instance-test-secret-of-enough-length';
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

const env = (store: string): Record<string, string> => ({
  TALLY_STORE: store,
  TALLY_DEMO: '0',
  TALLY_JWT_SECRET: SECRET,
  TALLY_RATE_LIMIT: '0',
  LOG_LEVEL: 'silent',
});

export interface Instance {
  readonly url: string;
  /** in-process instances only */
  readonly tally?: Tally;
  close(): Promise<void>;
}

/** A Tally composed in this process on its own EsdbStore, served on a loopback port. */
export const startInstance = async (store: string, extra: Record<string, string> = {}): Promise<Instance> => {
  const config = loadConfig({ ...env(store), ...extra });
  const tally = await composeWith(config, await openStore(store));
  const server = serve({ fetch: tally.app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    tally,
    close: async () => {
      // open SSE responses would hold close() forever
      (server as Server).closeAllConnections();
      await new Promise((r) => server.close(r));
      await tally.close();
    },
  };
};

export interface ChildInstance extends Instance {
  readonly child: ChildProcess;
}

/** `node bin/tally.mjs serve` in a child process, resolved once it listens. */
export const spawnInstance = async (store: string, extra: Record<string, string> = {}): Promise<ChildInstance> => {
  const child = spawn(process.execPath, ['bin/tally.mjs', 'serve'], {
    cwd: ROOT,
    env: { ...process.env, ...env(store), PORT: '0', HOST: '127.0.0.1', ...extra },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`tally serve did not start: ${output}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on http:\/\/localhost:(\d+)/.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`tally serve exited with ${code}: ${output}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    child,
    close: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      await once(child, 'exit');
    },
  };
};

export const adminToken = () => mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 3600 });

export interface Posted {
  readonly status: number;
  readonly body: { events?: StoredEvent[]; detail?: string };
}

export const post = async (base: string, token: string, type: string, data: unknown, key?: string): Promise<Posted> => {
  const res = await fetch(`${base}/api/commands`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...(key ? { 'idempotency-key': key } : {}) },
    body: JSON.stringify({ type, data }),
  });
  return { status: res.status, body: await res.json() };
};

export const getJson = async <T>(base: string, token: string, path: string): Promise<T> => {
  const res = await fetch(`${base}${path}`, { headers: { authorization: `Bearer ${token}` } });
  if (!res.ok) throw new Error(`GET ${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
};

export const positionOf = async (base: string): Promise<number> => ((await (await fetch(`${base}/health`)).json()) as { position: number }).position;

/** Waits until every instance's read models have folded `position`. */
export const allAt = async (bases: readonly string[], position: number, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  for (;;) {
    const at = await Promise.all(bases.map(positionOf));
    if (at.every((p) => p === position)) return;
    if (Date.now() > end) throw new Error(`instances at ${at.join(', ')}, expected ${position}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

/** The whole log as one instance serves it (GET /api/events, paged). */
export const logOf = async (base: string, token: string): Promise<StoredEvent[]> => {
  const out: StoredEvent[] = [];
  for (let after = 0; ; ) {
    const page = await getJson<{ events: StoredEvent[]; next: number | null }>(base, token, `/api/events?after=${after}&limit=1000`);
    out.push(...page.events);
    if (page.next === null) return out;
    after = page.next;
  }
};

/** Teams, reps and customers for the sales the writers record. */
export const seed = async (base: string, token: string): Promise<void> => {
  const commands: [string, unknown][] = [
    ['CreateTeam', { teamId: 'T-1', name: 'East' }],
    ['CreateTeam', { teamId: 'T-2', name: 'North' }],
    ...['R-1', 'R-2', 'R-3', 'R-4'].map((repId, i): [string, unknown] => ['AddRep', { repId, name: `Rep ${repId}`, teamId: i < 2 ? 'T-1' : 'T-2', joinedAt: '2025-01-01' }]),
    ...['C-1', 'C-2', 'C-3', 'C-4'].map((customerId, i): [string, unknown] => ['RegisterCustomer', { customerId, name: `Customer ${customerId}`, ownerRepId: `R-${i + 1}` }]),
  ];
  for (const [type, data] of commands) {
    const r = await post(base, token, type, data);
    if (r.status !== 201) throw new Error(`seed ${type}: ${r.status} ${JSON.stringify(r.body)}`);
  }
};

export const sale = (orderId: string, i: number) => ({
  orderId,
  customerId: `C-${(i % 4) + 1}`,
  repId: `R-${(i % 4) + 1}`,
  lines: [{ product: 'CRM-PRO', units: 1 + (i % 3), amount: 10_000 + i }],
  occurredAt: '2026-11-20T10:00:00+08:00',
});

/** What each acknowledged command appended, by its Idempotency-Key. */
export type Acknowledged = Map<string, readonly StoredEvent[]>;

/**
 * The log holds every acknowledged command exactly once, as acknowledged, at gap-free positions
 * from 1. Returns a description of what is wrong, or undefined.
 */
export const checkLog = (log: readonly StoredEvent[], acknowledged: Acknowledged): string | undefined => {
  const gap = log.findIndex((e, i) => e.position !== i + 1);
  if (gap >= 0) return `position ${log[gap].position} at index ${gap}`;
  const byCommand = new Map<string, StoredEvent[]>();
  for (const e of log) byCommand.set(e.meta.commandId, [...(byCommand.get(e.meta.commandId) ?? []), e]);
  for (const [key, events] of acknowledged) {
    const inLog = byCommand.get(key);
    if (!inLog) return `acknowledged ${key} is not in the log`;
    if (inLog.length !== events.length) return `${key} appears ${inLog.length} times for ${events.length} events`;
    if (inLog.some((e, i) => e.hash !== events[i].hash || e.position !== events[i].position)) return `${key} is in the log, but not as acknowledged`;
  }
  return undefined;
};

/** A stable fingerprint of every read model's state, to compare replays across instances. */
export const fingerprint = (world: World): string =>
  JSON.stringify(
    world.projections.map((p) => [p.name, world.get(p)]),
    (_key, value: unknown) => {
      if (value instanceof Map) return ['Map', [...value.entries()].sort(([a], [b]) => (String(a) < String(b) ? -1 : 1))];
      if (value instanceof Set) return ['Set', [...value].sort()];
      if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>);
      return value;
    },
  );

/**
 * Messages of GET /api/stream on one instance, parsed as they arrive. `until(position)` resolves
 * with the arrival time (performance.now()) of the first message at or past that position.
 */
export const sseClient = async (base: string, token: string) => {
  const controller = new AbortController();
  const res = await fetch(`${base}/api/stream`, { headers: { authorization: `Bearer ${token}` }, signal: controller.signal });
  if (!res.ok || !res.body) throw new Error(`GET /api/stream: ${res.status}`);
  const arrivals: { position: number; at: number }[] = [];
  const waiting: { position: number; resolve: (at: number) => void }[] = [];
  let ready!: () => void;
  const isReady = new Promise<void>((r) => (ready = r));
  void (async () => {
    let buffer = '';
    const decoder = new TextDecoder();
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (/^event: ready/m.test(frame)) ready();
          const data = /^data: (.*)$/m.exec(frame)?.[1];
          if (!data || /^event: /m.test(frame)) continue;
          const at = performance.now();
          const { position } = JSON.parse(data) as { position: number };
          arrivals.push({ position, at });
          for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i].position <= position) waiting.splice(i, 1)[0].resolve(at);
        }
      }
    } catch {
      // aborted
    }
  })();
  await isReady;
  return {
    arrivals,
    until: (position: number) =>
      new Promise<number>((resolve) => {
        const hit = arrivals.find((a) => a.position >= position);
        if (hit) resolve(hit.at);
        else waiting.push({ position, resolve });
      }),
    close: () => controller.abort(),
  };
};
