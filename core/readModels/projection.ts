// A read model is a fold over the whole log: init, apply one stored event, and queries that are
// pure functions of its state. `apply` may update the state in place and return it — the
// projection owns its state, and a fold over the same events always gives the same answer.
// "As of position P" is the same fold stopped at P.
import type { StoredEvent } from '../shared/envelope';

export interface Projection<S> {
  readonly name: string;
  readonly init: (settings: ReadSettings) => S;
  readonly apply: (state: S, event: StoredEvent) => S;
  /**
   * A deep copy of the state for an asOf snapshot, when structuredClone cannot make one (class
   * instances, functions) or a read model can copy itself faster. The copy must share nothing
   * that `apply` changes in place.
   */
  readonly snapshot?: (state: S) => S;
}

export const defineProjection = <S>(p: Projection<S>): Projection<S> => p;

/** Settings every read model may need; they come in from the shell's configuration. */
export interface ReadSettings {
  readonly zone: string;
  readonly currency: string;
}

/** Fold events from scratch: the reference that snapshots and incremental updates must equal. */
export const replay = <S>(p: Projection<S>, events: Iterable<StoredEvent>, settings: ReadSettings): S => {
  let s = p.init(settings);
  for (const e of events) s = p.apply(s, e);
  return s;
};
