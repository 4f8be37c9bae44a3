// The states of every read model at one position of the log. The shell keeps one World current
// and assembles others for `asOf` questions (server/projections/runner.ts); both answer as the
// same fold would.
import type { StoredEvent } from '../shared/envelope';
import { recorded, type RecordedEvent } from '../events';
import { outOfRange, type LeftOut } from './outOfRange';
import { takersByType, type Projection, type ReadSettings } from './projection';

/** A read model that takes an event type, and the slot of its state. */
interface Taker {
  readonly projection: Projection<any>;
  readonly slot: number;
}

/** Events left out that a World lists by position; past it, only counted. */
const MAX_LEFT_OUT_LISTED = 1000;

export class World {
  /**
   * Each read model's state in a slot of its own (its index in `projections`), and per event type
   * the read models that take it with their slots: a replay folds a million events, and two Map
   * look-ups per read model per event were a tenth of its cost beyond parsing.
   */
  private readonly states: unknown[];
  /** per slot, the position of the last event its read model took: a long read checks its read models stood still */
  private readonly takenAt: number[];
  private readonly slots = new Map<string, number>();
  private readonly takers: Map<string, Taker[]>;
  private head = 0;
  private lastRecordedAt = '';
  private leftOutList: LeftOut[] = [];
  private leftOutMore = 0;

  /** Per read model of an assembled World not read yet, how to make its state. */
  private readonly pending?: Map<string, () => unknown>;

  /** `stateOf` is World.assembled's; without it every state starts at init and the World folds the log. */
  constructor(
    readonly projections: readonly Projection<any>[],
    readonly settings: ReadSettings,
    stateOf?: (p: Projection<any>) => unknown,
  ) {
    projections.forEach((p, slot) => this.slots.set(p.name, slot));
    if (stateOf) this.pending = new Map(projections.map((p) => [p.name, () => stateOf(p)]));
    this.states = projections.map((p) => (stateOf ? undefined : p.init(settings)));
    this.takenAt = projections.map(() => 0);
    this.takers = new Map([...takersByType(projections)].map(([type, ps]) => [type, ps.map((p) => ({ projection: p, slot: this.slots.get(p.name)! }))]));
  }

  /** Position of the last event folded in. */
  get position(): number {
    return this.head;
  }

  /** recordedAt of the last event folded in ('' when empty). */
  get recordedAt(): string {
    return this.lastRecordedAt;
  }

  /**
   * Fold one event into the read models that take its type. Returns the event as they read it
   * (upcast), or undefined when it was folded already or left out of every read model.
   */
  apply(stored: StoredEvent): RecordedEvent | undefined {
    if (stored.position <= this.head) return undefined; // already folded: subscriptions may repeat a batch
    const e = recorded(stored); // an old shape is read as the current one, never rewritten
    const reason = outOfRange(e);
    if (reason === undefined) {
      const takers = this.takers.get(e.type);
      if (takers !== undefined)
        for (const t of takers) {
          this.states[t.slot] = t.projection.apply(this.states[t.slot], e);
          this.takenAt[t.slot] = e.position;
        }
    } else if (this.leftOutList.length < MAX_LEFT_OUT_LISTED) this.leftOutList.push({ position: e.position, type: e.type, reason });
    else this.leftOutMore += 1;
    this.head = e.position;
    this.lastRecordedAt = e.recordedAt;
    return reason === undefined ? e : undefined;
  }

  /**
   * Events this World left out of every read model (outOfRange.ts) up to `position`: the first
   * ones listed, and how many more (counted at the head only).
   */
  leftOut(position = this.head): { listed: readonly LeftOut[]; more: number } {
    return { listed: this.leftOutList.filter((l) => l.position <= position), more: position >= this.head ? this.leftOutMore : 0 };
  }

  /**
   * A World for a position whose states are made by `stateOf` (an as-of World): it is read, never
   * folded on. Each read model's state is made the first time it is read, so an answer pays only
   * for the read models it reads (a leaderboard: the ledger's view, the directory and the goals).
   */
  static assembled(projections: readonly Projection<any>[], settings: ReadSettings, stateOf: (p: Projection<any>) => unknown, at: { position: number; recordedAt: string; leftOut: readonly LeftOut[] }): World {
    const w = new World(projections, settings, stateOf);
    w.head = at.position;
    w.lastRecordedAt = at.recordedAt;
    w.leftOutList = at.leftOut.filter((l) => l.position <= at.position);
    return w;
  }

  /** The position of the last event folded into a read model (0 when none): whether it changed since a position. */
  lastTakenBy(p: Projection<any>): number {
    return this.takenAt[this.slots.get(p.name)!];
  }

  get<S>(p: Projection<S>): S {
    const slot = this.slots.get(p.name);
    if (slot === undefined) throw new Error(`read model ${p.name} is not registered`);
    const make = this.pending?.get(p.name);
    if (make) {
      this.states[slot] = make();
      this.pending!.delete(p.name);
    }
    return this.states[slot] as S;
  }
}
