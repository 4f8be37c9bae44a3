// How a command is wired: its codec, the stream it writes, the streams it consults, who may send
// it and whose data it touches. The catalog lists one CommandSpec per command type; the engine
// in the shell is generic over them.
import type * as t from 'io-ts';
import type { Either } from 'fp-ts/Either';
import type { DecideContext, NewEvent, StreamKind } from './decider';
import type { Problem } from './problem';

export type Role = 'admin' | 'manager' | 'rep' | 'viewer';
export const ROLES: readonly Role[] = ['admin', 'manager', 'rep', 'viewer'];

/**
 * Whose data a command touches. A rep may act when every one of `reps` is itself (the reps it
 * credits and the owners of the customers it touches); a manager when every known team in
 * `teams` is its own (an unknown entity is left to decide, which says 404).
 */
export interface Scope {
  readonly reps?: readonly string[];
  readonly teams?: readonly (string | undefined)[];
}

/**
 * The team a scope names for the company's own data (a company goal, plan, meeting or scorecard):
 * no manager's team is it, so only an admin may act on it.
 */
export const COMPANY = 'company';

export type StreamRef = readonly [StreamKind<any>, string];

/** The folded states of the command's own stream and of the streams it declared in `reads`. */
export interface StreamStates {
  state<S>(kind: StreamKind<S>, id: string): S;
}

/**
 * A read-model query a command may need as a fact, by name, with the types of what it is asked
 * and what it answers: the command's `facts` asks through the reference, and the table that
 * answers it (core/fold/facts.ts) is typed by the same reference, so neither side casts.
 */
export interface FactRef<A, R> {
  readonly name: string;
  /** never set: carries the argument and answer types */
  readonly types?: (args: A) => R;
}

export const factRef = <A, R>(name: string): FactRef<A, R> => ({ name });

/** What the shell offers to compute facts: the read-model queries the composition root installed. */
export interface FactSource {
  readonly query: <A, R>(fact: FactRef<A, R>, args: A) => R;
}

/**
 * Facts a command needs from read models, computed by the shell and passed in as data (typed F,
 * which decide and scope read as `ctx.facts`). The stream states let a fact's arguments come from
 * a stream decided earlier in the same batch.
 */
export type FactsOf<C, F> = (command: C, source: FactSource, streams: StreamStates) => F;

export interface CommandSpec<C = any, S = any, F extends object = any> {
  readonly type: string;
  readonly codec: t.Type<C, unknown, unknown>;
  readonly kind: StreamKind<S>;
  readonly streamId: (command: C) => string;
  readonly decide: (command: C, state: S, ctx: DecideContext<F>) => Either<Problem, readonly NewEvent[]>;
  /** other streams whose folded state decide or scope consults */
  readonly reads?: (command: C) => readonly StreamRef[];
  readonly facts?: FactsOf<C, F>;
  /** roles that may send it at all; scope narrows manager and rep further */
  readonly roles: readonly Role[];
  readonly scope?: (command: C, ctx: DecideContext<F>) => Scope;
  /** one line for the OpenAPI description */
  readonly summary: string;
}

export const defineCommand = <C, S, F extends object = object>(spec: CommandSpec<C, S, F>): CommandSpec<C, S, F> => spec;
