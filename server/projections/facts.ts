// Read-model queries that commands may need as facts (a baseline actual, a statement hash).
// Each area registers its own by name; the engine calls them through FactSource.
import type { FactSource } from '../../core/shared/command';
import type { World } from '../../core/readModels/world';

export type FactQuery = (world: World, args: Record<string, unknown>) => unknown;

const registry = new Map<string, FactQuery>();

export const registerFact = (name: string, q: FactQuery) => {
  registry.set(name, q);
};

export const factSource = (world: () => World): FactSource => ({
  query: <R>(name: string, args: Record<string, unknown>): R => {
    const q = registry.get(name);
    if (!q) throw new Error(`no fact query named ${name}`);
    return q(world(), args) as R;
  },
});
