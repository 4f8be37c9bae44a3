// The one port every event store implements (memory, SQLite, EventStoreDB). It speaks Tally's
// numbering — revision from 0 per stream, gap-free global position from 1 — and seals events
// into the hash chain; adapters translate their backend's numbering and errors behind it.
import type { StoredEvent, UnsealedEvent } from '../../core/shared/envelope';

/** `no-stream`: the stream must not exist; `any`: no check; a number: the stream's last revision. */
export type ExpectedRevision = 'no-stream' | 'any' | number;

export interface Idempotency {
  readonly key: string;
  /** digest of the request body, so a reused key with another body is told apart */
  readonly digest: string;
}

/**
 * The key a store keeps for a caller's Idempotency-Key: the token's subject and the key, so another
 * subject's key is a different key. A space joins them: neither a subject (an id) nor a key
 * (visible ASCII) holds one, so no bare key stored before keys were scoped can look like one.
 */
export const subjectKey = (sub: string, key: string): string => `${sub} ${key}`;

export interface AppendRequest {
  readonly stream: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly UnsealedEvent[];
  readonly idempotency?: Idempotency;
}

export type AppendResult =
  | { readonly kind: 'ok'; readonly events: readonly StoredEvent[] }
  /** the stream's actual last revision (-1: no stream) did not match */
  | { readonly kind: 'conflict'; readonly actual: number }
  /** the idempotency key was already used; these are the events it appended then */
  | { readonly kind: 'duplicate'; readonly digest: string; readonly events: readonly StoredEvent[] };

export interface Head {
  readonly position: number;
  readonly hash: string;
}

export interface ReadAllOptions {
  /** read events with position > after (default 0) */
  readonly after?: number;
  readonly limit?: number;
  readonly stream?: string;
}

export interface IdempotencyRecord {
  readonly digest: string;
  readonly positions: readonly number[];
}

export type BatchListener = (batch: readonly StoredEvent[]) => void;

/** One command's events, sealed by another store, with the idempotency key it was appended under. */
export interface SealedAppend {
  readonly events: readonly StoredEvent[];
  readonly idempotency?: Idempotency;
}

/**
 * Appends handed over in parts and written as one durable group: the store checks, seals and
 * inserts the parts already handed over while the caller decides the next ones. Nothing is
 * acknowledged before `commit` resolves, and a group the store refuses writes none of its parts.
 */
export interface AppendGroup {
  /** Hand over more requests, after those already added. */
  add(requests: readonly AppendRequest[]): void;
  /** Each request's result in the order added, once the whole group is durable. */
  commit(): Promise<AppendResult[]>;
  /** Give the group up: none of it is written. */
  abandon(): void;
}

export interface EventStore {
  /** `memory`, `sqlite`, `esdb`: shown on /health */
  readonly kind: string;
  /**
   * Append each request atomically and independently, in order; a request may be refused
   * (conflict, duplicate) without affecting the others. Resolves only once every accepted
   * request is durable. Backends may group concurrent calls into one transaction.
   */
  appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]>;
  /**
   * A group to hand over in parts (appendMany's requests, as one transaction, written while the
   * caller still decides); undefined where the store cannot overlap writing with deciding, or has
   * a group open already: then the caller uses appendMany.
   */
  openGroup?(): AppendGroup | undefined;
  readStream(stream: string): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  head(): Promise<Head>;
  findIdempotency(key: string): Promise<IdempotencyRecord | undefined>;
  /**
   * Every idempotency record, in key order, for `tally verify` to hold them against the chain.
   * Absent where the keys live inside the backend's own immutable log (EventStoreDB's metadata).
   */
  idempotencyRecords?(): AsyncGenerator<IdempotencyRecord & { readonly key: string }>;
  /** Called once per durable batch, in position order, after it is acknowledged. */
  subscribe(listener: BatchListener): () => void;
  /**
   * Migration (`tally import` of a `tally export`): append events sealed elsewhere verbatim, so
   * positions, hashes and recorded times survive. Each must continue this log exactly (next
   * position, prevHash = head hash, next stream revision, a hash that matches); the whole call is
   * checked first and a mismatch throws SealedMismatchError with nothing appended. Commands stay atomic.
   */
  appendSealed?(commands: readonly SealedAppend[]): Promise<void>;
  close(): Promise<void>;
}

export const append = async (store: EventStore, request: AppendRequest): Promise<AppendResult> =>
  (await store.appendMany([request]))[0];

/** Async iteration over the whole log in pages, for replay and verification. */
export async function* readAllPaged(store: EventStore, after = 0, pageSize = 10_000): AsyncGenerator<StoredEvent[]> {
  let cursor = after;
  for (;;) {
    const page = await store.readAll({ after: cursor, limit: pageSize });
    if (page.length === 0) return;
    yield page;
    cursor = page[page.length - 1].position;
    if (page.length < pageSize) return;
  }
}

/** Thrown (not returned) for failures of the store itself, e.g. a full disk: the shell says 503. */
export class StoreUnavailableError extends Error {
  constructor(message: string, override readonly cause?: unknown) {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

/** TALLY_STORE (or a store command's flags) names no store this version can open: the CLI says so in one line and exits 2. */
export class StoreConfigError extends Error {}
