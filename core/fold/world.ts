// The states of every read model at one position of the log. The shell keeps one World current
// and assembles others for `asOf` questions (server/projections/runner.ts); both answer as the
// same fold would.
import type { StoredEvent } from '../shared/envelope';
import { recorded, type RecordedEvent } from '../events';
import { outOfRange, type LeftOut } from './outOfRange';
import { takersByType, type Projection, type ReadSettings } from './projection';

/** Events left out that a World lists by position; past it, only counted. */
const MAX_LEFT_OUT_LISTED = 1000;

export class World {
  private readonly states = new Map<string, unknown>();
  private readonly takers: Map<string, Projection<any>[]>;
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
    if (stateOf) this.pending = new Map(projections.map((p) => [p.name, () => stateOf(p)]));
    else for (const p of projections) this.states.set(p.name, p.init(settings));
    this.takers = takersByType(projections);
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
    if (reason === undefined) for (const p of this.takers.get(e.type) ?? []) this.states.set(p.name, p.apply(this.states.get(p.name), e));
    else if (this.leftOutList.length < MAX_LEFT_OUT_LISTED) this.leftOutList.push({ position: e.position, type: e.type, reason });
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

  get<S>(p: Projection<S>): S {
    const make = this.pending?.get(p.name);
    if (make) {
      this.states.set(p.name, make());
      this.pending!.delete(p.name);
    }
    if (!this.states.has(p.name)) throw new Error(`read model ${p.name} is not registered`);
    return this.states.get(p.name) as S;
  }
}
