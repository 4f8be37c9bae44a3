// What one Tally instance knows of the shared EventStoreDB log: each stream's positions, the head,
// every idempotency key, and the most recent events. Rebuilt from the log at start and kept current
// from the subscription; the writer seals against it. No ESDB types here: only Tally's numbering.
import type { StoredEvent } from '../../core/shared/envelope';
import { checkExpected } from './expected';
import { GENESIS_HASH, seal } from './hashChain';
import type { AppendRequest, Head, Idempotency, IdempotencyRecord } from './port';

/** What the log carries beside each event: its place in its command, and the command's key. */
export interface CommandMark {
  readonly index: number;
  readonly count: number;
  readonly idempotency?: Idempotency;
}

export const SINGLE: CommandMark = { index: 0, count: 1 };

interface KeyEntry {
  readonly digest: string;
  readonly first: number;
  readonly count: number;
}

export class LogIndex {
  private position = 0;
  private hash = GENESIS_HASH;
  /** stream → positions of its events, in revision order */
  private readonly streams = new Map<string, number[]>();
  private readonly keys = new Map<string, KeyEntry>();

  get head(): Head {
    return { position: this.position, hash: this.hash };
  }

  lastRevision(stream: string): number {
    return (this.streams.get(stream)?.length ?? 0) - 1;
  }

  positionsOf(stream: string): readonly number[] {
    return this.streams.get(stream) ?? [];
  }

  hasKey(key: string): boolean {
    return this.keys.has(key);
  }

  idempotency(key: string): IdempotencyRecord | undefined {
    const k = this.keys.get(key);
    return k && { digest: k.digest, positions: Array.from({ length: k.count }, (_, i) => k.first + i) };
  }

  /** Takes the next event of the log; false (and no change) when it is not the next position. */
  apply(e: StoredEvent, mark: CommandMark): boolean {
    if (e.position !== this.position + 1) return false;
    this.position = e.position;
    this.hash = e.hash;
    const positions = this.streams.get(e.stream);
    if (positions) positions.push(e.position);
    else this.streams.set(e.stream, [e.position]);
    if (mark.index === 0 && mark.idempotency) this.keys.set(mark.idempotency.key, { digest: mark.idempotency.digest, first: e.position, count: mark.count });
    return true;
  }
}

/** One request's fate when sealed against the index (and the requests before it in the same plan). */
export type Planned =
  | { readonly kind: 'conflict'; readonly actual: number }
  | { readonly kind: 'duplicate'; readonly digest: string; readonly positions: readonly number[] }
  | { readonly kind: 'sealed'; readonly events: readonly StoredEvent[]; readonly idempotency?: Idempotency };

/**
 * Seal requests in order as if appended after the index head: each is checked against its own
 * expected stream revision and idempotency key, exactly as the memory store would.
 */
export const plan = (index: LogIndex, requests: readonly AppendRequest[]): Planned[] => {
  const revisions = new Map<string, number>();
  const keys = new Map<string, IdempotencyRecord>();
  let { position, hash } = index.head;
  return requests.map((r): Planned => {
    if (r.idempotency) {
      const seen = keys.get(r.idempotency.key) ?? index.idempotency(r.idempotency.key);
      if (seen) return { kind: 'duplicate', digest: seen.digest, positions: seen.positions };
    }
    const actual = revisions.get(r.stream) ?? index.lastRevision(r.stream);
    if (!checkExpected(r.expected, actual)) return { kind: 'conflict', actual };
    const events = r.events.map((e, i) => {
      const s = seal(e, r.stream, actual + 1 + i, ++position, hash);
      hash = s.hash;
      return s;
    });
    revisions.set(r.stream, actual + events.length);
    if (r.idempotency) keys.set(r.idempotency.key, { digest: r.idempotency.digest, positions: events.map((e) => e.position) });
    return { kind: 'sealed', events, idempotency: r.idempotency };
  });
};

/** The last `capacity` events by position, so hot reads skip the network. */
export class RecentEvents {
  private readonly ring: (StoredEvent | undefined)[];

  constructor(readonly capacity: number) {
    this.ring = new Array(Math.max(1, capacity));
  }

  put(e: StoredEvent): void {
    this.ring[e.position % this.ring.length] = e;
  }

  get(position: number): StoredEvent | undefined {
    const e = this.ring[position % this.ring.length];
    return e?.position === position ? e : undefined;
  }
}
