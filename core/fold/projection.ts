// A read model is a fold over the whole log: init, apply one stored event, and queries that are
// pure functions of its state. `apply` may update the state in place and return it — the
// projection owns its state, and a fold over the same events always gives the same answer.
// "As of position P" is the same fold stopped at P: folded again from the model's own events
// (`types`, few for every model but the sales ledger), or read from the live state (`at`).
import type { StoredEvent } from '../shared/envelope';

export interface Projection<S> {
  readonly name: string;
  /** The event types `apply` folds; it leaves the state as it is for every other type (a test holds each read model to it). */
  readonly types: readonly string[];
  readonly init: (settings: ReadSettings) => S;
  readonly apply: (state: S, event: StoredEvent) => S;
  /**
   * The state as it stood once the event at `position` was folded, read from the live state
   * without folding anything (the sales ledger: its rows below a cut). It must share nothing
   * that a later `apply` changes where it can see it. Without it, an as-of state is folded from
   * the read model's own events up to the position.
   */
  readonly at?: (live: S, position: number) => S;
}

export const defineProjection = <S>(p: Projection<S>): Projection<S> => p;

/** Settings every read model may need; they come in from the shell's configuration. */
export interface ReadSettings {
  readonly zone: string;
  readonly currency: string;
}

/** Fold events from scratch: the reference every as-of state and incremental update must equal. */
export const replay = <S>(p: Projection<S>, events: Iterable<StoredEvent>, settings: ReadSettings): S => {
  let s = p.init(settings);
  for (const e of events) s = p.apply(s, e);
  return s;
};

/** Each event type with the read models that fold it. */
export const takersByType = (projections: readonly Projection<any>[]): Map<string, Projection<any>[]> => {
  const out = new Map<string, Projection<any>[]>();
  for (const p of projections) for (const t of p.types) out.set(t, [...(out.get(t) ?? []), p]);
  return out;
};
