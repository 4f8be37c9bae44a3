// Two EsdbStore instances on one EventStoreDB log: what the single-store contract cannot show —
// races between instances, cross-instance idempotency and announcements, and large appends.
import { randomUUID } from 'node:crypto';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent, UnsealedEvent } from '../../core/shared/envelope';
import { verifyLog } from '../../server/audit/verifyLog';
import { openEsdbStore } from '../../server/store/esdbLoader';
import type { AppendRequest, EventStore } from '../../server/store/port';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';

let server: EsdbTestServer;
let small: EsdbTestServer;
const open: EventStore[] = [];

beforeAll(async () => {
  server = await startEsdbTestServer({ port: 0 });
  small = await startEsdbTestServer({ port: 0, maxAppendSize: 64 * 1024 });
});
afterAll(async () => {
  // Clients first: the test server's close cuts their subscriptions.
  await Promise.all(open.map((s) => s.close()));
  await server?.close();
  await small?.close();
});

/** `count` stores on one fresh log stream of `on` (default: the 1 MiB server). */
const instances = async (count: number, on = () => server, extra = ''): Promise<EventStore[]> => {
  const url = `${on().url}&stream=tally-log-${randomUUID()}${extra}`;
  const stores = [];
  for (let i = 0; i < count; i++) stores.push(await openEsdbStore(url));
  open.push(...stores);
  return stores;
};

let n = 0;
const event = (commandId: string, recordedAt = '2026-07-01T02:00:00.000Z', payload = ''): UnsealedEvent => ({
  type: 'Thing',
  data: { n: ++n, payload },
  occurredAt: '2026-07-01T10:00:00+08:00',
  recordedAt,
  meta: { commandId, actor: 'tester', correlationId: commandId },
});
const request = (stream: string, expected: AppendRequest['expected'], events = 1, key?: string): AppendRequest => {
  const id = key ?? randomUUID();
  return { stream, expected, events: Array.from({ length: events }, () => event(id)), ...(key ? { idempotency: { key, digest: `d-${key}` } } : {}) };
};

const waitFor = async (what: string, f: () => Promise<boolean> | boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

const caughtUp = (stores: EventStore[], position: number) =>
  waitFor(`every instance at ${position}`, async () => (await Promise.all(stores.map((s) => s.head()))).every((h) => h.position === position));

describe('two instances on one EventStoreDB log', () => {
  it('interleave concurrent appends into one gap-free, verifiable log that both read alike', async () => {
    const [a, b] = await instances(2);
    const writes = Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).appendMany([request(`tally-s-${i}`, 'no-stream', 1 + (i % 3))]));
    const results = (await Promise.all(writes)).flat();
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    const total = results.reduce((k, r) => k + (r.kind === 'ok' ? r.events.length : 0), 0);
    await caughtUp([a, b], total);
    const [logA, logB] = [await a.readAll(), await b.readAll()];
    expect(logA.map((e) => e.position)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(logB).toEqual(logA);
    const acknowledged = results.flatMap((r) => (r.kind === 'ok' ? r.events : []));
    expect(new Set(acknowledged.map((e) => e.hash))).toEqual(new Set(logA.map((e) => e.hash)));
    expect((await verifyLog(a)).ok).toBe(true);
    expect(await verifyLog(b)).toEqual(await verifyLog(a));
  });

  it('lets only one of two instances win a stream both saw empty, and names the revision it lost to', async () => {
    const [a, b] = await instances(2);
    const [ra, rb] = await Promise.all([a.appendMany([request('tally-x-1', 'no-stream', 2)]), b.appendMany([request('tally-x-1', 'no-stream')])]);
    const kinds = [ra[0].kind, rb[0].kind].sort();
    expect(kinds).toEqual(['conflict', 'ok']);
    const lost = ra[0].kind === 'conflict' ? ra[0] : rb[0];
    const winner = ra[0].kind === 'ok' ? ra[0] : rb[0];
    expect(lost).toEqual({ kind: 'conflict', actual: winner.kind === 'ok' ? winner.events.length - 1 : NaN });
  });

  it('answers a key another instance already used with that instance\'s events, even when both sealed it at once', async () => {
    const [a, b] = await instances(2);
    await a.appendMany([request('tally-pre-1', 'no-stream')]);
    await caughtUp([a, b], 1);
    // Same key, same stream, sealed at the same head by both, but at different recorded times:
    // the loser must not take the winner's append for its own.
    const key = `k-${randomUUID()}`;
    const mk = (recordedAt: string): AppendRequest => ({ stream: 'tally-y-1', expected: 'any', events: [event(key, recordedAt)], idempotency: { key, digest: 'same' } });
    const [ra, rb] = await Promise.all([a.appendMany([mk('2026-07-01T02:00:00.001Z')]), b.appendMany([mk('2026-07-01T02:00:00.002Z')])]);
    const kinds = [ra[0].kind, rb[0].kind].sort();
    expect(kinds).toEqual(['duplicate', 'ok']);
    const events = (r: (typeof ra)[0]) => (r.kind === 'conflict' ? [] : r.events);
    expect(events(ra[0]).map((e) => e.hash)).toEqual(events(rb[0]).map((e) => e.hash));
    await caughtUp([a, b], 2);
    expect(await b.findIdempotency(key)).toEqual({ digest: 'same', positions: [2] });
    expect(await a.findIdempotency(key)).toEqual({ digest: 'same', positions: [2] });
  });

  it('announces batches appended by the other instance, in order and once', async () => {
    const [a, b] = await instances(2);
    const seenByB: number[] = [];
    b.subscribe((batch) => seenByB.push(...batch.map((e) => e.position)));
    for (let i = 0; i < 5; i++) await a.appendMany([request(`tally-z-${i}`, 'no-stream', 2)]);
    await b.appendMany([request('tally-z-b', 'any')]);
    await waitFor('B to hear 11 events', () => seenByB.length >= 11);
    await new Promise((r) => setTimeout(r, 50));
    expect(seenByB).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
  });

  it('never announces half a command, even when the subscription delivers it in pieces', async () => {
    const [a, b] = await instances(2);
    const batches: StoredEvent[][] = [];
    b.subscribe((batch) => batches.push([...batch]));
    await a.appendMany([request('tally-w-1', 'no-stream', 7), request('tally-w-2', 'no-stream', 5)]);
    await waitFor('B to hear 12 events', () => batches.flat().length >= 12);
    const sizeOf = new Map<string, number>();
    for (const e of batches.flat()) sizeOf.set(e.meta.commandId, (sizeOf.get(e.meta.commandId) ?? 0) + 1);
    expect([...sizeOf.values()].sort()).toEqual([5, 7]);
    for (const batch of batches)
      for (const id of new Set(batch.map((e) => e.meta.commandId))) expect(batch.filter((e) => e.meta.commandId === id)).toHaveLength(sizeOf.get(id)!);
  });

  it('rebuilds its index on restart: keys, stream revisions and the head survive', async () => {
    const url = `${server.url}&stream=tally-log-${randomUUID()}`;
    const first = await openEsdbStore(url);
    await first.appendMany([request('tally-r-1', 'no-stream', 3, 'k-restart')]);
    const before = await first.readAll();
    await first.close();
    const again = await openEsdbStore(url);
    open.push(again);
    expect(await again.readAll()).toEqual(before);
    expect(await again.findIdempotency('k-restart')).toEqual({ digest: 'd-k-restart', positions: [1, 2, 3] });
    expect((await again.appendMany([request('tally-r-1', 2)]))[0].kind).toBe('ok');
    expect((await again.appendMany([request('tally-r-1', 2)]))[0]).toEqual({ kind: 'conflict', actual: 3 });
  });
});

describe('a dropped connection', () => {
  it('follows the log again when its connection to ESDB is cut, missing nothing', async () => {
    const proxy = await tcpProxy(server.port);
    try {
      const stream = `tally-log-${randomUUID()}`;
      const direct = await openEsdbStore(`${server.url}&stream=${stream}`);
      const cut = await openEsdbStore(`esdb://127.0.0.1:${proxy.port}?tls=false&stream=${stream}`);
      open.push(direct, cut);
      const heard: number[] = [];
      cut.subscribe((batch) => heard.push(...batch.map((e) => e.position)));
      await direct.appendMany([request('tally-d-1', 'no-stream')]);
      await waitFor('the first event', () => heard.length === 1);
      proxy.cutAll();
      for (let i = 2; i <= 6; i++) await direct.appendMany([request(`tally-d-${i}`, 'no-stream')]);
      await waitFor('the events written while cut off', () => heard.length === 6, 10_000);
      expect(heard).toEqual([1, 2, 3, 4, 5, 6]);
      // and it writes again, after the head it learnt
      expect((await cut.appendMany([request('tally-d-7', 'no-stream')]))[0]).toMatchObject({ kind: 'ok', events: [{ position: 7 }] });
    } finally {
      proxy.close();
    }
  });
});

/** A TCP relay to the test server whose open connections can be cut, as a network failure would. */
const tcpProxy = async (target: number) => {
  const sockets = new Set<Socket>();
  const relay = createServer((client) => {
    const upstream = connect(target, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('error', () => undefined);
      s.on('close', () => sockets.delete(s));
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', r));
  return {
    port: (relay.address() as AddressInfo).port,
    cutAll: () => {
      for (const s of sockets) s.destroy();
    },
    close: () => {
      for (const s of sockets) s.destroy();
      relay.close();
    },
  };
};

describe('the 1 MiB append limit', () => {
  const big = (kb: number) => 'x'.repeat(kb * 1024);
  const command = (i: number, kb: number): AppendRequest => {
    const id = randomUUID();
    return { stream: `tally-big-${i}`, expected: 'no-stream', events: [event(id, undefined, big(kb)), event(id, undefined, big(kb))] };
  };

  it('splits a large batch into several appends, each command whole', async () => {
    const [s, other] = await instances(2, () => small, '&maxAppendBytes=40000');
    const results = await s.appendMany(Array.from({ length: 30 }, (_, i) => command(i, 6)));
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    await caughtUp([s, other], 60);
    const log = await other.readAll();
    expect(log.map((e) => e.position)).toEqual(Array.from({ length: 60 }, (_, i) => i + 1));
    for (let i = 0; i < 60; i += 2) expect(log[i].meta.commandId).toBe(log[i + 1].meta.commandId);
    expect((await verifyLog(other)).ok).toBe(true);
  });

  it('halves an append the server refuses as too large, when the size estimate was short', async () => {
    // The store believes 1 MiB is allowed; this server takes 64 KiB.
    const [s] = await instances(1, () => small);
    const results = await s.appendMany(Array.from({ length: 20 }, (_, i) => command(i, 8)));
    expect(results.every((r) => r.kind === 'ok')).toBe(true);
    expect((await s.head()).position).toBe(40);
    expect((await verifyLog(s)).ok).toBe(true);
  });

  it('refuses one command larger than the limit and writes nothing of it', async () => {
    const [s] = await instances(1, () => small);
    await expect(s.appendMany([command(0, 40)])).rejects.toThrow(/append size limit/);
    expect((await s.head()).position).toBe(0);
    expect((await s.appendMany([command(1, 1)]))[0].kind).toBe('ok');
  });
});
