// Read-model queries that commands may need as facts (a baseline actual, a statement hash). Each
// area exports its queries as a table; the composition root hands the tables to factSource, so
// nothing is registered by importing a module and the engine's facts do not depend on which HTTP
// routes happen to be loaded.
import type { FactSource } from '../shared/command';
import type { World } from './world';

export type FactQuery = (world: World, args: Record<string, unknown>) => unknown;
export type FactQueries = Readonly<Record<string, FactQuery>>;

export const factSource = (world: () => World, tables: readonly FactQueries[]): FactSource => {
  const byName = new Map<string, FactQuery>();
  for (const table of tables)
    for (const [name, q] of Object.entries(table)) {
      if (byName.has(name)) throw new Error(`two fact queries are named ${name}`);
      byName.set(name, q);
    }
  return {
    query: <R>(name: string, args: Record<string, unknown>): R => {
      const q = byName.get(name);
      if (!q) throw new Error(`no fact query named ${name}`);
      return q(world(), args) as R;
    },
  };
};
