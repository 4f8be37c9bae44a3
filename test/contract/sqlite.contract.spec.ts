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
