// The store contract: every adapter (memory, SQLite, EventStoreDB) must pass this same suite,
// including model-based tests that compare it with a trivial model under random sequences.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UnsealedEvent } from '../../core/shared/envelope';
import { GENESIS_HASH, hashOf } from '../../server/store/hashChain';
import type { AppendRequest, EventStore, ExpectedRevision } from '../../server/store/port';

export interface StoreFactory {
  /** a fresh, empty store */
  create(): Promise<EventStore>;
  /** the same store opened again after close (durable adapters only) */
  reopen?(previous: EventStore): Promise<EventStore>;
  cleanup?(): Promise<void>;
}

let n = 0;
export const ev = (type = 'Thing', data: unknown = { n: ++n }): UnsealedEvent => ({
  type,
  data,
  occurredAt: '2026-07-01T10:00:00+08:00',
  recordedAt: '2026-07-01T02:00:00.000Z',
  meta: { commandId: `c-${n}`, actor: 'tester', correlationId: `c-${n}` },
});

const req = (stream: string, expected: ExpectedRevision, count = 1, key?: string): AppendRequest => ({
  stream,
  expected,
  events: Array.from({ length: count }, () => ev()),
  ...(key ? { idempotency: { key, digest: `d-${key}` } } : {}),
});

const one = async (store: EventStore, r: AppendRequest) => (await store.appendMany([r]))[0];

export const storeContract = (name: string, factory: StoreFactory) => {
  const withStore = async (f: (s: EventStore) => Promise<void>) => {
    const store = await factory.create();
    try {
      await f(store);
    } finally {
      await store.close();
    }
  };

  describe(`store contract: ${name}`, () => {
    it('starts empty at the genesis hash', () =>
      withStore(async (s) => {
        expect(await s.head()).toEqual({ position: 0, hash: GENESIS_HASH });
        expect(await s.readAll()).toEqual([]);
        expect(await s.readStream('tally-x-1')).toEqual([]);
      }));

    it('numbers positions from 1 and revisions from 0, and chains hashes from 64 zeros', () =>
      withStore(async (s) => {
        const r1 = await one(s, req('tally-a-1', 'no-stream', 2));
        const r2 = await one(s, req('tally-b-1', 'no-stream', 1));
        const r3 = await one(s, req('tally-a-1', 1, 1));
        expect([r1.kind, r2.kind, r3.kind]).toEqual(['ok', 'ok', 'ok']);
        const all = await s.readAll();
        expect(all.map((e) => [e.position, e.stream, e.revision])).toEqual([
          [1, 'tally-a-1', 0], [2, 'tally-a-1', 1], [3, 'tally-b-1', 0], [4, 'tally-a-1', 2],
        ]);
        expect(all[0].prevHash).toBe(GENESIS_HASH);
        for (let i = 0; i < all.length; i++) {
          if (i > 0) expect(all[i].prevHash).toBe(all[i - 1].hash);
          expect(hashOf(all[i])).toBe(all[i].hash);
        }
        expect(await s.head()).toEqual({ position: 4, hash: all[3].hash });
        expect((await s.readStream('tally-a-1')).map((e) => e.revision)).toEqual([0, 1, 2]);
        expect(all[0].type).toBe('Thing');
        expect(all[0].meta.actor).toBe('tester');
      }));

    it('records no event earlier than the one before it, in one call or the next, and chains what it recorded', () =>
      withStore(async (s) => {
        const at = (recordedAt: string, count = 1) => ({ stream: `tally-t-${++n}`, expected: 'no-stream' as const, events: Array.from({ length: count }, () => ({ ...ev(), recordedAt })) });
        await one(s, at('2026-07-01T02:00:05.000Z'));
        // decided before the event ahead of it was appended: recorded at that event's instant
        const [late, later] = await s.appendMany([at('2026-07-01T02:00:01.000Z', 2), at('2026-07-01T02:00:09.000Z')]);
        const behind = await one(s, at('2026-07-01T02:00:08.999Z'));
        // an instant in another form than toISOString's is compared as an instant
        const offset = await one(s, at('2026-07-01T10:00:09.000+08:00'));
        const all = await s.readAll();
        expect(all.map((e) => e.recordedAt)).toEqual([
          '2026-07-01T02:00:05.000Z', '2026-07-01T02:00:05.000Z', '2026-07-01T02:00:05.000Z', '2026-07-01T02:00:09.000Z', '2026-07-01T02:00:09.000Z', '2026-07-01T10:00:09.000+08:00',
        ]);
        // the answers carry what was sealed
        expect([late, later, behind, offset].flatMap((r) => (r.kind === 'ok' ? r.events : []))).toEqual(all.slice(1));
        for (let i = 0; i < all.length; i++) {
          if (i > 0) expect(all[i].prevHash).toBe(all[i - 1].hash);
          expect(hashOf(all[i])).toBe(all[i].hash);
        }
      }));

    it('refuses a wrong expected revision and reports the actual one', () =>
      withStore(async (s) => {
        await one(s, req('tally-a-1', 'no-stream', 2));
        expect(await one(s, req('tally-a-1', 'no-stream'))).toEqual({ kind: 'conflict', actual: 1 });
        expect(await one(s, req('tally-a-1', 0))).toEqual({ kind: 'conflict', actual: 1 });
        expect(await one(s, req('tally-a-2', 0))).toEqual({ kind: 'conflict', actual: -1 });
        expect((await one(s, req('tally-a-1', 'any'))).kind).toBe('ok');
        expect((await one(s, req('tally-a-9', 'any'))).kind).toBe('ok');
        expect((await s.head()).position).toBe(4);
      }));

    it('applies the requests of one call independently and in order', () =>
      withStore(async (s) => {
        const results = await s.appendMany([req('tally-a-1', 'no-stream'), req('tally-a-1', 'no-stream'), req('tally-a-1', 0), req('tally-b-1', 5)]);
        expect(results.map((r) => r.kind)).toEqual(['ok', 'conflict', 'ok', 'conflict']);
        expect((await s.readAll()).map((e) => e.position)).toEqual([1, 2]);
      }));

    it('lets exactly one of many concurrent writers with the same expectation win', () =>
      withStore(async (s) => {
        await one(s, req('tally-a-1', 'no-stream'));
        const results = await Promise.all(Array.from({ length: 16 }, () => one(s, req('tally-a-1', 0))));
        expect(results.filter((r) => r.kind === 'ok')).toHaveLength(1);
        expect((await s.readStream('tally-a-1')).map((e) => e.revision)).toEqual([0, 1]);
      }));

    it('remembers idempotency keys with the events they appended', () =>
      withStore(async (s) => {
        const first = await one(s, req('tally-a-1', 'no-stream', 2, 'k-1'));
        const again = await one(s, req('tally-a-1', 'any', 2, 'k-1'));
        expect(first.kind).toBe('ok');
        expect(again.kind).toBe('duplicate');
        if (first.kind === 'ok' && again.kind === 'duplicate') {
          expect(again.digest).toBe('d-k-1');
          expect(again.events.map((e) => e.hash)).toEqual(first.events.map((e) => e.hash));
        }
        expect(await s.findIdempotency('k-1')).toEqual({ digest: 'd-k-1', positions: [1, 2] });
        expect(await s.findIdempotency('k-2')).toBeUndefined();
        expect((await s.head()).position).toBe(2);
      }));

    it('lists its idempotency records in key order, for verify to hold against the chain', () =>
      withStore(async (s) => {
        if (!s.idempotencyRecords) {
          expect(s.kind).toBe('esdb'); // which keeps keys in its own immutable event metadata, no table
          return;
        }
        // keys 'k-b' → [1], unkeyed → [2], 'k-a' → [3, 4]; listed a before b
        await s.appendMany([req('tally-l-1', 'no-stream', 1, 'k-b'), req('tally-l-2', 'no-stream'), req('tally-l-3', 'no-stream', 2, 'k-a')]);
        const listed = [];
        for await (const r of s.idempotencyRecords()) listed.push(r);
        expect(listed).toEqual([
          { key: 'k-a', digest: 'd-k-a', positions: [3, 4] },
          { key: 'k-b', digest: 'd-k-b', positions: [1] },
        ]);
      }));

    it('reads all after a position, in pages, optionally one stream', () =>
      withStore(async (s) => {
        for (let i = 0; i < 10; i++) await one(s, req(`tally-s-${i % 3}`, 'any'));
        expect((await s.readAll({ after: 3, limit: 4 })).map((e) => e.position)).toEqual([4, 5, 6, 7]);
        expect((await s.readAll({ after: 9 })).map((e) => e.position)).toEqual([10]);
        expect((await s.readAll({ after: 10 }))).toEqual([]);
        expect((await s.readAll({ stream: 'tally-s-1' })).map((e) => e.position)).toEqual([2, 5, 8]);
        expect((await s.readAll({ stream: 'tally-s-1', after: 2, limit: 1 })).map((e) => e.position)).toEqual([5]);
      }));

    it('announces each durable batch once, in order, to subscribers', () =>
      withStore(async (s) => {
        const seen: number[][] = [];
        const stop = s.subscribe((b) => seen.push(b.map((e) => e.position)));
        await s.appendMany([req('tally-a-1', 'no-stream', 2), req('tally-a-1', 'no-stream')]);
        await one(s, req('tally-b-1', 'no-stream'));
        await waitUntil(() => seen.flat().length >= 3);
        expect(seen.flat()).toEqual([1, 2, 3]);
        stop();
        await one(s, req('tally-c-1', 'no-stream'));
        await new Promise((r) => setTimeout(r, 50));
        expect(seen.flat()).toEqual([1, 2, 3]);
      }));

    if (factory.reopen) {
      it('keeps every acknowledged event across close and reopen', async () => {
        const s = await factory.create();
        await one(s, req('tally-a-1', 'no-stream', 3, 'k-9'));
        const before = await s.readAll();
        await s.close();
        const again = await factory.reopen!(s);
        try {
          expect(await again.readAll()).toEqual(before);
          expect((await again.findIdempotency('k-9'))?.positions).toEqual([1, 2, 3]);
          expect((await one(again, req('tally-a-1', 2))).kind).toBe('ok');
        } finally {
          await again.close();
        }
      });
    }

    it('behaves like a trivial model under random appends, conflicts and reads (fc.commands)', async () => {
      await fc.assert(
        fc.asyncProperty(fc.commands(commandArbitraries(), { maxCommands: 40 }), async (cmds) => {
          const store = await factory.create();
          try {
            await fc.asyncModelRun(() => ({ model: newModel(), real: store }), cmds);
          } finally {
            await store.close();
          }
        }),
        { numRuns: 25 },
      );
    });
  });
};

const waitUntil = async (f: () => boolean, ms = 2000) => {
  const end = Date.now() + ms;
  while (!f() && Date.now() < end) await new Promise((r) => setTimeout(r, 5));
};

// ---------- the model ----------

interface Model {
  streams: Map<string, number>;
  log: { stream: string; revision: number }[];
  keys: Map<string, number[]>;
}

const newModel = (): Model => ({ streams: new Map(), log: [], keys: new Map() });

type Expectation = 'no-stream' | 'any' | 'current' | 'stale';

class AppendCommand implements fc.AsyncCommand<Model, EventStore> {
  constructor(readonly stream: string, readonly expectation: Expectation, readonly count: number, readonly key?: string) {}
  check = () => true;
  async run(m: Model, s: EventStore) {
    const actual = m.streams.get(this.stream) ?? -1;
    const expected: ExpectedRevision =
      this.expectation === 'current' ? actual : this.expectation === 'stale' ? actual + 1 : this.expectation;
    const r = await one(s, req(this.stream, expected, this.count, this.key));
    if (this.key && m.keys.has(this.key)) {
      expect(r.kind).toBe('duplicate');
      if (r.kind === 'duplicate') expect(r.events.map((e) => e.position)).toEqual(m.keys.get(this.key));
      return;
    }
    const ok = expected === 'any' || (expected === 'no-stream' ? actual === -1 : expected === actual);
    if (!ok) {
      expect(r).toEqual({ kind: 'conflict', actual });
      return;
    }
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    const positions: number[] = [];
    for (let i = 0; i < this.count; i++) {
      m.log.push({ stream: this.stream, revision: actual + 1 + i });
      positions.push(m.log.length);
    }
    m.streams.set(this.stream, actual + this.count);
    if (this.key) m.keys.set(this.key, positions);
    expect(r.events.map((e) => [e.position, e.revision])).toEqual(positions.map((p, i) => [p, actual + 1 + i]));
  }
  toString = () => `append(${this.stream}, ${this.expectation}, ${this.count}, ${this.key ?? '-'})`;
}

class ReadStreamCommand implements fc.AsyncCommand<Model, EventStore> {
  constructor(readonly stream: string) {}
  check = () => true;
  async run(m: Model, s: EventStore) {
    const got = await s.readStream(this.stream);
    const want = m.log.map((e, i) => ({ ...e, position: i + 1 })).filter((e) => e.stream === this.stream);
    expect(got.map((e) => [e.position, e.revision])).toEqual(want.map((e) => [e.position, e.revision]));
  }
  toString = () => `readStream(${this.stream})`;
}

class ReadAllCommand implements fc.AsyncCommand<Model, EventStore> {
  constructor(readonly after: number, readonly limit: number) {}
  check = () => true;
  async run(m: Model, s: EventStore) {
    const got = await s.readAll({ after: this.after, limit: this.limit });
    const want = m.log.map((e, i) => ({ ...e, position: i + 1 })).slice(this.after, this.after + this.limit);
    expect(got.map((e) => [e.position, e.stream, e.revision])).toEqual(want.map((e) => [e.position, e.stream, e.revision]));
    const head = await s.head();
    expect(head.position).toBe(m.log.length);
  }
  toString = () => `readAll(${this.after}, ${this.limit})`;
}

const commandArbitraries = () => {
  const stream = fc.constantFrom('tally-a-1', 'tally-a-2', 'tally-b-1');
  return [
    fc.tuple(stream, fc.constantFrom<Expectation>('no-stream', 'any', 'current', 'stale'), fc.integer({ min: 1, max: 3 }), fc.option(fc.constantFrom('k1', 'k2', 'k3'), { nil: undefined }))
      .map(([st, ex, c, k]) => new AppendCommand(st, ex, c, k)),
    stream.map((st) => new ReadStreamCommand(st)),
    fc.tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 1, max: 10 })).map(([a, l]) => new ReadAllCommand(a, l)),
  ];
};
