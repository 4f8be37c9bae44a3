// Keeps the read models current: folds the log on start, then every durable batch as the store
// announces it. Also answers "as of" questions by folding a prefix of the log, from the nearest
// snapshot (snapshots.ts) when that is cheaper than from the first event.
import { allProjections } from '../../core/readModels';
import type { Projection, ReadSettings } from '../../core/readModels/projection';
import { World } from '../../core/readModels/world';
import type { StoredEvent } from '../../core/shared/envelope';
import { readAllPaged, type EventStore } from '../store/port';
import { SnapshotStore, type SnapshotPolicy } from './snapshots';

/**
 * Events an asOf replay folds before it lets the event loop turn. A store read resolves at once
 * (SQLite is synchronous), so without a turn a replay holds the process from start to end: /health
 * and every other request wait, and the as-of limit never sees a second request arrive while one
 * runs, so it never refuses one.
 */
const REPLAY_SLICE = 1_000;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

export class Projections {
  private live: World;
  /** recordedAt (epoch ms) of each position, to find "the last position known at T" */
  private recorded = new Float64Array(1024);
  private chain: Promise<void> = Promise.resolve();
  private readonly waiters: { position: number; resolve: () => void }[] = [];
  private readonly asOfCache = new Map<number, World>();
  private readonly asOfUnderWay = new Map<number, Promise<World>>();
  private readonly listeners = new Set<(batch: readonly StoredEvent[]) => void>();
  readonly snapshots: SnapshotStore;
  /** events folded into the live World and the time it took, to price a replay against a snapshot */
  private folded = { events: 0, ms: 0 };
  /** events per ms the last long asOf replay achieved, reading included */
  private replayRate?: number;
  /** how the last asOf World was made: for benchmarks and diagnostics */
  lastAsOf?: { readonly position: number; readonly start: 'cache' | 'snapshot' | 'start'; readonly replayed: number; readonly ms: number };

  constructor(
    private readonly store: EventStore,
    readonly settings: ReadSettings,
    private readonly projections: readonly Projection<any>[] = allProjections,
    snapshotPolicy?: SnapshotPolicy,
  ) {
    this.live = new World(projections, settings);
    this.snapshots = new SnapshotStore(projections, settings, snapshotPolicy);
  }

  /** Fold the whole log, then follow the store. */
  async start(): Promise<void> {
    this.store.subscribe((batch) => {
      this.chain = this.chain.then(() => this.onBatch(batch));
    });
    this.chain = this.chain.then(() => this.catchUp());
    await this.chain;
  }

  get world(): World {
    return this.live;
  }

  get position(): number {
    return this.live.position;
  }

  /** Told after each batch is folded into the live world (SSE, alerts). */
  onApplied(listener: (batch: readonly StoredEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once the live world has folded `position` (read-your-writes for async stores). */
  waitFor(position: number): Promise<void> {
    if (this.live.position >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ position, resolve }));
  }

  /** The last position whose recordedAt ≤ the instant (0 when nothing was known yet). */
  positionAt(instantMs: number): number {
    let lo = 0;
    let hi = this.live.position; // recorded[0..hi-1] hold positions 1..hi
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.recorded[mid] <= instantMs) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether worldAt(position) starts no replay of its own: the live World, a cached one, or one under way. */
  hasWorldAt(position: number): boolean {
    return position >= this.live.position || this.asOfCache.has(position) || this.asOfUnderWay.has(position);
  }

  /** The read models as they were at a position: the same fold, stopped there. */
  async worldAt(position: number): Promise<World> {
    if (position >= this.live.position) return this.live;
    const hit = this.asOfCache.get(position);
    if (hit) {
      this.lastAsOf = { position, start: 'cache', replayed: 0, ms: 0 };
      return hit;
    }
    // callers asking for the same moment at once (the widgets of one page) share one replay
    let underWay = this.asOfUnderWay.get(position);
    if (!underWay) {
      underWay = this.replayTo(position).finally(() => this.asOfUnderWay.delete(position));
      this.asOfUnderWay.set(position, underWay);
    }
    return underWay;
  }

  private async replayTo(position: number): Promise<World> {
    const t0 = performance.now();
    // replaying from the store costs reading as well as folding: price it by what asOf replays took
    const w = this.snapshots.startFor(position, this.replayRate ?? this.folded.events / Math.max(this.folded.ms, 1));
    const from = w.position;
    const t1 = performance.now();
    if (w.position < position) {
      let sinceTurn = 0;
      for await (const page of readAllPaged(this.store, w.position, 20_000)) {
        for (const e of page) {
          if (e.position > position) break;
          w.apply(e);
          if (++sinceTurn === REPLAY_SLICE) {
            sinceTurn = 0;
            await nextTurn();
          }
        }
        if (page[page.length - 1].position >= position) break;
      }
    }
    const replayed = position - from;
    if (replayed >= 1000) this.replayRate = replayed / Math.max(performance.now() - t1, 1e-3);
    this.lastAsOf = { position, start: from > 0 ? 'snapshot' : 'start', replayed, ms: performance.now() - t0 };
    this.asOfCache.set(position, w);
    // an asOf World costs about what its position's worth of log does: keep the cache within
    // the live World's size, and at most 8 (the newest always stays)
    let cached = [...this.asOfCache.keys()].reduce((a, p) => a + p, 0);
    for (const p of this.asOfCache.keys()) {
      if (this.asOfCache.size <= 1 || (this.asOfCache.size <= 8 && cached <= this.live.position)) break;
      this.asOfCache.delete(p);
      cached -= p;
    }
    return w;
  }

  /** Rebuild every read model from the log (after a failed write, or on demand). */
  async rebuild(): Promise<void> {
    this.chain = this.chain.then(async () => {
      this.live = new World(this.projections, this.settings);
      this.asOfCache.clear();
      this.snapshots.clear();
      await this.catchUp();
    });
    await this.chain;
  }

  private async catchUp(): Promise<void> {
    for await (const page of readAllPaged(this.store, this.live.position)) this.fold(page);
  }

  private async onBatch(batch: readonly StoredEvent[]): Promise<void> {
    if (batch.length === 0) return;
    if (batch[0].position > this.live.position + 1) await this.catchUp();
    else this.fold(batch);
  }

  private fold(batch: readonly StoredEvent[]): void {
    const fresh: StoredEvent[] = [];
    const t0 = performance.now();
    for (const e of batch) {
      if (e.position !== this.live.position + 1) continue;
      this.live.apply(e);
      this.remember(e);
      fresh.push(e);
    }
    if (fresh.length === 0) return;
    this.folded.events += fresh.length;
    this.folded.ms += performance.now() - t0;
    this.snapshots.afterFold(this.live);
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].position <= this.live.position) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
    for (const l of this.listeners) l(fresh);
  }

  private remember(e: StoredEvent): void {
    if (e.position > this.recorded.length) {
      const bigger = new Float64Array(Math.max(this.recorded.length * 2, e.position));
      bigger.set(this.recorded);
      this.recorded = bigger;
    }
    this.recorded[e.position - 1] = Date.parse(e.recordedAt);
  }
}
