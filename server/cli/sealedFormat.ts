// The migration format of `tally export` / `tally import`: NDJSON, one sealed event a line exactly as
// the API returns it (so an auditor can recompute the chain from the file alone), and after a
// command's last event, when it was appended under an Idempotency-Key, a line
// {"idempotency":{"key","digest","positions"}} so the key stays durable in the new store.
import type { StoredEvent } from '../../core/shared/envelope';
import { recordOf, sameCommand } from '../store/commandKeys';
import { readAllPaged, type EventStore, type IdempotencyRecord, type SealedAppend } from '../store/port';

export interface IdempotencyLine {
  readonly idempotency: IdempotencyRecord & { readonly key: string };
}

export const isSealedEvent = (u: unknown): u is StoredEvent => {
  const e = u as Partial<StoredEvent> | null;
  return typeof e === 'object' && e !== null && Number.isSafeInteger(e.position) && typeof e.stream === 'string' && typeof e.hash === 'string' && typeof e.prevHash === 'string' && typeof e.meta === 'object';
};

export const isIdempotencyLine = (u: unknown): u is IdempotencyLine => {
  const i = (u as Partial<IdempotencyLine> | null)?.idempotency;
  return typeof i === 'object' && i !== null && typeof i.key === 'string' && typeof i.digest === 'string' && Array.isArray(i.positions);
};

export interface ExportStats {
  events: number;
  keys: number;
  head: string;
}

/** The whole log as NDJSON text, a page at a time; `stats` says what went out. */
export async function* exportLines(store: EventStore, stats: ExportStats = { events: 0, keys: 0, head: '' }, pageSize = 10_000): AsyncGenerator<string> {
  let group: StoredEvent[] = [];
  const close = async (): Promise<string> => {
    if (group.length === 0) return '';
    // A keyed command's commandId is its key; an unkeyed one's random id finds no record.
    const record = await recordOf(store, group);
    group = [];
    if (!record) return '';
    stats.keys++;
    return JSON.stringify({ idempotency: { key: record.key, digest: record.digest, positions: record.positions } } satisfies IdempotencyLine) + '\n';
  };
  for await (const page of readAllPaged(store, 0, pageSize)) {
    let text = '';
    for (const e of page) {
      if (group.length > 0 && !sameCommand(group[0], e)) text += await close();
      group.push(e);
      text += JSON.stringify(e) + '\n';
      stats.events++;
      stats.head = e.hash;
    }
    yield text;
  }
  const last = await close();
  if (last) yield last;
}

/** Regroups export lines into commands: consecutive events of one commandId and subject, plus their key. */
export class CommandGrouper {
  private current: StoredEvent[] = [];
  private ready: SealedAppend[] = [];

  /** A line that is neither an event nor a key record returns false. */
  push(line: unknown): boolean {
    if (isSealedEvent(line)) {
      if (this.current.length > 0 && !sameCommand(this.current[0], line)) this.end();
      this.current.push(line);
      return true;
    }
    if (isIdempotencyLine(line)) {
      const { key, digest, positions } = line.idempotency;
      const mine = this.current.map((e) => e.position);
      if (positions.length !== mine.length || positions.some((p, i) => p !== mine[i])) return false;
      this.ready.push({ events: this.current, idempotency: { key, digest } });
      this.current = [];
      return true;
    }
    return false;
  }

  /** Commands complete so far (the last open one stays until the next line or `finish`). */
  take(): SealedAppend[] {
    const out = this.ready;
    this.ready = [];
    return out;
  }

  finish(): SealedAppend[] {
    this.end();
    return this.take();
  }

  private end(): void {
    if (this.current.length > 0) this.ready.push({ events: this.current });
    this.current = [];
  }
}
