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

  it('with a writer thread, whose commits look foreign to this connection, a group the poll told before its answer arrived is not told again', async () => {
    const store = new SqliteStore(join(dir, 'threaded.db'), { writer: 'thread' });
    const seen: number[] = [];
    store.subscribe((batch) => seen.push(...batch.map((e) => e.position)));
    const inside = store as unknown as { thread: { write: (r: unknown) => Promise<unknown> }; pollForeignAppends: () => void };
    const write = inside.thread.write.bind(inside.thread);
    let release: (() => void) | undefined;
    // the group is committed by the thread, and its answer held back until the poll has run
    inside.thread.write = (r) => write(r).then((w) => new Promise((resolve) => (release = () => resolve(w))));
    const appended = store.appendMany([{ stream: 'tally-t-1', expected: 'no-stream', events: [ev(), ev()] }]);
    await waitFor(() => release !== undefined);
    inside.pollForeignAppends();
    expect(seen).toEqual([1, 2]);
    release!();
    const [result] = await appended;
    expect(result.kind === 'ok' && result.events.map((e) => e.position)).toEqual([1, 2]);
    expect(seen).toEqual([1, 2]);
    await store.close();
  });
});
