// Read-model queries that commands may need as facts (a baseline actual, a statement hash). Each
// area exports its answers as a table, each typed by the FactRef a command asks through; the
// composition root hands the tables to factSource, so nothing is registered by importing a module
// and the engine's facts do not depend on which HTTP routes happen to be loaded.
import type { FactRef, FactSource } from '../shared/command';
import type { World } from './world';

/** How one fact is answered from the read models of the moment. */
export interface FactQuery<A = any, R = unknown> {
  readonly fact: FactRef<A, R>;
  readonly answer: (world: World, args: A) => R;
}

export type FactQueries = readonly FactQuery[];

/** The answer to a fact, typed by its reference. */
export const answers = <A, R>(fact: FactRef<A, R>, answer: (world: World, args: A) => R): FactQuery<A, R> => ({ fact, answer });

export const factSource = (world: () => World, tables: readonly FactQueries[]): FactSource => {
  const byName = new Map<string, FactQuery>();
  for (const table of tables)
    for (const q of table) {
      if (byName.has(q.fact.name)) throw new Error(`two fact queries are named ${q.fact.name}`);
      byName.set(q.fact.name, q);
    }
  return {
    query: <A, R>(fact: FactRef<A, R>, args: A): R => {
      const q = byName.get(fact.name) as FactQuery<A, R> | undefined;
      if (!q) throw new Error(`no fact query named ${fact.name}`);
      return q.answer(world(), args);
    },
  };
};
