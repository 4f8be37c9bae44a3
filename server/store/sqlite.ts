// The embedded store: one SQLite file in WAL mode with synchronous=FULL, so an acknowledged
// append survives kill -9 and power loss. History is append-only by trigger. Appends that
// arrive in the same tick share one BEGIN IMMEDIATE transaction (group commit): each is checked
// on its own, and none is acknowledged before the COMMIT that makes all of them durable.
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { StoredEvent } from '../../core/shared/envelope';
import { canonicalJson, GENESIS_HASH, wireEvent } from './hashChain';
import { checkSealed } from './sealed';
import { prepareWriter, writeGroup, type WireRequest, type WireResult } from './sqliteGroup.mjs';
import { migrate } from './sqliteSchema';
import { packAppends } from './sqlitePack';
import { WriterThread, type GroupWritten } from './sqliteWriterClient';
import {
  StoreUnavailableError,
  type AppendGroup,
  type AppendRequest,
  type AppendResult,
  type BatchListener,
  type EventStore,
  type Head,
  type IdempotencyRecord,
  type ReadAllOptions,
  type SealedAppend,
} from './port';

interface Row {
  position: number;
  stream: string;
  revision: number;
  type: string;
  data: string;
  occurred_at: string;
  recorded_at: string;
  meta: string;
  prev_hash: string;
  hash: string;
}

export const rowToEvent = (r: Row): StoredEvent => ({
  position: r.position,
  stream: r.stream,
  revision: r.revision,
  type: r.type,
  data: JSON.parse(r.data),
  occurredAt: r.occurred_at,
  recordedAt: r.recorded_at,
  meta: JSON.parse(r.meta),
  prevHash: r.prev_hash,
  hash: r.hash,
});

export const COLUMNS = 'position, stream, revision, type, data, occurred_at, recorded_at, meta, prev_hash, hash';
export type RawRow = [number, string, number, string, string, string, string, string, string, string];

/** Reads in bulk (replay, streams) take rows as arrays: no object per row from the driver. */
export const rawToEvent = (r: RawRow): StoredEvent => ({
  position: r[0],
  stream: r[1],
  revision: r[2],
  type: r[3],
  data: JSON.parse(r[4]),
  occurredAt: r[5],
  recordedAt: r[6],
  meta: JSON.parse(r[7]),
  prevHash: r[8],
  hash: r[9],
});

/** A column edited into something that is not JSON is handed on as it is, for the verifier to name. */
const parsedOrAsIs = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

interface Pending {
  readonly requests: readonly AppendRequest[];
  readonly resolve: (r: AppendResult[]) => void;
  readonly reject: (e: unknown) => void;
}

/** how often a subscribed store looks for appends made by another process */
const FOREIGN_POLL_MS = 500;

export interface SqliteOptions {
  /**
   * `thread`: durable groups are written by a worker thread on its own connection, so the COMMIT's
   * fsync does not hold the event loop (what `tally serve` uses); `inline` (the default, and
   * always for `:memory:`): on this thread's connection.
   */
  readonly writer?: 'thread' | 'inline';
}

/** A queued call with its requests serialised for the writer: as wire objects for this thread's connection, packed for the writer thread. */
interface Serialised {
  readonly pending: Pending;
  readonly wire: WireRequest[];
  readonly packed: string;
}

/** A request serialised for the writer's connection (packAppends packs the same text for the writer thread). */
export const toWire = (r: AppendRequest): WireRequest => ({
  stream: r.stream,
  streamJson: canonicalJson(r.stream),
  expected: r.expected,
  events: r.events.map(wireEvent),
  ...(r.idempotency ? { key: r.idempotency.key, digest: r.idempotency.digest } : {}),
});

export class SqliteStore implements EventStore {
  readonly kind = 'sqlite';
  private readonly db: Database.Database;
  private readonly listeners = new Set<BatchListener>();
  private queue: Pending[] = [];
  private flushScheduled = false;
  /** a group is with the writer thread: what queues meanwhile goes as the next group */
  private writing = false;
  /** a group handed over in parts is open, taking parts: no second one opens beside it */
  private accepting = false;
  /**
   * groups handed over in parts, open or committing: other appends wait for their commits. The
   * next group may open while the one before it commits (the thread takes messages in order, so
   * its parts are inserted after that COMMIT): a batch is decided while the one ahead is made durable.
   */
  private groups = 0;
  private lastGroup = 0;
  private closed = false;
  private readonly stmt;
  private readonly writer;
  private readonly thread?: WriterThread;
  /** how many durable transactions and append requests so far: group commit at work */
  readonly stats = { transactions: 0, requests: 0 };
  /** told how long each durable transaction took, in seconds (metrics) */
  onCommit?: (seconds: number) => void;
  /** the last position told to subscribers */
  private announced = 0;
  private dataVersion = 0;
  private poller?: NodeJS.Timeout;

  constructor(
    readonly path: string,
    options: SqliteOptions = {},
  ) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    migrate(this.db, path);
    this.stmt = {
      lastRevision: this.db.prepare('SELECT MAX(revision) AS r FROM events WHERE stream = ?').pluck(),
      head: this.db.prepare('SELECT position, hash FROM events ORDER BY position DESC LIMIT 1'),
      keysAfter: this.db.prepare('SELECT key, digest, positions FROM idempotency WHERE key > ? ORDER BY key LIMIT ?'),
      byPosition: this.db.prepare('SELECT * FROM events WHERE position = ?'),
      stream: this.db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? ORDER BY revision`).raw(true),
      all: this.db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true),
      allOfStream: this.db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream = ? AND position > ? ORDER BY revision LIMIT ?`).raw(true),
    };
    this.writer = prepareWriter(this.db, GENESIS_HASH);
    if (options.writer === 'thread' && path !== ':memory:') this.thread = new WriterThread(path, GENESIS_HASH);
    this.announced = this.headNow().position;
    this.dataVersion = this.db.pragma('data_version', { simple: true }) as number;
  }

  /** Tell subscribers about a durable batch and remember how far they know. */
  private announce(events: readonly StoredEvent[]): void {
    // the poll may have told a group the writer thread committed before its answer arrived here
    const batch = events.length > 0 && events[0].position <= this.announced ? events.filter((e) => e.position > this.announced) : events;
    if (batch.length === 0) return;
    this.announced = Math.max(this.announced, batch[batch.length - 1].position);
    for (const l of this.listeners) l(batch);
  }

  /**
   * Another process (`tally import` beside a running server) may append to the same file. SQLite
   * bumps data_version when another connection commits; then the new events are read and
   * announced, so read models and streams follow without a restart.
   */
  private pollForeignAppends(): void {
    if (this.closed || this.listeners.size === 0) return;
    const version = this.db.pragma('data_version', { simple: true }) as number;
    if (version === this.dataVersion) return;
    this.dataVersion = version;
    for (;;) {
      const page = (this.stmt.all.all(this.announced, 5_000) as RawRow[]).map(rawToEvent);
      if (page.length === 0) return;
      this.announce(page);
    }
  }

  appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    if (this.closed) return Promise.reject(new StoreUnavailableError('the store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ requests, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        setImmediate(() => this.flush());
      }
    });
  }

  /**
   * One durable transaction for everything queued since the last flush. Each call's events are
   * serialised first, outside the write lock: a call whose events cannot be (a lone surrogate) is
   * refused alone, and the lock is held for the inserts only. Anything SQLite refuses inside the
   * transaction refuses the whole group: none of it is written, none acknowledged. With a writer
   * thread one group is in flight at a time, and what queues while it commits is the next group.
   */
  private flush(): void {
    this.flushScheduled = false;
    if (this.writing || this.groups > 0) return;
    const batch: Serialised[] = [];
    for (const pending of this.queue) {
      try {
        batch.push(this.thread ? { pending, wire: [], packed: packAppends(pending.requests) } : { pending, wire: pending.requests.map(toWire), packed: '' });
      } catch (e) {
        pending.reject(e);
      }
    }
    this.queue = [];
    if (batch.length === 0) return;
    if (!this.thread) {
      const requests = batch.length === 1 ? batch[0].wire : batch.flatMap((b) => b.wire);
      const t0 = performance.now();
      let results: WireResult[];
      try {
        results = writeGroup(this.writer, requests);
      } catch (e) {
        this.refuse(batch, e);
        return;
      }
      this.settle(batch, { results, seconds: (performance.now() - t0) / 1000 });
      return;
    }
    this.writing = true;
    this.thread.write(batch.length === 1 ? batch[0].packed : batch.map((b) => b.packed).join('')).then(
      (written) => this.settle(batch, written),
      (e) => this.refuse(batch, e),
    ).finally(() => {
      this.writing = false;
      if (this.queue.length > 0) this.flush();
    });
  }

  /**
   * With a writer thread: a group handed over in parts, each part checked, sealed and inserted by
   * the thread inside the group's one transaction while the caller decides the next. Appends made
   * meanwhile wait for its commit and go as the next group.
   */
  openGroup(): AppendGroup | undefined {
    const thread = this.thread;
    // appends already waiting go first, as one group: a stream of batches does not starve them
    if (!thread || this.closed || this.accepting || this.queue.length > 0) return undefined;
    this.accepting = true;
    this.groups++;
    const gid = ++this.lastGroup;
    const requests: AppendRequest[] = [];
    let refused: unknown;
    let ended = false;
    const ending = () => {
      if (ended) throw new Error('this append group is already committed or abandoned');
      ended = true;
      this.accepting = false;
    };
    // the writer is free again only once the thread has been told how the group ends
    const release = () => {
      this.groups--;
      if (this.groups === 0 && this.queue.length > 0 && !this.flushScheduled) this.flush();
    };
    return {
      add: (more) => {
        if (ended) throw new Error('this append group is already committed or abandoned');
        if (refused !== undefined || more.length === 0) return;
        let packed: string;
        try {
          packed = packAppends(more);
        } catch (e) {
          // as an appendMany call whose events cannot be serialised: refused whole, nothing written
          refused = e;
          if (requests.length > 0) thread.abandon(gid);
          return;
        }
        thread.part(gid, requests.length === 0, packed);
        for (const r of more) requests.push(r);
      },
      commit: () => {
        ending();
        if (refused !== undefined || requests.length === 0) {
          release();
          return refused !== undefined ? Promise.reject(refused) : Promise.resolve([]);
        }
        return new Promise((resolve, reject) => {
          const batch = [{ pending: { requests, resolve, reject }, wire: [], packed: '' }];
          thread.commit(gid).then(
            (written) => this.settle(batch, written),
            (e) => this.refuse(batch, e),
          ).finally(release);
        });
      },
      abandon: () => {
        ending();
        if (requests.length > 0 && refused === undefined) thread.abandon(gid);
        release();
      },
    };
  }

  private refuse(batch: readonly Serialised[], e: unknown): void {
    const err = new StoreUnavailableError(`the event store refused the write: ${(e as Error).message}`, e);
    for (const { pending } of batch) pending.reject(err);
  }

  /** Acknowledge each call with its own results, then tell subscribers what the group appended. */
  private settle(batch: readonly Serialised[], { results, seconds }: GroupWritten): void {
    this.stats.transactions++;
    this.onCommit?.(seconds);
    const appended: StoredEvent[] = [];
    let at = 0;
    for (const { pending } of batch) {
      const answers = pending.requests.map((r) => this.resultOf(r, results[at++], appended));
      this.stats.requests += pending.requests.length;
      pending.resolve(answers);
    }
    this.announce(appended);
  }

  private resultOf(r: AppendRequest, w: WireResult, appended: StoredEvent[]): AppendResult {
    switch (w.kind) {
      case 'conflict':
        return w;
      case 'duplicate':
        return { kind: 'duplicate', digest: w.digest, events: this.byPositions(w.positions) };
      case 'ok': {
        const events = r.events.map(
          (e, i): StoredEvent => ({
            position: w.position + i,
            stream: r.stream,
            revision: w.revision + i,
            type: e.type,
            data: e.data,
            occurredAt: e.occurredAt,
            recordedAt: w.recordedAt?.[i] ?? e.recordedAt,
            meta: e.meta,
            prevHash: i === 0 ? w.prevHash : w.hashes[i - 1],
            hash: w.hashes[i],
          }),
        );
        for (const e of events) appended.push(e);
        return { kind: 'ok', events };
      }
    }
  }

  private lastRevision(stream: string): number {
    return (this.stmt.lastRevision.get(stream) as number | null) ?? -1;
  }

  /** Migration: events sealed elsewhere, checked then written verbatim in one durable transaction. */
  async appendSealed(commands: readonly SealedAppend[]): Promise<void> {
    if (this.closed) throw new StoreUnavailableError('the store is closed');
    await this.drained();
    // Synchronous from check to commit, so no queued append can interleave.
    checkSealed(commands, {
      head: this.headNow(),
      lastRevision: (s) => this.lastRevision(s),
      hasKey: (k) => this.writer.key.get(k) !== undefined,
    });
    const appended: StoredEvent[] = [];
    const w = this.writer;
    w.begin.run();
    try {
      for (const c of commands) {
        for (const s of c.events)
          w.insert.run(s.position, s.stream, s.revision, s.type, JSON.stringify(s.data), s.occurredAt, s.recordedAt, JSON.stringify(s.meta), s.prevHash, s.hash);
        if (c.idempotency) w.insertKey.run(c.idempotency.key, c.idempotency.digest, JSON.stringify(c.events.map((e) => e.position)));
        appended.push(...c.events);
      }
      w.commit.run();
    } catch (e) {
      if (this.db.inTransaction) w.rollback.run();
      throw new StoreUnavailableError(`the event store refused the write: ${(e as Error).message}`, e);
    }
    this.announce(appended);
  }

  private headNow(): Head {
    return (this.stmt.head.get() as Head | undefined) ?? { position: 0, hash: GENESIS_HASH };
  }

  private byPositions(positions: readonly number[]): StoredEvent[] {
    return positions.map((p) => rowToEvent(this.stmt.byPosition.get(p) as Row));
  }

  async readStream(stream: string): Promise<StoredEvent[]> {
    return (this.stmt.stream.all(stream) as RawRow[]).map(rawToEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? -1;
    const rows = options.stream ? this.stmt.allOfStream.all(options.stream, after, limit) : this.stmt.all.all(after, limit);
    return (rows as RawRow[]).map(rawToEvent);
  }

  async head(): Promise<Head> {
    return this.headNow();
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const r = this.writer.key.get(key) as { digest: string; positions: string } | undefined;
    return r && { digest: r.digest, positions: parsedOrAsIs(r.positions) as number[] };
  }

  /** Paged by key, so no statement stays open between pages. */
  async *idempotencyRecords(): AsyncGenerator<IdempotencyRecord & { readonly key: string }> {
    let after = '';
    for (;;) {
      const rows = this.stmt.keysAfter.all(after, 1_000) as { key: string; digest: string; positions: string }[];
      for (const r of rows) yield { key: r.key, digest: r.digest, positions: parsedOrAsIs(r.positions) as number[] };
      if (rows.length < 1_000) return;
      after = rows[rows.length - 1].key;
    }
  }

  /** Resolves once nothing is queued and no group is in flight. */
  private async drained(): Promise<void> {
    while (this.queue.length > 0 || this.flushScheduled || this.writing || this.groups > 0) await new Promise((r) => setImmediate(r));
  }

  subscribe(listener: BatchListener): () => void {
    this.listeners.add(listener);
    if (!this.poller) {
      this.poller = setInterval(() => this.pollForeignAppends(), FOREIGN_POLL_MS);
      this.poller.unref();
    }
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    // let queued appends finish before closing
    await this.drained();
    this.closed = true;
    await this.thread?.close();
    if (this.poller) clearInterval(this.poller);
    this.listeners.clear();
    this.db.close();
  }
}
