// The in-memory store: the reference behaviour of the port, used by tests and the demo.
import type { StoredEvent } from '../../core/shared/envelope';
import { GENESIS_HASH, seal } from './hashChain';
import type { AppendRequest, AppendResult, BatchListener, EventStore, Head, IdempotencyRecord, ReadAllOptions, SealedAppend } from './port';
import { checkExpected } from './expected';
import { asRecordedAfter } from './recordedOrder.mjs';
import { checkSealed } from './sealed';

export class MemoryStore implements EventStore {
  readonly kind = 'memory';
  private readonly log: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly keys = new Map<string, IdempotencyRecord>();
  private readonly listeners = new Set<BatchListener>();

  async appendMany(requests: readonly AppendRequest[]): Promise<AppendResult[]> {
    const results: AppendResult[] = [];
    const appended: StoredEvent[] = [];
    for (const r of requests) {
      if (r.idempotency) {
        const seen = this.keys.get(r.idempotency.key);
        if (seen) {
          results.push({ kind: 'duplicate', digest: seen.digest, events: seen.positions.map((p) => this.log[p - 1]) });
          continue;
        }
      }
      const stream = this.streams.get(r.stream) ?? [];
      const actual = stream.length - 1;
      if (!checkExpected(r.expected, actual)) {
        results.push({ kind: 'conflict', actual });
        continue;
      }
      const sealed: StoredEvent[] = [];
      for (const e of r.events) {
        const last = this.log.at(-1);
        const s = seal(asRecordedAfter(e, last?.recordedAt), r.stream, stream.length, this.log.length + 1, last ? last.hash : GENESIS_HASH);
        this.log.push(s);
        stream.push(s);
        sealed.push(s);
      }
      this.streams.set(r.stream, stream);
      if (r.idempotency) this.keys.set(r.idempotency.key, { digest: r.idempotency.digest, positions: sealed.map((e) => e.position) });
      appended.push(...sealed);
      results.push({ kind: 'ok', events: sealed });
    }
    if (appended.length > 0) for (const l of this.listeners) l(appended);
    return results;
  }

  async appendSealed(commands: readonly SealedAppend[]): Promise<void> {
    const last = this.log[this.log.length - 1];
    const head = last ? { position: last.position, hash: last.hash } : { position: 0, hash: GENESIS_HASH };
    checkSealed(commands, { head, lastRevision: (s) => (this.streams.get(s)?.length ?? 0) - 1, hasKey: (k) => this.keys.has(k) });
    const appended: StoredEvent[] = [];
    for (const c of commands) {
      for (const e of c.events) {
        this.log.push(e);
        const stream = this.streams.get(e.stream) ?? [];
        stream.push(e);
        this.streams.set(e.stream, stream);
      }
      if (c.idempotency) this.keys.set(c.idempotency.key, { digest: c.idempotency.digest, positions: c.events.map((e) => e.position) });
      appended.push(...c.events);
    }
    if (appended.length > 0) for (const l of this.listeners) l(appended);
  }

  async readStream(stream: string): Promise<StoredEvent[]> {
    return [...(this.streams.get(stream) ?? [])];
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after ?? 0;
    const limit = options.limit ?? Number.MAX_SAFE_INTEGER;
    if (options.stream) return (this.streams.get(options.stream) ?? []).filter((e) => e.position > after).slice(0, limit);
    return this.log.slice(Math.max(0, after), Math.max(0, after) + limit);
  }

  async head(): Promise<Head> {
    const last = this.log[this.log.length - 1];
    return last ? { position: last.position, hash: last.hash } : { position: 0, hash: GENESIS_HASH };
  }

  async findIdempotency(key: string): Promise<IdempotencyRecord | undefined> {
    return this.keys.get(key);
  }

  async *idempotencyRecords(): AsyncGenerator<IdempotencyRecord & { readonly key: string }> {
    for (const key of [...this.keys.keys()].sort()) yield { key, ...this.keys.get(key)! };
  }

  subscribe(listener: BatchListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async close(): Promise<void> {
    this.listeners.clear();
  }
}
