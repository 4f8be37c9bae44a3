// The EventStoreDB adapter. Every Tally event goes to one ordered ESDB stream (`tally-log`), and
// Tally's position is that stream's revision + 1. Per-stream revisions, the hash chain and the
// idempotency keys come from an in-memory index of the log that each instance rebuilds at start and
// follows with a catch-up subscription; an append expects the head this instance knows and, when
// another instance moved it, catches up and seals again. Every client call, bigint, NO_STREAM and
// ESDB error class stays in this file.
import {
  CancelledError,
  DeadlineExceededError,
  EventStoreDBClient,
  jsonEvent,
  MaxAppendSizeExceededError,
  NO_STREAM,
  NotLeaderError,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
  type EventData,
  type JSONType,
  type ResolvedEvent,
  type StreamSubscription,
} from '@eventstore/db-client';
import type { StoredEvent } from '../../core/shared/envelope';
import { LogIndex, plan, RecentEvents, SINGLE, type CommandMark } from './esdbIndex';
import {
  StoreUnavailableError,
  type AppendRequest,
  type AppendResult,
  type BatchListener,
  type EventStore,
  type Head,
  type Idempotency,
  type IdempotencyRecord,
  type ReadAllOptions,
  type SealedAppend,
} from './port';
import { checkSealed } from './sealed';
import { uuidV5 } from './uuidV5';

export interface EsdbOptions {
  /** the client's connection string (esdb://… or esdb+discover://…) */
  readonly connectionString: string;
  /** the one ESDB stream that holds this deployment's log */
  readonly stream: string;
  /** bytes per append; ESDB refuses more than 1 MiB (MaxAppendSize) */
  readonly maxAppendBytes: number;
  /** recent events kept in memory for reads */
  readonly cacheEvents: number;
  /**
   * How long one append may go unanswered before it is resent (same ids, so ESDB deduplicates it
   * if it did commit). @eventstore/db-client 6.2.1 keeps a BatchAppend waiting for its answer
   * for ever: the call has no deadline, and an answer that never comes is never timed out.
   */
  readonly appendTimeoutMs: number;
}

export const ESDB_DEFAULTS = { stream: 'tally-log', maxAppendBytes: 1024 * 1024 - 64 * 1024, cacheEvents: 65_536, appendTimeoutMs: 4000 } as const;

/** Tally's namespace for the v5 ids of its ESDB events. */
const EVENT_ID_NAMESPACE = '6f1c9a52-3d7e-4b08-9e21-7c4d5a8b0f36';
/** Re-seals after another instance moved the head, before a request is answered `conflict`. */
const MAX_RESEALS = 16;
/** Resends of the very same append (same ids, same expected revision) after a network failure. */
const MAX_RESENDS = 3;
/** Of those, resends after an append went unanswered: each costs a whole appendTimeoutMs. */
const MAX_TIMEOUT_RESENDS = 1;
/** Protobuf framing, id, type and content-type of one proposed event, beyond data and metadata. */
const EVENT_OVERHEAD_BYTES = 160;
const READ_PARALLELISM = 8;

/** What each ESDB event holds: the sealed Tally event but its position (the revision says it) and type. */
type Body = Omit<StoredEvent, 'position' | 'type'>;

/** ESDB metadata: the event's place in its command and, on the first, the command's key. */
interface Mark {
  readonly i: number;
  readonly n: number;
  readonly key?: string;
  readonly digest?: string;
  readonly $correlationId?: string;
}

/** One command on its way to ESDB. */
interface Outgoing {
  readonly events: readonly StoredEvent[];
  readonly marks: readonly CommandMark[];
  readonly data: readonly EventData[];
  readonly bytes: number;
}

type Job =
  | { readonly kind: 'append'; readonly requests: readonly AppendRequest[]; readonly resolve: (r: AppendResult[]) => void; readonly reject: (e: unknown) => void }
  | { readonly kind: 'sealed'; readonly commands: readonly SealedAppend[]; readonly resolve: () => void; readonly reject: (e: unknown) => void };

/** How a run of appends ended: `sent` commands went through; `stop` says why the rest did not. */
interface Sent {
  readonly sent: number;
  readonly stop?: 'moved' | 'too-large';
}

/** A request's answer while its job is being written; duplicates fetch their events at the end. */
type Slot = AppendResult | { readonly kind: 'duplicate-at'; readonly first: number } | undefined;

export class EsdbStore implements EventStore {
  readonly kind = 'esdb';
  private readonly index = new LogIndex();
  private readonly recent: RecentEvents;
  private readonly listeners = new Set<BatchListener>();
  /** ingested, not yet announced; the first `complete` of them end a command */
  private pending: StoredEvent[] = [];
  private complete = 0;
  private announceScheduled = false;
  private jobs: Job[] = [];
  private writing: Promise<void> | undefined;
  private reading: Promise<void> = Promise.resolve();
  private subscription: StreamSubscription | undefined;
  private resubscribeMs = 100;
  private closing = false;

  private constructor(
    private readonly client: EventStoreDBClient,
    readonly options: EsdbOptions,
  ) {
    this.recent = new RecentEvents(options.cacheEvents);
  }

  /** Connect, check the log is whole, rebuild the index from it, then follow it. */
  static async open(options: EsdbOptions): Promise<EsdbStore> {
    const store = new EsdbStore(EventStoreDBClient.connectionString(options.connectionString), options);
    try {
      await store.checkWhole();
      await store.catchUp();
    } catch (e) {
      await store.client.dispose();
      throw e;
    }
    store.follow();
    return store;
  }

  /**
   * Refuses a log EventStoreDB may shorten or has deleted: $maxCount, $maxAge and $tb let it drop
   * events (a soft delete is $tb past the end), and a gap would break positions and the chain.
   */
  private async checkWhole(): Promise<void> {
    const stream = this.options.stream;
    let metadata: Record<string, unknown> | undefined;
    try {
      metadata = (await this.client.getStreamMetadata(stream)).metadata as Record<string, unknown> | undefined;
    } catch (e) {
      if (e instanceof StreamDeletedError) throw new LogNotWholeError(stream, 'was deleted for good (tombstoned)');
      throw unavailable('EventStoreDB did not answer a read', e);
    }
    const truncateBefore = metadata?.truncateBefore;
    if (typeof truncateBefore === 'number' && truncateBefore >= Number.MAX_SAFE_INTEGER) throw new LogNotWholeError(stream, 'was deleted');
    const found = (
      [
        ['maxCount', '$maxCount'],
        ['maxAge', '$maxAge'],
        ['truncateBefore', '$tb'],
      ] as const
    ).flatMap(([key, name]) => (metadata?.[key] !== undefined ? [`${name}=${String(metadata[key])}`] : []));
    if (found.length > 0) throw new LogNotWholeError(stream, `carries stream metadata ${found.join(', ')}, which lets EventStoreDB drop its events`);
  }

  // ------------------------------------------------------------------ writes

  appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    return this.enqueue((resolve, reject) => ({ kind: 'append', requests, resolve, reject }));
  }

  appendSealed(commands: readonly SealedAppend[]): Promise<void> {
    return this.enqueue<void>((resolve, reject) => ({ kind: 'sealed', commands, resolve, reject }));
  }

  private enqueue<T>(job: (resolve: (v: T) => void, reject: (e: unknown) => void) => Job): Promise<T> {
    if (this.closing) return Promise.reject(new StoreUnavailableError('the store is closed'));
    return new Promise<T>((resolve, reject) => {
      this.jobs.push(job(resolve, reject));
      this.kick();
    });
  }

  /** One writer per instance: its appends expect the head it knows, so they go one after another. */
  private kick(): void {
    this.writing ??= this.drain().finally(() => {
      this.writing = undefined;
      if (this.jobs.length > 0) this.kick();
    });
  }

  private async drain(): Promise<void> {
    while (this.jobs.length > 0) {
      const first = this.jobs[0];
      if (first.kind === 'sealed') {
        this.jobs.shift();
        await this.writeSealed(first.commands).then(first.resolve, first.reject);
        continue;
      }
      // Everything queued meanwhile goes out together (group commit).
      const group: Extract<Job, { kind: 'append' }>[] = [];
      while (this.jobs[0]?.kind === 'append') group.push(this.jobs.shift() as Extract<Job, { kind: 'append' }>);
      await this.writeRequests(group);
    }
  }

  private async writeRequests(group: readonly Extract<Job, { kind: 'append' }>[]): Promise<void> {
    const slots: Slot[][] = group.map((j) => new Array<Slot>(j.requests.length).fill(undefined));
    const failed = new Map<number, unknown>();
    let todo = group.flatMap((j, job) => j.requests.map((request, slot) => ({ job, slot, request })));
    try {
      for (let attempt = 0; todo.length > 0; attempt++) {
        if (attempt === MAX_RESEALS) {
          // The head kept moving under these: let the engine re-decide them.
          for (const t of todo) slots[t.job][t.slot] = { kind: 'conflict', actual: this.index.lastRevision(t.request.stream) };
          break;
        }
        if (attempt > 0) await jitter(attempt);
        const planned = plan(this.index, todo.map((t) => t.request));
        const sealed = planned.flatMap((p, i) => (p.kind === 'sealed' && p.events.length > 0 ? [{ i, out: this.outgoing(p.events, p.idempotency) }] : []));
        const result = await this.send(sealed.map((s) => s.out));
        const sentIndexes = new Set(sealed.slice(0, result.sent).map((s) => s.i));
        if (result.stop === 'too-large') failed.set(todo[sealed[result.sent].i].job, tooLarge());
        planned.forEach((p, i) => {
          const { job, slot } = todo[i];
          if (p.kind === 'conflict') slots[job][slot] = p;
          else if (p.kind === 'sealed' && (p.events.length === 0 || sentIndexes.has(i))) slots[job][slot] = { kind: 'ok', events: p.events };
          else if (p.kind === 'duplicate' && p.first <= this.index.head.position) slots[job][slot] = { kind: 'duplicate-at', first: p.first };
        });
        if (result.stop === 'moved') await this.catchUp();
        todo = todo.filter((t) => slots[t.job][t.slot] === undefined && !failed.has(t.job));
      }
    } catch (e) {
      for (const t of todo) if (slots[t.job][t.slot] === undefined) failed.set(t.job, e);
    }
    for (let j = 0; j < group.length; j++) {
      if (failed.has(j)) group[j].reject(failed.get(j));
      else await this.answers(slots[j]).then(group[j].resolve, group[j].reject);
    }
  }

  private async answers(slots: readonly Slot[]): Promise<AppendResult[]> {
    const out: AppendResult[] = [];
    for (const s of slots) {
      if (s?.kind === 'duplicate-at') out.push({ kind: 'duplicate', ...(await this.commandAt(s.first)) });
      else out.push(s!);
    }
    return out;
  }

  private async writeSealed(commands: readonly SealedAppend[]): Promise<void> {
    let rest = commands;
    for (let attempt = 0; ; attempt++) {
      checkSealed(rest, { head: this.index.head, lastRevision: (s) => this.index.lastRevision(s), hasKey: (k) => this.index.hasKey(k) });
      const out = rest.filter((c) => c.events.length > 0).map((c) => this.outgoing(c.events, c.idempotency));
      const result = await this.send(out);
      if (!result.stop) return;
      if (result.stop === 'too-large' || attempt === MAX_RESEALS) throw result.stop === 'too-large' ? tooLarge() : new StoreUnavailableError('the log kept moving during the import');
      await this.catchUp();
      // What went through is in the index now; checking the rest against it refuses a log another writer moved.
      const head = this.index.head.position;
      rest = rest.filter((c) => c.events.length > 0 && c.events[c.events.length - 1].position > head);
    }
  }

  /** Appends commands in order in as few appends as the size limit allows; stops at the first refusal. */
  private async send(commands: readonly Outgoing[]): Promise<Sent> {
    const runs = chunks(commands, this.options.maxAppendBytes);
    let sent = 0;
    while (runs.length > 0) {
      const [from, to] = runs.shift()!;
      const outcome = await this.appendRun(commands.slice(from, to));
      if (outcome === 'moved') return { sent, stop: 'moved' };
      if (outcome === 'too-large') {
        // Our size estimate was short: halve the run, down to one command (which stays atomic).
        if (to - from === 1) return { sent, stop: 'too-large' };
        const mid = (from + to) >>> 1;
        runs.unshift([from, mid], [mid, to]);
        continue;
      }
      for (const c of commands.slice(from, to)) c.events.forEach((e, i) => this.ingest(e, c.marks[i]));
      this.announce();
      sent = to;
    }
    return { sent };
  }

  private async appendRun(commands: readonly Outgoing[]): Promise<'ok' | 'moved' | 'too-large'> {
    const first = commands[0].events[0].position;
    const expectedRevision = first === 1 ? NO_STREAM : BigInt(first - 2);
    const events = commands.flatMap((c) => c.data);
    let timeouts = 0;
    for (let attempt = 0; ; attempt++) {
      try {
        await this.appendWithin(events, expectedRevision);
        return 'ok';
      } catch (e) {
        if (e instanceof WrongExpectedVersionError) return 'moved';
        if (e instanceof MaxAppendSizeExceededError) return 'too-large';
        const timedOut = e instanceof AppendUnansweredError;
        if (timedOut) timeouts++;
        // Resending the same ids with the same expected revision is deduplicated by ESDB, so an
        // append whose answer was lost, or never came, is not written twice.
        if (isTransient(e) && attempt < MAX_RESENDS && timeouts <= MAX_TIMEOUT_RESENDS && !this.closing) {
          await sleep(50 * 2 ** attempt);
          continue;
        }
        throw unavailable('EventStoreDB did not take the append', e);
      }
    }
  }

  /**
   * One append, given up after appendTimeoutMs: the server gets the same deadline (so it answers
   * Timeout rather than write late where it can), and the client's promise, which may never settle,
   * is left behind (its entry in the client's map of pending appends stays: a few hundred bytes).
   */
  private async appendWithin(events: readonly EventData[], expectedRevision: bigint | typeof NO_STREAM): Promise<void> {
    const ms = this.options.appendTimeoutMs;
    let timer: NodeJS.Timeout | undefined;
    const unanswered = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new AppendUnansweredError(ms)), ms);
    });
    try {
      await Promise.race([this.client.appendToStream(this.options.stream, events as EventData[], { expectedRevision, deadline: ms }), unanswered]);
    } finally {
      clearTimeout(timer);
    }
  }

  private outgoing(events: readonly StoredEvent[], idempotency: Idempotency | undefined): Outgoing {
    const n = events.length;
    let bytes = 0;
    const marks: CommandMark[] = [];
    const data = events.map((e, i) => {
      const body: Body = { stream: e.stream, revision: e.revision, data: e.data, occurredAt: e.occurredAt, recordedAt: e.recordedAt, meta: e.meta, prevHash: e.prevHash, hash: e.hash };
      const first = i === 0 && idempotency;
      const metadata: Mark = { i, n, ...(first ? { key: idempotency.key, digest: idempotency.digest } : {}), $correlationId: e.meta.correlationId };
      marks.push({ index: i, count: n, ...(first ? { idempotency } : {}) });
      bytes += Buffer.byteLength(JSON.stringify(body)) + Buffer.byteLength(JSON.stringify(metadata)) + e.type.length + EVENT_OVERHEAD_BYTES;
      // The hash makes the id differ between two instances sealing the same command differently,
      // so ESDB never mistakes one's append for a retry of the other's.
      const id = uuidV5(EVENT_ID_NAMESPACE, `${e.meta.commandId}/${i}/${e.hash}`);
      return jsonEvent({ id, type: e.type, data: body as unknown as JSONType, metadata });
    });
    return { events, marks, data, bytes };
  }

  // ------------------------------------------------------------------ following the log

  private ingest(e: StoredEvent, mark: CommandMark): void {
    if (!this.index.apply(e, mark)) return;
    this.recent.put(e, mark);
    this.pending.push(e);
    if (mark.index === mark.count - 1) this.complete = this.pending.length;
  }

  /** Tell listeners every whole command ingested so far, as one batch, in position order. */
  private announce(): void {
    this.announceScheduled = false;
    if (this.complete === 0) return;
    const batch = this.pending.slice(0, this.complete);
    this.pending = this.pending.slice(this.complete);
    this.complete = 0;
    for (const l of this.listeners) {
      try {
        l(batch);
      } catch (e) {
        console.error('tally: a store listener failed', e);
      }
    }
  }

  private announceSoon(): void {
    if (this.announceScheduled) return;
    this.announceScheduled = true;
    setImmediate(() => this.announce());
  }

  /** Read the log from the index head to its end (serialised: one reader at a time). */
  private catchUp(): Promise<void> {
    const run = this.reading.then(async () => {
      for await (const [e, mark] of this.readLog(this.index.head.position)) this.ingest(e, mark);
      this.announce();
    });
    this.reading = run.catch(() => undefined);
    return run;
  }

  private follow(): void {
    if (this.closing) return;
    const head = this.index.head.position;
    // A subscription's fromRevision is exclusive: the last revision already applied.
    const sub = this.client.subscribeToStream(this.options.stream, { fromRevision: head === 0 ? START : BigInt(head - 1) });
    this.subscription = sub;
    sub.on('data', (resolved: ResolvedEvent) => {
      if (this.subscription !== sub) return;
      this.resubscribeMs = 100;
      this.received(resolved);
    });
    const dropped = () => {
      if (this.subscription !== sub || this.closing) return;
      this.subscription = undefined;
      void sub.unsubscribe().catch(() => undefined);
      setTimeout(() => this.follow(), this.resubscribeMs).unref();
      this.resubscribeMs = Math.min(5000, this.resubscribeMs * 2);
    };
    sub.on('error', dropped);
    sub.on('end', dropped);
    sub.on('close', dropped);
  }

  private received(resolved: ResolvedEvent): void {
    let decoded: [StoredEvent, CommandMark];
    try {
      decoded = decode(resolved);
    } catch (e) {
      console.error(`tally: ${(e as Error).message}`);
      return;
    }
    const [e, mark] = decoded;
    const head = this.index.head.position;
    if (e.position <= head) return; // our own append, already applied when it was acknowledged
    if (e.position > head + 1) {
      // Never expected from an ordered subscription; read the gap rather than guess.
      void this.catchUp().catch(() => undefined);
      return;
    }
    this.ingest(e, mark);
    this.announceSoon();
  }

  // ------------------------------------------------------------------ reads

  async readStream(stream: string): Promise<StoredEvent[]> {
    return this.fetch(this.index.positionsOf(stream));
  }

  /** What this instance has applied, in order; events other instances appended since arrive with the subscription. */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = Math.max(0, options.after ?? 0);
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    if (options.stream) return this.fetch(this.index.positionsOf(options.stream).filter((p) => p > after).slice(0, limit));
    const last = Math.min(this.index.head.position, after + limit);
    if (last <= after) return [];
    // The recent tail from memory (taken now: the read below refills the cache), the rest from ESDB.
    const tail: StoredEvent[] = [];
    let p = last;
    for (let e = this.recent.get(p); e && p > after; e = this.recent.get(--p)) tail.push(e);
    const older = p > after ? await this.readRange(after + 1, p) : [];
    return older.concat(tail.reverse());
  }

  async head(): Promise<Head> {
    return this.index.head;
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    const first = this.index.firstOf(key);
    if (first === undefined) return undefined;
    const { digest, events } = await this.commandAt(first);
    return { digest, positions: events.map((e) => e.position) };
  }

  /** The command whose first event is at `first`: its key's digest (from the ESDB metadata) and its events. */
  private async commandAt(first: number): Promise<{ digest: string; events: StoredEvent[] }> {
    let event = this.recent.get(first);
    let mark = this.recent.markOf(first);
    if (!event || !mark) for await (const [e, m] of this.readLog(first - 1, 1)) [event, mark] = [e, m];
    if (!event || !mark) throw new StoreUnavailableError(`the event at position ${first} could not be read`);
    const rest = Array.from({ length: mark.count - 1 }, (_, i) => first + 1 + i);
    return { digest: mark.idempotency?.digest ?? '', events: [event, ...(await this.fetch(rest))] };
  }

  subscribe(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Events at these positions (each ≤ the head), from memory where possible, else in runs. */
  private async fetch(positions: readonly number[]): Promise<StoredEvent[]> {
    const out: StoredEvent[] = new Array(positions.length);
    const runs: [number, number][] = [];
    positions.forEach((p, i) => {
      const hit = this.recent.get(p);
      const run = runs[runs.length - 1];
      if (hit) out[i] = hit;
      else if (run && run[1] === i && positions[i - 1] === p - 1) run[1] = i + 1;
      else runs.push([i, i + 1]);
    });
    for (let k = 0; k < runs.length; k += READ_PARALLELISM) {
      await Promise.all(
        runs.slice(k, k + READ_PARALLELISM).map(async ([from, to]) => {
          const events = await this.readRange(positions[from], positions[to - 1]);
          events.forEach((e, j) => (out[from + j] = e));
        }),
      );
    }
    return out;
  }

  /** Events first..last from ESDB; they join the recent ones, so a scan's duplicate lookups (export) stay local. */
  private async readRange(first: number, last: number): Promise<StoredEvent[]> {
    const out: StoredEvent[] = [];
    for await (const [e, mark] of this.readLog(first - 1, last - first + 1)) {
      out.push(e);
      this.recent.put(e, mark);
    }
    return out;
  }

  /** Events after a position, decoded; a log never written yet reads as empty. */
  private async *readLog(after: number, count?: number): AsyncGenerator<[StoredEvent, CommandMark]> {
    const read = this.client.readStream(this.options.stream, { fromRevision: BigInt(after), ...(count !== undefined ? { maxCount: count } : {}) });
    let finished = false;
    try {
      for await (const resolved of read) yield decode(resolved);
      finished = true;
    } catch (e) {
      if (e instanceof StreamNotFoundError) {
        finished = true;
        return;
      }
      if (e instanceof StreamDeletedError) throw new LogNotWholeError(this.options.stream, 'was deleted for good (tombstoned)');
      throw e instanceof StoreUnavailableError ? e : unavailable('EventStoreDB did not answer a read', e);
    } finally {
      // Leaving a for-await early does not end the gRPC call.
      if (!finished) await read.cancel().catch(() => undefined);
    }
  }

  // ------------------------------------------------------------------ lifecycle

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    while (this.writing) await this.writing;
    const sub = this.subscription;
    this.subscription = undefined;
    await sub?.unsubscribe().catch(() => undefined);
    this.listeners.clear();
    await this.client.dispose();
  }
}

/** The log stream is deleted or may lose events: Tally will not start on it. */
export class LogNotWholeError extends Error {
  constructor(stream: string, what: string) {
    super(`the EventStoreDB stream ${stream} ${what}; Tally's log must be whole: use another stream (stream=… in TALLY_STORE), or remove that metadata if no event was dropped yet`);
    this.name = 'LogNotWholeError';
  }
}

const decode = (resolved: ResolvedEvent): [StoredEvent, CommandMark] => {
  const r = resolved.event;
  const b = r?.data as Partial<Body> | undefined;
  if (!r || !r.isJson || typeof b !== 'object' || b === null || typeof b.stream !== 'string' || typeof b.revision !== 'number' || typeof b.hash !== 'string')
    throw new StoreUnavailableError(`revision ${r?.revision} of the EventStoreDB log is not a Tally event`);
  const e: StoredEvent = {
    position: Number(r.revision) + 1,
    stream: b.stream,
    revision: b.revision,
    type: r.type,
    data: b.data,
    occurredAt: b.occurredAt!,
    recordedAt: b.recordedAt!,
    meta: b.meta!,
    prevHash: b.prevHash!,
    hash: b.hash,
  };
  return [e, markOf(r.metadata)];
};

const markOf = (metadata: unknown): CommandMark => {
  const m = metadata as Partial<Mark> | undefined;
  if (!m || typeof m.i !== 'number' || typeof m.n !== 'number') return SINGLE;
  return { index: m.i, count: m.n, ...(typeof m.key === 'string' && typeof m.digest === 'string' ? { idempotency: { key: m.key, digest: m.digest } } : {}) };
};

/** Consecutive commands grouped into appends of at most `budget` bytes (a command is never split). */
const chunks = (commands: readonly Outgoing[], budget: number): [number, number][] => {
  const runs: [number, number][] = [];
  let bytes = 0;
  commands.forEach((c, i) => {
    const run = runs[runs.length - 1];
    if (run && bytes + c.bytes <= budget) {
      run[1] = i + 1;
      bytes += c.bytes;
    } else {
      runs.push([i, i + 1]);
      bytes = c.bytes;
    }
  });
  return runs;
};

/** No answer to an append within appendTimeoutMs: it may or may not have been written. */
class AppendUnansweredError extends Error {
  constructor(ms: number) {
    super(`no answer to an append within ${ms} ms`);
    this.name = 'AppendUnansweredError';
  }
}

const isTransient = (e: unknown): boolean =>
  e instanceof AppendUnansweredError ||
  e instanceof UnavailableError || e instanceof DeadlineExceededError || e instanceof CancelledError || e instanceof NotLeaderError;

const unavailable = (what: string, e: unknown) => new StoreUnavailableError(`${what}: ${(e as Error)?.message ?? String(e)}`, e);

const tooLarge = () => new StoreUnavailableError("one command's events exceed EventStoreDB's append size limit (1 MiB); it was not written");

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const jitter = (attempt: number) => sleep(Math.random() * Math.min(100, 2 ** attempt));
