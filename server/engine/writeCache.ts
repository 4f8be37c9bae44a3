// The folded state of recently used streams, kept current from the store's subscription so a
// command does not re-read its stream each time. A stale entry is harmless: the append's
// expected revision catches it and the engine re-reads.
import type { FoldedEvent, StreamKind } from '../../core/shared/decider';
import type { StoredEvent } from '../../core/shared/envelope';

export interface Folded<S = unknown> {
  readonly state: S;
  /** last revision, -1 when the stream has no events */
  readonly revision: number;
}

export class WriteCache {
  private readonly entries = new Map<string, Folded>();

  constructor(
    private readonly kindOf: (stream: string) => StreamKind<unknown> | undefined,
    private readonly capacity = 100_000,
  ) {}

  get(stream: string): Folded | undefined {
    const hit = this.entries.get(stream);
    if (hit) {
      // refresh its place in the LRU order
      this.entries.delete(stream);
      this.entries.set(stream, hit);
    }
    return hit;
  }

  set(stream: string, folded: Folded): void {
    this.entries.delete(stream);
    this.entries.set(stream, folded);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
  }

  invalidate(stream: string): void {
    this.entries.delete(stream);
  }

  clear(): void {
    this.entries.clear();
  }

  /** Fold appended events into cached streams; drop an entry that is not exactly one behind. */
  onAppended(batch: readonly StoredEvent[]): void {
    for (const e of batch) {
      const hit = this.entries.get(e.stream);
      if (!hit) continue;
      const kind = this.kindOf(e.stream);
      if (!kind || hit.revision !== e.revision - 1) {
        this.entries.delete(e.stream);
        continue;
      }
      this.entries.set(e.stream, { state: kind.evolve(hit.state, e as FoldedEvent), revision: e.revision });
    }
  }
}
