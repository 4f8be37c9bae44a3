// TALLY_STORE → an adapter: `memory:`, `sqlite:PATH`, `esdb://…`.
import { existsSync } from 'node:fs';
import { MemoryStore } from './memory';
import { StoreConfigError, type EventStore } from './port';
import { SqliteStore } from './sqlite';

export const describeStores = 'memory:, sqlite:PATH (e.g. sqlite:./data/tally.db) or esdb://HOST:PORT?tls=false';

export const openStore = async (spec: string): Promise<EventStore> => {
  if (spec === 'memory:' || spec === 'memory') return new MemoryStore();
  if (spec.startsWith('sqlite:')) {
    const path = spec.slice('sqlite:'.length);
    if (!path) throw new StoreConfigError(`TALLY_STORE=${spec}: a path is needed after sqlite: (${describeStores})`);
    try {
      // the server's writes go through a writer thread, so a COMMIT's fsync does not hold its event loop
      return new SqliteStore(path, { writer: 'thread' });
    } catch (e) {
      throw sqliteOpenError(e, path, spec);
    }
  }
  if (spec.startsWith('esdb://') || spec.startsWith('esdb+discover://') || spec.startsWith('kurrentdb://')) {
    const { openEsdbStore } = await import('./esdbLoader');
    return openEsdbStore(spec);
  }
  throw new StoreConfigError(`TALLY_STORE=${spec} is not a store this version knows; use ${describeStores}`);
};

/** A file SQLite cannot open as a store is a setting to fix, said in one line; anything else as it was. */
const sqliteOpenError = (e: unknown, path: string, spec: string): unknown => {
  const code = (e as { code?: unknown }).code;
  if (e instanceof StoreConfigError || typeof code !== 'string' || !code.startsWith('SQLITE_')) return e;
  if (code === 'SQLITE_NOTADB') return new StoreConfigError(`${path} is not a SQLite database (TALLY_STORE=${spec})`);
  if (code === 'SQLITE_CANTOPEN') return new StoreConfigError(`${path} cannot be opened as a SQLite database (TALLY_STORE=${spec}): it is a directory, or its folder cannot be written`);
  return new StoreConfigError(`${path} cannot be opened (TALLY_STORE=${spec}): ${(e as Error).message}`);
};

/**
 * For commands that read a log (verify, replay, export): opening a missing SQLite file would
 * create an empty log and report on nothing, so a missing file is a clear error instead.
 */
export const openExistingStore = async (spec: string, command: string): Promise<EventStore> => {
  const sqlitePath = spec.startsWith('sqlite:') ? spec.slice('sqlite:'.length) : undefined;
  if (sqlitePath && sqlitePath !== ':memory:' && !existsSync(sqlitePath))
    throw new StoreConfigError(`there is no store at ${sqlitePath} (TALLY_STORE=${spec}); run ${command} where the server keeps its data, or set TALLY_STORE`);
  return openStore(spec);
};
