// Snapshots of the read models keyed by log position, kept in memory, so an asOf World is
// rebuilt from the nearest snapshot at or before its position instead of from the first event.
// A snapshot is an optimisation, never a second truth: it is a deep copy of the states the live
// fold had at that position, it is never handed out or changed (a restore copies it again), and
// it is used only when copying it is expected to cost less than replaying the events it skips.
import type { Projection, ReadSettings } from '../../core/readModels/projection';
import { World } from '../../core/readModels/world';

export interface SnapshotPolicy {
  /** take a snapshot each time the live World has moved this many events (0: never) */
  readonly every: number;
  /** keep at most this many, thinned so the kept ones stay spread over the log */
  readonly keep: number;
  /** the most of the server's time copies may take (default 0.2) */
  readonly copyShare?: number;
}

/**
 * Off by default: a snapshot is a deep copy of every read model, and at a million events the
 * bench measured copies costing more than they save — the heap grew from 1.0 to 2.9 GiB under
 * writes, single commands fell from ~7,900/s to ~5,700/s, and asOf still took seconds. Turn them
 * on (TALLY_SNAPSHOT_EVERY) for read-mostly deployments with smaller logs.
 */
export const DEFAULT_SNAPSHOT_POLICY: SnapshotPolicy = { every: 0, keep: 8 };

const COPY_SHARE = 0.2;

export interface Snapshot {
  readonly position: number;
  readonly recordedAt: string;
  readonly states: ReadonlyMap<string, unknown>;
  /** what copying the states took (ms): the cost of a restore */
  readonly copyMs: number;
}

export const copyState = <S>(p: Projection<S>, s: S): S => (p.snapshot ? p.snapshot(s) : structuredClone(s));

const copyAll = (projections: readonly Projection<any>[], states: ReadonlyMap<string, unknown>): Map<string, unknown> =>
  new Map(projections.map((p) => [p.name, copyState(p, states.get(p.name))]));

export class SnapshotStore {
  private readonly list: Snapshot[] = [];
  private lastTaken = 0;
  private lastTakenAt = 0;
  private lastCopyMs = 0;
  /** set when a read model's state cannot be copied: snapshots are off, asOf replays from the start */
  private disabledBecause?: string;

  constructor(
    private readonly projections: readonly Projection<any>[],
    private readonly settings: ReadSettings,
    readonly policy: SnapshotPolicy = DEFAULT_SNAPSHOT_POLICY,
  ) {}

  get snapshots(): readonly Snapshot[] {
    return this.list;
  }

  get disabled(): string | undefined {
    return this.disabledBecause;
  }

  /**
   * Called after each batch is folded into the live World. A copy costs about as much as the state
   * is large, and the state grows with the log, so a snapshot also waits until the time since the
   * last one is at least copyShare⁻¹ × what this copy is expected to take (the last copy's
   * duration scaled by the growth since). While the server follows live traffic that is every
   * `every` events; while it folds a long log at start, snapshots thin out instead of multiplying
   * the start-up time.
   */
  afterFold(live: World): void {
    if (this.policy.every <= 0 || this.policy.keep <= 0 || live.position - this.lastTaken < this.policy.every) return;
    const expectedMs = this.lastTaken === 0 ? 0 : (this.lastCopyMs * live.position) / this.lastTaken;
    if (performance.now() - this.lastTakenAt < expectedMs / (this.policy.copyShare ?? COPY_SHARE)) return;
    this.take(live);
  }

  take(live: World): Snapshot | undefined {
    if (this.disabledBecause) return undefined;
    this.lastTaken = live.position;
    const t0 = performance.now();
    let states: Map<string, unknown>;
    try {
      states = copyAll(this.projections, live.statesView());
    } catch (e) {
      this.disabledBecause = `a read model's state cannot be copied (${(e as Error).message}); give its projection a snapshot function`;
      this.list.length = 0;
      return undefined;
    }
    const s: Snapshot = { position: live.position, recordedAt: live.recordedAt, states, copyMs: performance.now() - t0 };
    this.lastCopyMs = s.copyMs;
    this.lastTakenAt = performance.now();
    this.list.push(s);
    this.thin();
    return s;
  }

  /** The latest snapshot at or before a position. */
  nearest(position: number): Snapshot | undefined {
    let lo = 0;
    let hi = this.list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.list[mid].position <= position) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? undefined : this.list[lo - 1];
  }

  /**
   * Where to start folding toward `position`: a World restored from the nearest snapshot when
   * its copy is cheaper than replaying the events before it at `eventsPerMs`, else an empty one.
   */
  startFor(position: number, eventsPerMs: number): World {
    const s = this.nearest(position);
    if (s && s.copyMs < s.position / Math.max(eventsPerMs, 1e-9)) {
      return World.restored(this.projections, this.settings, copyAll(this.projections, s.states), s.position, s.recordedAt);
    }
    return new World(this.projections, this.settings);
  }

  clear(): void {
    this.list.length = 0;
    this.lastTaken = 0;
  }

  /** Drop, until `keep` remain, the snapshot whose neighbours are closest (never the latest). */
  private thin(): void {
    while (this.list.length > this.policy.keep) {
      let drop = 0;
      let gap = Infinity;
      for (let i = 0; i < this.list.length - 1; i++) {
        const g = this.list[i + 1].position - (i > 0 ? this.list[i - 1].position : 0);
        if (g < gap) (gap = g), (drop = i);
      }
      this.list.splice(drop, 1);
    }
  }
}
