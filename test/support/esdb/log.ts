// The test server's in-memory event log: EventStoreDB's numbering and append rules
// (expected revision, idempotent re-append, soft delete and tombstone), with no knowledge of gRPC.
import { randomUUID } from 'node:crypto';

export interface RecordedEvent {
  /** Lower-case UUID chosen by the client. */
  readonly id: string;
  readonly stream: string;
  /** Per-stream, from 0. */
  readonly revision: number;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
  /** 100 ns ticks since the Unix epoch, as ESDB's `created` metadata. */
  readonly created: bigint;
  /** Log position; the commit and prepare positions are equal, as for any single-node write. */
  readonly position: number;
}

export interface ProposedEvent {
  readonly id: string;
  readonly type: string;
  readonly contentType: string;
  readonly data: Uint8Array;
  readonly metadata: Uint8Array;
}

export type ExpectedRevision =
  | { readonly kind: 'any' }
  | { readonly kind: 'no_stream' }
  | { readonly kind: 'stream_exists' }
  | { readonly kind: 'exact'; readonly revision: number };

export type AppendResult =
  | {
      readonly kind: 'success';
      /** undefined: the stream still has no events (an empty append to a new stream). */
      readonly currentRevision: number | undefined;
      readonly position: number | undefined;
    }
  | {
      readonly kind: 'wrong_expected_version';
      readonly currentRevision: number | undefined;
      readonly expected: ExpectedRevision;
    }
  /** The stream was tombstoned: nothing can be written to it again. */
  | { readonly kind: 'stream_deleted' };

/** EventStoreDB's `$tb` of a soft-deleted stream: long.MaxValue, past any event. */
const DELETED_TRUNCATE_BEFORE = '9223372036854775807';

// Positions imitate byte offsets in ESDB's transaction file: increasing but not
// contiguous, and never 0 for a user event (a real log starts with system records).
// An adapter that assumed `position + 1` is the next event would break on a real
// server, so it should break here too.
const FIRST_POSITION = 512;
const RECORD_OVERHEAD = 96;
const utf8 = new TextEncoder();

export class EventLog {
  readonly all: RecordedEvent[] = [];
  /** Streams deleted for good: reads and appends fail with StreamDeleted. */
  readonly tombstoned = new Set<string>();
  /** Each append that wrote events (replays and empty appends are not here): its stream, events and bytes of data and metadata. */
  readonly writes: { readonly stream: string; readonly events: number; readonly bytes: number }[] = [];
  private readonly streams = new Map<string, RecordedEvent[]>();
  private readonly idsByStream = new Map<string, Map<string, number>>();
  private nextPosition = FIRST_POSITION;
  private waiting: { promise: Promise<void>; resolve: () => void } | undefined;

  /** The stream's events in revision order; empty when it does not exist. */
  stream(name: string): readonly RecordedEvent[] {
    return this.streams.get(name) ?? [];
  }

  streamCount(): number {
    return this.streams.size;
  }

  /** Resolves at the next append. Take it before scanning so no append is missed. */
  nextAppend(): Promise<void> {
    if (!this.waiting) {
      let resolve!: () => void;
      const promise = new Promise<void>((r) => (resolve = r));
      this.waiting = { promise, resolve };
    }
    return this.waiting.promise;
  }

  /** Index in `all` of the first event whose position is at least `position`. */
  firstAtOrAfter(position: number): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.all[mid].position < position) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * A position a $all read or subscription may start from: 0, an event's, or the end of the log.
   * EventStoreDB refuses any other ("Trying to read from an invalid position.") rather than round
   * it to the next event: it would have to land inside a record of its transaction file.
   */
  isValidPosition(position: number): boolean {
    if (position === 0 || position === this.nextPosition) return true;
    return this.all[this.firstAtOrAfter(position)]?.position === position;
  }

  append(
    stream: string,
    expected: ExpectedRevision,
    proposed: readonly ProposedEvent[],
    created: bigint,
  ): AppendResult {
    if (this.tombstoned.has(stream)) return { kind: 'stream_deleted' };
    const existing = this.streams.get(stream) ?? [];
    const current = existing.length === 0 ? undefined : existing.length - 1;

    const replay = this.findReplay(stream, existing, expected, proposed);
    if (replay === 'partial') return { kind: 'wrong_expected_version', currentRevision: current, expected };
    if (replay) return { kind: 'success', currentRevision: replay.revision, position: replay.position };

    if (!satisfies(expected, current)) {
      return { kind: 'wrong_expected_version', currentRevision: current, expected };
    }
    if (proposed.length === 0) {
      return { kind: 'success', currentRevision: current, position: existing.at(-1)?.position };
    }

    const events = existing.length === 0 ? this.create(stream) : existing;
    const ids = this.idsByStream.get(stream)!;
    for (const p of proposed) {
      const event: RecordedEvent = {
        id: p.id,
        stream,
        revision: events.length,
        type: p.type,
        contentType: p.contentType,
        data: p.data,
        metadata: p.metadata,
        created,
        position: this.nextPosition,
      };
      this.nextPosition +=
        RECORD_OVERHEAD +
        utf8.encode(stream).length +
        utf8.encode(p.type).length +
        p.data.length +
        p.metadata.length;
      ids.set(p.id, event.revision);
      events.push(event);
      this.all.push(event);
    }
    this.writes.push({ stream, events: proposed.length, bytes: proposed.reduce((n, p) => n + p.data.length + p.metadata.length, 0) });
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.resolve();
    const last = events[events.length - 1];
    return { kind: 'success', currentRevision: last.revision, position: last.position };
  }

  /** The stream's metadata (the last `$metadata` event of `$$stream`), parsed; {} when none. */
  metadataOf(stream: string): Record<string, unknown> {
    const last = this.stream(`$$${stream}`).at(-1);
    if (!last) return {};
    try {
      const parsed: unknown = JSON.parse(new TextDecoder().decode(last.data));
      return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
    } catch {
      return {};
    }
  }

  /**
   * Whether a read still returns the event under its stream's metadata, as EventStoreDB applies it
   * on reads (scavenging removes such events later): `$tb` hides revisions before it, `$maxCount`
   * all but the last N, `$maxAge` (seconds) events older than that at `now` (100 ns ticks).
   */
  visibleAt(now: bigint): (event: RecordedEvent) => boolean {
    const cache = new Map<string, (e: RecordedEvent) => boolean>();
    return (event) => {
      let rule = cache.get(event.stream);
      if (!rule) {
        const m = this.metadataOf(event.stream);
        const length = this.stream(event.stream).length;
        const tb = typeof m.$tb === 'number' ? m.$tb : 0;
        const fromCount = typeof m.$maxCount === 'number' ? length - m.$maxCount : 0;
        const oldest = typeof m.$maxAge === 'number' ? now - BigInt(Math.floor(m.$maxAge)) * 10_000_000n : undefined;
        rule = (e) => e.revision >= tb && e.revision >= fromCount && (oldest === undefined || e.created >= oldest);
        cache.set(event.stream, rule);
      }
      return rule(event);
    };
  }

  /** True when metadata `$tb` hides every event of the stream (a soft delete). */
  isSoftDeleted(stream: string): boolean {
    const tb = this.metadataOf(stream).$tb;
    return typeof tb === 'number' && tb > this.stream(stream).length - 1;
  }

  /** Soft delete: `$tb` past the last event, written as stream metadata, as EventStoreDB does. */
  softDelete(stream: string, expected: ExpectedRevision, created: bigint): AppendResult {
    if (this.tombstoned.has(stream)) return { kind: 'stream_deleted' };
    const current = this.stream(stream).length === 0 ? undefined : this.stream(stream).length - 1;
    if (!satisfies(expected, current)) return { kind: 'wrong_expected_version', currentRevision: current, expected };
    const data = utf8.encode(`{"$tb":${DELETED_TRUNCATE_BEFORE}}`);
    const metadata = { id: randomUUID(), type: '$metadata', contentType: 'application/json', data, metadata: new Uint8Array() };
    this.append(`$$${stream}`, { kind: 'any' }, [metadata], created);
    return { kind: 'success', currentRevision: current, position: undefined };
  }

  /** Hard delete: the stream can never be read or written again. */
  tombstone(stream: string, expected: ExpectedRevision): AppendResult {
    if (this.tombstoned.has(stream)) return { kind: 'stream_deleted' };
    const current = this.stream(stream).length === 0 ? undefined : this.stream(stream).length - 1;
    if (!satisfies(expected, current)) return { kind: 'wrong_expected_version', currentRevision: current, expected };
    this.tombstoned.add(stream);
    return { kind: 'success', currentRevision: current, position: undefined };
  }

  private create(stream: string): RecordedEvent[] {
    const events: RecordedEvent[] = [];
    this.streams.set(stream, events);
    this.idsByStream.set(stream, new Map());
    return events;
  }

  /**
   * ESDB's idempotent append: when the proposed ids are already in the stream, in
   * order, where this append would have put them, the earlier write is reported
   * again instead of writing twice. A write that matches only in part is refused.
   * Returns the last event of the earlier write, 'partial', or undefined (no replay).
   */
  private findReplay(
    stream: string,
    existing: readonly RecordedEvent[],
    expected: ExpectedRevision,
    proposed: readonly ProposedEvent[],
  ): RecordedEvent | 'partial' | undefined {
    if (proposed.length === 0) return undefined;
    const start =
      expected.kind === 'exact'
        ? expected.revision + 1
        : expected.kind === 'no_stream'
          ? 0
          : (this.idsByStream.get(stream)?.get(proposed[0].id) ?? -1);
    if (start < 0 || existing[start]?.id !== proposed[0].id) return undefined;
    for (let i = 1; i < proposed.length; i++) {
      if (existing[start + i]?.id !== proposed[i].id) return 'partial';
    }
    return existing[start + proposed.length - 1];
  }
}

function satisfies(expected: ExpectedRevision, current: number | undefined): boolean {
  switch (expected.kind) {
    case 'any':
      return true;
    case 'no_stream':
      return current === undefined;
    case 'stream_exists':
      return current !== undefined;
    case 'exact':
      return current === expected.revision;
  }
}
