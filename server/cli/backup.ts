// tally backup --out FILE: a consistent copy of the SQLite store while the server keeps running,
// through SQLite's online backup (pages copied in steps, so writers wait only for a step), then
// checked: the copy's hash chain is recomputed and its head must be the head copied. Restoring is
// stopping the server, putting the copy in the store's place (without the old -wal and -shm
// files) and starting it again; README: Backup and restore.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { verifyLog } from '../audit/verifyLog';
import { loadConfigWithoutSecret } from '../config';
import { StoreConfigError } from '../store/port';
import { SqliteStore } from '../store/sqlite';
import { flag, parseArgs } from './args';

export const run = async (argv: string[]): Promise<number> => {
  const out = flag(parseArgs(argv), 'out');
  if (!out) throw new StoreConfigError('--out FILE is needed: where the copy goes');
  const spec = loadConfigWithoutSecret().store;
  if (!spec.startsWith('sqlite:')) throw new StoreConfigError(`TALLY_STORE=${spec}: tally backup copies a SQLite store; back up EventStoreDB with its own tools (README: Backup and restore)`);
  const source = spec.slice('sqlite:'.length);
  if (!existsSync(source)) throw new StoreConfigError(`there is no store at ${source} (TALLY_STORE=${spec})`);
  if (existsSync(out)) throw new StoreConfigError(`${out} exists already; tally backup writes a new file`);
  const t0 = performance.now();
  const partial = `${out}.partial`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = new SqliteStore(partial);
  try {
    const r = await verifyLog(copy);
    if (!r.ok) {
      console.error(`FAILED: the copy's chain breaks at position ${r.badPosition}: ${r.reason}; ${partial} is kept for inspection`);
      return 1;
    }
    await copy.close();
    for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    renameSync(partial, out);
    console.log(`backed up ${r.count} events, chain intact, head ${r.head} → ${out} (${((performance.now() - t0) / 1000).toFixed(1)} s)`);
    return 0;
  } catch (e) {
    await copy.close().catch(() => undefined);
    throw e;
  }
};
