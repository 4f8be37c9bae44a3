// The states of every read model at one position of the log. The shell keeps one World current
// and builds others for `asOf` questions; both are the same fold.
import type { StoredEvent } from '../shared/envelope';
import { upcast } from '../upcasters';
import type { Projection, ReadSettings } from './projection';

export class World {
  private readonly states = new Map<string, unknown>();
  private head = 0;
  private lastRecordedAt = '';

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
    for (const p of this.projections) this.states.set(p.name, p.apply(this.states.get(p.name), e));
    this.head = e.position;
    this.lastRecordedAt = e.recordedAt;
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
