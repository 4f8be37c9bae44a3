import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite';
import { storeContract } from './store.contract';

const dir = mkdtempSync(join(tmpdir(), 'tally-sqlite-contract-'));
let i = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite', {
  create: async () => new SqliteStore(join(dir, `s-${++i}.db`)),
  reopen: async (previous) => new SqliteStore((previous as SqliteStore).path),
});

// the same contract with durable groups written by a worker thread, as `tally serve` writes them
storeContract('sqlite, writer thread', {
  create: async () => new SqliteStore(join(dir, `t-${++i}.db`), { writer: 'thread' }),
  reopen: async (previous) => new SqliteStore((previous as SqliteStore).path, { writer: 'thread' }),
});
