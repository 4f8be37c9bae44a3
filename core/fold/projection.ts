// A read model is a fold over the whole log: init, apply one stored event, and queries that are
// pure functions of its state. `apply` may update the state in place and return it — the
// projection owns its state, and a fold over the same events always gives the same answer.
// "As of position P" is the same fold stopped at P: folded again from the model's own events
// (`types`, few for every model but the sales ledger), or read from the live state (`at`).
import { recorded, type EventType, type RecordedEvent } from '../events';
import type { StoredEvent } from '../shared/envelope';

export interface Projection<S, T extends EventType = EventType> {
  readonly name: string;
  /** The event types `apply` folds; it leaves the state as it is for every other type (a test holds each read model to it). */
  readonly types: readonly T[];
  readonly init: (settings: ReadSettings) => S;
  /**
   * Fold one event of `types` — a World hands it no other; `replay` hands it every event, so a
   * switch on its type ends in a `default` that checks exhaustiveness and returns the state.
   * (A method, so a read model of a few types is one of every read model's.)
   */
  apply(state: S, event: RecordedEvent<T>): S;
  /**
   * The state as it stood once the event at `position` was folded, read from the live state
   * without folding anything (the sales ledger: its rows below a cut). It must share nothing
   * that a later `apply` changes where it can see it. Without it, an as-of state is folded from
   * the read model's own events up to the position.
   */
  readonly at?: (live: S, position: number) => S;
}

export const defineProjection = <S, T extends EventType>(p: Projection<S, T>): Projection<S, T> => p;

/**
 * The `default` of a read model's switch on the event type: `event` is never when every type in
 * `types` has its case; another type (replay hands every event to every read model) leaves the
 * state as it is.
 */
export const unchanged = <S>(state: S, _event: never): S => state;

/** Settings every read model may need; they come in from the shell's configuration. */
export interface ReadSettings {
  readonly zone: string;
  readonly currency: string;
}

/** Fold events from scratch, read as a World reads them: the reference every as-of state and incremental update must equal. */
export const replay = <S>(p: Projection<S>, events: Iterable<StoredEvent>, settings: ReadSettings): S => {
  let s = p.init(settings);
  for (const e of events) s = p.apply(s, recorded(e));
  return s;
};

/** Each event type with the read models that fold it. */
export const takersByType = (projections: readonly Projection<any>[]): Map<string, Projection<any>[]> => {
  const out = new Map<string, Projection<any>[]>();
  for (const p of projections) for (const t of p.types) out.set(t, [...(out.get(t) ?? []), p]);
  return out;
};
