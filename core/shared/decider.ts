// The decider shape every area follows (after Emmett): decide refuses with a Problem or
// returns new events; evolve folds one event into the stream's state.
import type { Problem } from './problem';

/** An event as the domain sees it: type, data and business time. */
export interface DomainEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
}

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
export interface DecideContext {
  state<S>(kind: StreamKind<S>, id: string): S;
  readonly facts: Readonly<Record<string, unknown>>;
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
