// Keeps the read models current: folds the log on start, then every durable batch as the store
// announces it. Answers "as of" questions without reading the log again: a read model that can
// read its past from its live state (the sales ledger, `Projection.at`) gives a view of it, and
// every other one folds its own events up to the position from the lists of them kept here (the
// log but its sales: a few per cent of it) when an answer first reads it, or shares the state an
// earlier asOf World folded when no event of its own lies between.
import { allProjections } from '../../core/catalog';
import type { RecordedEvent } from '../../core/events';
import { takersByType, type Projection, type ReadSettings } from '../../core/fold/projection';
import { World } from '../../core/fold/world';
import type { StoredEvent } from '../../core/shared/envelope';
import { isoMillis } from '../../core/shared/isoInstant';
import { readAllPaged, type EventStore } from '../store/port';

/** asOf Worlds kept, newest last: the widgets of one page ask for the same moment several times. */
const AS_OF_CACHE = 8;

/**
 * An asOf World lets the event loop turn once before it is made, so the as-of limit sees the
 * requests that arrive meanwhile. Its read models are folded when first read, each in one go: the
 * largest at a million events (customers, about 20,000 events) takes a few hundred ms.
 */
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

// Replay reads the log in pages this small: a page's rows, events and data all die young, while
// a page of ten thousand outlived the young generation and made the collector copy and promote
// each one — a third of a server's start went to that. A page more costs one indexed query.
const REPLAY_PAGE = 1000;

/** How many of the events (in log order) lie at or before the position. */
const countUpTo = (events: readonly StoredEvent[], position: number): number => {
  let lo = 0;
  let hi = events.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (events[mid].position <= position) lo = mid + 1;
    else hi = mid;
  }
  return lo;
};

export class Projections {
  private live: World;
  /** recordedAt (epoch ms) of each position, to find "the last position known at T" */
  private recorded = new Float64Array(1024);
  private chain: Promise<void> = Promise.resolve();
  private readonly waiters: { position: number; resolve: () => void }[] = [];
  private readonly asOfCache = new Map<number, World>();
  private readonly asOfUnderWay = new Map<number, Promise<World>>();
  private readonly listeners = new Set<(batch: readonly StoredEvent[]) => void>();
  /** the read models an as-of World folds again, and by event type which of them take it */
  private readonly refolded: readonly Projection<any>[];
  private readonly refoldTakers: Map<string, Projection<any>[]>;
  /** per refolded read model, the events (as folded: upcast) it takes, in log order */
  private kept = new Map<string, RecordedEvent[]>();
  /**
   * Per refolded read model, the last state folded for an asOf World and how many of its events
   * it holds: an asOf state is never folded on, so every later World whose position leaves the
   * read model with as many events shares it (on a log of sales, all but the first few).
   */
  private readonly refoldedLast = new Map<string, { readonly events: number; readonly state: unknown }>();
  /** how the last asOf World was made (events refolded and ms grow as its read models are first read): for benchmarks and diagnostics */
  lastAsOf?: { readonly position: number; readonly start: 'cache' | 'view'; readonly refolded: number; readonly ms: number };

  constructor(
    private readonly store: EventStore,
    readonly settings: ReadSettings,
    private readonly projections: readonly Projection<any>[] = allProjections,
  ) {
    this.live = new World(projections, settings);
    this.refolded = projections.filter((p) => !p.at);
    this.refoldTakers = takersByType(this.refolded);
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

  /** How many events the refolded read models take (each counted once per read model). */
  get keptEvents(): number {
    let n = 0;
    for (const list of this.kept.values()) n += list.length;
    return n;
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

  /** Whether worldAt(position) assembles no World of its own: the live World, a cached one, or one under way. */
  hasWorldAt(position: number): boolean {
    return position >= this.live.position || this.asOfCache.has(position) || this.asOfUnderWay.has(position);
  }

  /** The read models as they were at a position: what the same fold stopped there would hold. */
  async worldAt(position: number): Promise<World> {
    if (position >= this.live.position) return this.live;
    const hit = this.asOfCache.get(position);
    if (hit) {
      this.lastAsOf = { position, start: 'cache', refolded: 0, ms: 0 };
      return hit;
    }
    // callers asking for the same moment at once (the widgets of one page) share one World
    let underWay = this.asOfUnderWay.get(position);
    if (!underWay) {
      underWay = this.assemble(Math.max(0, position)).finally(() => this.asOfUnderWay.delete(position));
      this.asOfUnderWay.set(position, underWay);
    }
    return underWay;
  }

  /**
   * Views of the read models that read their own past, taken at once (rows appended later lie past
   * their cut anyway); every other read model folded from its own kept events up to the position
   * the first time an answer reads it, so an answer pays only for the read models it reads.
   */
  private async assemble(position: number): Promise<World> {
    await nextTurn();
    const t0 = performance.now();
    const how = { position, start: 'view' as const, refolded: 0, ms: 0 };
    const views = new Map<string, unknown>();
    for (const p of this.projections) if (p.at) views.set(p.name, p.at(this.live.get(p), position));
    // the lists as they are now: a rebuild starts new ones, these stay the log's
    const kept = this.kept;
    const stateOf = (p: Projection<any>): unknown => {
      if (p.at) return views.get(p.name);
      const t = performance.now();
      const state = this.refold(p, kept.get(p.name) ?? [], position, how);
      how.ms += performance.now() - t;
      return state;
    };
    const recordedAt = position === 0 ? '' : new Date(this.recorded[position - 1]).toISOString();
    const w = World.assembled(this.projections, this.settings, stateOf, { position, recordedAt, leftOut: this.live.leftOut(position).listed });
    how.ms += performance.now() - t0;
    this.lastAsOf = how;
    this.asOfCache.set(position, w);
    if (this.asOfCache.size > AS_OF_CACHE) this.asOfCache.delete(this.asOfCache.keys().next().value!);
    return w;
  }

  /** A read model's state at the position, folded from its own events (or shared with the last asOf state that holds as many). */
  private refold(p: Projection<any>, events: readonly RecordedEvent[], position: number, how: { refolded: number }): unknown {
    const n = countUpTo(events, position);
    const last = this.refoldedLast.get(p.name);
    if (last?.events === n) return last.state;
    let state = p.init(this.settings);
    for (let i = 0; i < n; i++) state = p.apply(state, events[i]);
    how.refolded += n;
    this.refoldedLast.set(p.name, { events: n, state });
    return state;
  }

  /** Rebuild every read model from the log (after a failed write, or on demand). */
  async rebuild(): Promise<void> {
    this.chain = this.chain.then(async () => {
      this.live = new World(this.projections, this.settings);
      this.kept = new Map();
      this.refoldedLast.clear();
      this.asOfCache.clear();
      this.asOfUnderWay.clear();
      await this.catchUp();
    });
    await this.chain;
  }

  private async catchUp(): Promise<void> {
    // a turn of the event loop between pages: a server replaying a big log still answers /livez
    for await (const page of readAllPaged(this.store, this.live.position, REPLAY_PAGE)) {
      this.fold(page);
      await nextTurn();
    }
  }

  private async onBatch(batch: readonly StoredEvent[]): Promise<void> {
    if (batch.length === 0) return;
    if (batch[0].position > this.live.position + 1) await this.catchUp();
    else this.fold(batch);
  }

  private fold(batch: readonly StoredEvent[]): void {
    const fresh: StoredEvent[] = [];
    for (const e of batch) {
      if (e.position !== this.live.position + 1) continue;
      const folded = this.live.apply(e);
      if (folded) this.keep(folded);
      this.remember(e);
      fresh.push(e);
    }
    if (fresh.length === 0) return;
    for (let i = this.waiters.length - 1; i >= 0; i--) {
      if (this.waiters[i].position <= this.live.position) {
        this.waiters[i].resolve();
        this.waiters.splice(i, 1);
      }
    }
    for (const l of this.listeners) l(fresh);
  }

  /** Keep an event for each refolded read model that takes it (the same object in each list). */
  // A copy is kept, not the event read from the store: V8 watches where objects are made, and when
  // many made at one place live long it makes every later one there directly in the old
  // generation. Keeping the first twenty thousand events of a log (customers, reps) as they were
  // read made every event of the replay after them old garbage, and took a third of a start.
  private keep(e: RecordedEvent): void {
    const takers = this.refoldTakers.get(e.type);
    if (!takers) return;
    const copy = { ...e };
    for (const p of takers) {
      const list = this.kept.get(p.name);
      if (list) list.push(copy);
      else this.kept.set(p.name, [copy]);
    }
  }

  private remember(e: StoredEvent): void {
    if (e.position > this.recorded.length) {
      const bigger = new Float64Array(Math.max(this.recorded.length * 2, e.position));
      bigger.set(this.recorded);
      this.recorded = bigger;
    }
    this.recorded[e.position - 1] = isoMillis(e.recordedAt);
  }
}
