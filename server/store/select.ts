// TALLY_STORE → an adapter: `memory:`, `sqlite:PATH`, `esdb://…`.
import { MemoryStore } from './memory';
import type { EventStore } from './port';
import { SqliteStore } from './sqlite';

export class StoreConfigError extends Error {}

export const describeStores = 'memory:, sqlite:PATH (e.g. sqlite:./data/tally.db) or esdb://HOST:PORT?tls=false';

export const openStore = async (spec: string): Promise<EventStore> => {
  if (spec === 'memory:' || spec === 'memory') return new MemoryStore();
  if (spec.startsWith('sqlite:')) {
    const path = spec.slice('sqlite:'.length);
    if (!path) throw new StoreConfigError(`TALLY_STORE=${spec}: a path is needed after sqlite: (${describeStores})`);
    return new SqliteStore(path);
  }
  if (spec.startsWith('esdb://') || spec.startsWith('esdb+discover://') || spec.startsWith('kurrentdb://')) {
    const { openEsdbStore } = await import('./esdbLoader');
    return openEsdbStore(spec);
  }
  throw new StoreConfigError(`TALLY_STORE=${spec} is not a store this version knows; use ${describeStores}`);
};
