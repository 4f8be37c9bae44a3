// What one Tally instance knows of the shared EventStoreDB log: each stream's positions, the head,
// every idempotency key, and the most recent events. Rebuilt from the log at start and kept current
// from the subscription; the writer seals against it. No ESDB types here: only Tally's numbering.
import type { StoredEvent } from '../../core/shared/envelope';
import { checkExpected } from './expected';
import { GENESIS_HASH, seal } from './hashChain';
import type { AppendRequest, Head, Idempotency } from './port';
import { asRecordedAfter } from './recordedOrder.mjs';

/** What the log carries beside each event: its place in its command, and the command's key. */
export interface CommandMark {
  readonly index: number;
  readonly count: number;
  readonly idempotency?: Idempotency;
}

export const SINGLE: CommandMark = { index: 0, count: 1 };

/**
 * Memory matters here (a few hundred MB per million events would crowd the read models): a stream
 * of one event keeps a bare position, and a key keeps only its command's first position — the
 * digest and the command's length are in that event's ESDB metadata, read on the rare duplicate.
 */
export class LogIndex {
  private position = 0;
  private hash = GENESIS_HASH;
  /** the head event's recordedAt: the next one sealed is recorded no earlier (recordedOrder.mjs) */
  private recordedAt: string | undefined;
  /** stream → position of its only event, or positions of its events in revision order */
  private readonly streams = new Map<string, number | number[]>();
  /** idempotency key → position of its command's first event */
  private readonly keys = new Map<string, number>();

  get head(): Head {
    return { position: this.position, hash: this.hash };
  }

  get headRecordedAt(): string | undefined {
    return this.recordedAt;
  }

  lastRevision(stream: string): number {
    const p = this.streams.get(stream);
    return p === undefined ? -1 : typeof p === 'number' ? 0 : p.length - 1;
  }

  positionsOf(stream: string): readonly number[] {
    const p = this.streams.get(stream);
    return p === undefined ? [] : typeof p === 'number' ? [p] : p;
  }

  hasKey(key: string): boolean {
    return this.keys.has(key);
  }

  /** First position of the command appended under this key. */
  firstOf(key: string): number | undefined {
    return this.keys.get(key);
  }

  /** Takes the next event of the log; false (and no change) when it is not the next position. */
  apply(e: StoredEvent, mark: CommandMark): boolean {
    if (e.position !== this.position + 1) return false;
    this.position = e.position;
    this.hash = e.hash;
    this.recordedAt = e.recordedAt;
    const p = this.streams.get(e.stream);
    if (p === undefined) this.streams.set(e.stream, e.position);
    else if (typeof p === 'number') this.streams.set(e.stream, [p, e.position]);
    else p.push(e.position);
    if (mark.index === 0 && mark.idempotency) this.keys.set(mark.idempotency.key, e.position);
    return true;
  }
}

/** One request's fate when sealed against the index (and the requests before it in the same plan). */
export type Planned =
  | { readonly kind: 'conflict'; readonly actual: number }
  /** the key's command starts at `first`; its digest and events are read when answering */
  | { readonly kind: 'duplicate'; readonly first: number }
  | { readonly kind: 'sealed'; readonly events: readonly StoredEvent[]; readonly idempotency?: Idempotency };

/**
 * Seal requests in order as if appended after the index head: each is checked against its own
 * expected stream revision and idempotency key, exactly as the memory store would.
 */
export const plan = (index: LogIndex, requests: readonly AppendRequest[]): Planned[] => {
  const revisions = new Map<string, number>();
  const keys = new Map<string, number>();
  let { position, hash } = index.head;
  let recordedAt = index.headRecordedAt;
  return requests.map((r): Planned => {
    if (r.idempotency) {
      const first = keys.get(r.idempotency.key) ?? index.firstOf(r.idempotency.key);
      if (first !== undefined) return { kind: 'duplicate', first };
    }
    const actual = revisions.get(r.stream) ?? index.lastRevision(r.stream);
    if (!checkExpected(r.expected, actual)) return { kind: 'conflict', actual };
    const events = r.events.map((e, i) => {
      const s = seal(asRecordedAfter(e, recordedAt), r.stream, actual + 1 + i, ++position, hash);
      hash = s.hash;
      recordedAt = s.recordedAt;
      return s;
    });
    revisions.set(r.stream, actual + events.length);
    // A keyed command of no events leaves nothing in the log to carry its key.
    if (r.idempotency && events.length > 0) keys.set(r.idempotency.key, events[0].position);
    return { kind: 'sealed', events, idempotency: r.idempotency };
  });
};

/** The last `capacity` events by position, with their marks, so hot reads skip the network. */
export class RecentEvents {
  private readonly events: (StoredEvent | undefined)[];
  private readonly marks: (CommandMark | undefined)[];

  constructor(readonly capacity: number) {
    this.events = new Array(Math.max(1, capacity));
    this.marks = new Array(Math.max(1, capacity));
  }

  put(e: StoredEvent, mark: CommandMark): void {
    const i = e.position % this.events.length;
    this.events[i] = e;
    this.marks[i] = mark;
  }

  get(position: number): StoredEvent | undefined {
    const e = this.events[position % this.events.length];
    return e?.position === position ? e : undefined;
  }

  markOf(position: number): CommandMark | undefined {
    return this.get(position) && this.marks[position % this.marks.length];
  }
}
