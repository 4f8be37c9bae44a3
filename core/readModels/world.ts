// The states of every read model at one position of the log. The shell keeps one World current
// and builds others for `asOf` questions; both are the same fold.
import type { StoredEvent } from '../shared/envelope';
import { upcast } from '../upcasters';
import { outOfRange, type LeftOut } from './outOfRange';
import type { Projection, ReadSettings } from './projection';

/** Events left out that a World lists by position; past it, only counted. */
const MAX_LEFT_OUT_LISTED = 1000;

export class World {
  private readonly states = new Map<string, unknown>();
  private head = 0;
  private lastRecordedAt = '';
  private readonly leftOutList: LeftOut[] = [];
  private leftOutMore = 0;

  constructor(
    readonly projections: readonly Projection<any>[],
    readonly settings: ReadSettings,
  ) {
    for (const p of projections) this.states.set(p.name, p.init(settings));
  }

  /** Position of the last event folded in. */
  get position(): number {
    return this.head;
  }

  /** recordedAt of the last event folded in ('' when empty). */
  get recordedAt(): string {
    return this.lastRecordedAt;
  }

  apply(stored: StoredEvent): void {
    if (stored.position <= this.head) return; // already folded: subscriptions may repeat a batch
    const e = upcast(stored); // an old shape is read as the current one, never rewritten
    const reason = outOfRange(e);
    if (reason === undefined) for (const p of this.projections) this.states.set(p.name, p.apply(this.states.get(p.name), e));
    else if (this.leftOutList.length < MAX_LEFT_OUT_LISTED) this.leftOutList.push({ position: e.position, type: e.type, reason });
    else this.leftOutMore += 1;
    this.head = e.position;
    this.lastRecordedAt = e.recordedAt;
  }

  /**
   * Events this World left out of every read model (outOfRange.ts) up to `position`: the first
   * ones listed, and how many more (counted at the head only). A World restored from a snapshot
   * knows only those after it; the live World folds the whole log.
   */
  leftOut(position = this.head): { listed: readonly LeftOut[]; more: number } {
    return { listed: this.leftOutList.filter((l) => l.position <= position), more: position >= this.head ? this.leftOutMore : 0 };
  }

  /** Every state by read-model name, for a snapshot to copy — never to change. */
  statesView(): ReadonlyMap<string, unknown> {
    return this.states;
  }

  /** A World that continues from states copied at a position (a restored snapshot). */
  static restored(projections: readonly Projection<any>[], settings: ReadSettings, states: ReadonlyMap<string, unknown>, position: number, recordedAt: string): World {
    const w = new World(projections, settings);
    for (const p of projections) if (states.has(p.name)) w.states.set(p.name, states.get(p.name));
    w.head = position;
    w.lastRecordedAt = recordedAt;
    return w;
  }

  get<S>(p: Projection<S>): S {
    if (!this.states.has(p.name)) throw new Error(`read model ${p.name} is not registered`);
    return this.states.get(p.name) as S;
  }
}
