import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../../server/store/sqlite';
import { ev } from '../../contract/store.contract';

const dir = mkdtempSync(join(tmpdir(), 'tally-foreign-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const waitFor = async (f: () => boolean, ms = 5000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('a SQLite store shared with another process (tally import beside a running server)', () => {
  it('announces events another connection appended, in order, once, then its own after them', async () => {
    const path = join(dir, 'shared.db');
    const server = new SqliteStore(path);
    const cli = new SqliteStore(path);
    const seen: number[] = [];
    server.subscribe((batch) => seen.push(...batch.map((e) => e.position)));
    await cli.appendMany([{ stream: 'tally-x-1', expected: 'no-stream', events: [ev(), ev()] }]);
    await cli.appendMany([{ stream: 'tally-x-2', expected: 'no-stream', events: [ev()] }]);
    await waitFor(() => seen.length === 3);
    expect(seen).toEqual([1, 2, 3]);
    await server.appendMany([{ stream: 'tally-x-3', expected: 'no-stream', events: [ev()] }]);
    await new Promise((r) => setTimeout(r, 700));
    expect(seen).toEqual([1, 2, 3, 4]);
    await cli.close();
    await server.close();
  });
});
