// The crash tests' side of the wire: a small company, concurrent writers that keep what the server
// acknowledged, and the checks after a restart — every acknowledged event at its position with its
// hash, positions gap-free, the chain verified, read models equal to a fresh replay.
import { mintToken } from '../../server/http/auth';
import { CRASH_SECRET } from './server';

export const WRITERS = 16;

export interface Acked {
  readonly position: number;
  readonly hash: string;
  readonly orderId: string;
}

export interface LoggedEvent {
  readonly position: number;
  readonly hash: string;
  readonly type: string;
  readonly data: { orderId?: string };
}

export const adminToken = () => mintToken(CRASH_SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 3600 });

const call = async (url: string, token: string, path: string, init: { method?: string; body?: unknown } = {}) => {
  const res = await fetch(`${url}${path}`, {
    method: init.method ?? 'GET',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  return { status: res.status, type: res.headers.get('content-type') ?? '', body: (await res.json()) as any };
};

/** One team per eight reps, one customer per rep. */
export const seedCompany = async (url: string, token: string): Promise<void> => {
  const commands = [
    { type: 'CreateTeam', data: { teamId: 'T-A', name: 'A' } },
    { type: 'CreateTeam', data: { teamId: 'T-B', name: 'B' } },
    ...Array.from({ length: WRITERS }, (_, i) => ({ type: 'AddRep', data: { repId: `R-${i + 1}`, name: `Rep ${i + 1}`, teamId: i < WRITERS / 2 ? 'T-A' : 'T-B', joinedAt: '2025-01-01' } })),
    ...Array.from({ length: WRITERS }, (_, i) => ({ type: 'RegisterCustomer', data: { customerId: `C-${i + 1}`, name: `Customer ${i + 1}`, ownerRepId: `R-${i + 1}` } })),
  ];
  const r = await call(url, token, '/api/commands/batch', { method: 'POST', body: commands });
  const refused = r.status === 200 ? r.body.results.filter((x: { status: string }) => x.status !== 'ok') : [r.body];
  if (refused.length > 0) throw new Error(`seeding refused: ${JSON.stringify(refused[0])}`);
};

export const saleOf = (writer: number, orderId: string, n: number) => ({
  type: 'RecordSale',
  data: { orderId, customerId: `C-${writer + 1}`, repId: `R-${writer + 1}`, lines: [{ product: 'CRM-STD', units: 1, amount: 10_000 + n }], occurredAt: '2026-11-20T10:00:00+08:00' },
});

export interface WriteRun {
  readonly acked: Acked[];
  /** statuses other than 201 that came back (the server answered but did not record) */
  readonly refusals: { status: number; type: string; body: unknown }[];
  /** resolves when every writer has stopped (the server went away or `stop` was called) */
  readonly done: Promise<void>;
  stop(): void;
}

/** `WRITERS` clients recording sales one after another until the server goes away. */
export const startWriters = (url: string, token: string, tag: string): WriteRun => {
  const acked: Acked[] = [];
  const refusals: WriteRun['refusals'] = [];
  let stopped = false;
  const writer = async (w: number) => {
    for (let n = 0; !stopped; n++) {
      const orderId = `O-${tag}-${w + 1}-${n}`;
      let r;
      try {
        r = await call(url, token, '/api/commands', { method: 'POST', body: saleOf(w, orderId, n) });
      } catch {
        return; // connection refused or reset: the server is gone; this sale was not acknowledged
      }
      if (r.status === 201) for (const e of r.body.events) acked.push({ position: e.position, hash: e.hash, orderId });
      else refusals.push(r);
    }
  };
  const done = Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w))).then(() => undefined);
  return { acked, refusals, done, stop: () => void (stopped = true) };
};

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Writers until `count` sales are acknowledged (or `ms` have passed), then stopped: a little load
 * that surely landed, however busy the machine is, rather than whatever fits in a fixed moment.
 */
export const writeSome = async (url: string, token: string, tag: string, count = WRITERS, ms = 30_000): Promise<WriteRun> => {
  const run = startWriters(url, token, tag);
  const t0 = performance.now();
  while (run.acked.length < count && run.refusals.length === 0 && performance.now() - t0 < ms) await sleep(10);
  run.stop();
  await run.done;
  return run;
};

export const readLog = async (url: string, token: string): Promise<LoggedEvent[]> => {
  const out: LoggedEvent[] = [];
  for (let after = 0; ; ) {
    const r = await call(url, token, `/api/events?after=${after}&limit=1000`);
    if (r.status !== 200) throw new Error(`GET /api/events answered ${r.status}: ${JSON.stringify(r.body)}`);
    out.push(...r.body.events);
    if (r.body.next === null) return out;
    after = r.body.next;
  }
};

export const verify = async (url: string, token: string) => (await call(url, token, '/api/audit/verify')).body as { ok: boolean; count: number; head: string };

/** What is wrong with the log after a restart, in words; [] when nothing is. */
export const logProblems = (log: readonly LoggedEvent[], acked: readonly Acked[], options: { tailMayBeLost?: boolean } = {}): string[] => {
  const problems: string[] = [];
  log.forEach((e, i) => e.position !== i + 1 && problems.length < 5 && problems.push(`position ${e.position} at index ${i}: the log has a gap`));
  for (const a of acked) {
    const e = log[a.position - 1];
    if (!e) {
      if (!options.tailMayBeLost) problems.push(`acknowledged event at position ${a.position} (order ${a.orderId}) is missing`);
    } else if (e.hash !== a.hash || e.data.orderId !== a.orderId) problems.push(`position ${a.position} holds ${e.data.orderId} ${e.hash.slice(0, 12)}…, acknowledged was ${a.orderId} ${a.hash.slice(0, 12)}…`);
    if (problems.length >= 10) break;
  }
  return problems;
};

/**
 * One business moment for every read of a run: answers before and after a restart are compared,
 * and a period in progress is measured up to `at` (the end of the current minute by default), so
 * a restart that crosses a minute would change them without any change in the data.
 */
const AT = encodeURIComponent(new Date().toISOString());
/** Read routes whose answers must not depend on how the read models got there. */
const READS = ['/health', `/api/leaderboard?period=2026&metric=revenue&at=${AT}`, `/api/leaderboard?period=2026-11&metric=orders&at=${AT}`, `/api/analytics?period=2026&by=rep&at=${AT}`, '/api/customers'];

/** The answers of every mounted read route (404 "no route" ones are skipped). */
export const readModelAnswers = async (url: string, token: string): Promise<Record<string, unknown>> => {
  const out: Record<string, unknown> = {};
  for (const path of READS) {
    const r = await call(url, token, path);
    if (r.status === 404 && String(r.body?.detail ?? '').includes('no route')) continue;
    // the moment of the answer is not part of the read model
    const { asOf: _asOf, at: _at, ...rest } = (r.body ?? {}) as Record<string, unknown>;
    out[path] = { status: r.status, ...rest };
  }
  return out;
};
