// The decider shape every area follows (after Emmett): decide refuses with a Problem or
// returns new events; evolve folds one event into the stream's state.
import type * as t from 'io-ts';
import type { Problem } from './problem';

/** An event as the domain sees it: type, data and business time. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

/**
 * An area's event union, read off its codec table: one `{ type, data }` per codec, its data the
 * codec's type — so a codec added to the table is an event of the union with nothing written twice.
 */
export type EventsOf<T extends Record<string, t.Mixed>> = { [K in keyof T & string]: { type: K; data: t.TypeOf<T[K]> } }[keyof T & string];

/** An event with the envelope fields a fold may need (business time, and position once stored). */
export type FoldedEvent<E extends DomainEvent = DomainEvent> = E & {
  readonly occurredAt: string;
  readonly recordedAt?: string;
  readonly position?: number;
};

/** What decide returns: an event and, where it has one, its business time (else recordedAt). */
export type NewEvent<E extends DomainEvent = DomainEvent> = E & { readonly occurredAt?: string };

/**
 * What a decider may consult besides its own stream: the folded states of other streams the
 * command declared in `reads` (an unknown id yields that kind's initial state), and facts the
 * shell computed from read models (a statement hash, a baseline actual).
 */
export interface DecideContext<F extends object = object> {
  state<S>(kind: StreamKind<S>, id: string): S;
  /** what the command's `facts` computed (typed by its spec; empty for a command without facts) */
  readonly facts: F;
  /** the shell's clock and calendar as data; absent where no clock applies (a replay, a unit test) */
  readonly time?: DecideTime;
}

/** Core reads no clock: the shell passes the moment a command is decided at, and its settings. */
export interface DecideTime {
  /** the instant the events will be recorded at (their recordedAt) */
  readonly now: string;
  /** how far past `now` a fact's business time may lie (TALLY_FUTURE_TOLERANCE) */
  readonly futureToleranceMs: number;
  /** the zone of business periods (TALLY_TIMEZONE) */
  readonly zone: string;
}

/** A kind of stream: its name prefix and the decider whose state its events fold into. */
export interface StreamKind<S> {
  readonly prefix: string;
  readonly initialState: () => S;
  readonly evolve: (state: S, event: FoldedEvent) => S;
}

/**
 * A stream kind whose evolve is typed by its area's events. `types` is the area's event codec
 * table: it names every type of the union (one left out fails to compile), and the guard built
 * from it lets only those events reach `evolve`, so no fold casts. An event of another type leaves
 * the state as it is, as every evolve's `default` did. The guard trusts the name: the write path
 * decoded each event against its type's codec before it was appended.
 */
export const streamKind = <S, V extends FoldedEvent>(
  prefix: string,
  initialState: () => S,
  evolve: (state: S, event: V) => S,
  types: { readonly [T in V['type']]: unknown },
): StreamKind<S> => {
  const names: ReadonlySet<string> = new Set(Object.keys(types));
  const isOwn = (e: FoldedEvent): e is V => names.has(e.type);
  return { prefix, initialState, evolve: (state, event) => (isOwn(event) ? evolve(state, event) : state) };
};
