// The folded state of recently used streams, kept current from the store's subscription so a
// command does not re-read its stream each time. A stale entry is harmless: the append's
// expected revision catches it and the engine re-reads.
import type { StreamKind } from '../../core/shared/decider';
import type { StoredEvent } from '../../core/shared/envelope';

export interface Folded<S = unknown> {
  readonly state: S;
  /** last revision, -1 when the stream has no events */
  readonly revision: number;
}

/**
 * Two generations instead of a strict LRU: hits go to the young map, and when it is full the old
 * one is dropped whole. Every operation is O(1); a strict LRU on one Map re-inserted on each hit
 * and evicted from the front spent its time skipping the holes its deletes left there.
 */
export class WriteCache {
  private young = new Map<string, Folded>();
  private old = new Map<string, Folded>();

  constructor(
    private readonly kindOf: (stream: string) => StreamKind<unknown> | undefined,
    /** at most this many streams are held (each generation holds half) */
    private readonly capacity = 100_000,
  ) {}

  get(stream: string): Folded | undefined {
    const hit = this.young.get(stream);
    if (hit) return hit;
    const aging = this.old.get(stream);
    if (aging) {
      this.old.delete(stream);
      this.keep(stream, aging);
    }
    return aging;
  }

  set(stream: string, folded: Folded): void {
    this.old.delete(stream);
    this.keep(stream, folded);
  }

  invalidate(stream: string): void {
    this.young.delete(stream);
    this.old.delete(stream);
  }

  clear(): void {
    this.young = new Map();
    this.old = new Map();
  }

  /** Fold appended events into cached streams; drop an entry that is not exactly one behind. */
  onAppended(batch: readonly StoredEvent[]): void {
    for (const e of batch) {
      const map = this.young.has(e.stream) ? this.young : this.old;
      const hit = map.get(e.stream);
      if (!hit) continue;
      const kind = this.kindOf(e.stream);
      if (!kind || hit.revision !== e.revision - 1) {
        map.delete(e.stream);
        continue;
      }
      map.set(e.stream, { state: kind.evolve(hit.state, e), revision: e.revision });
    }
  }

  private keep(stream: string, folded: Folded): void {
    this.young.set(stream, folded);
    if (this.young.size >= this.capacity / 2) {
      this.old = this.young;
      this.young = new Map();
    }
  }
}
