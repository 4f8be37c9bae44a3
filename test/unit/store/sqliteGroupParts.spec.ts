// A group handed to the SQLite writer thread in parts: the thread seals and inserts each part in
// the group's one transaction while the caller decides the next; nothing is acknowledged before
// the COMMIT, and a group refused anywhere (an event that cannot be serialised, a thread that died,
// the caller giving up) writes none of its parts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../../server/audit/verifyLog';
import { StoreUnavailableError, type AppendResult } from '../../../server/store/port';
import { SqliteStore } from '../../../server/store/sqlite';
import { createTeam } from '../../support/teamAppends';

const dir = mkdtempSync(join(tmpdir(), 'tally-parts-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const threaded = () => new SqliteStore(join(dir, `p-${++n}.db`), { writer: 'thread' });

const teams = (from: number, count: number) => Array.from({ length: count }, (_, i) => createTeam(`T-${from + i}`));
/** each request's first position, or the kind of result that appended nothing */
const firstPositions = (r: AppendResult[]) => r.map((x) => (x.kind === 'ok' ? x.events[0].position : x.kind));
const streams = async (store: SqliteStore) => (await store.readAll()).map((e) => e.stream);
const turn = () => new Promise((r) => setImmediate(r));

describe('SQLite group handed over in parts', () => {
  it('commits every part in one transaction, answered in the order added; an append made meanwhile goes after it', async () => {
    const store = threaded();
    await store.appendMany([createTeam('T-0')]);
    const before = { ...store.stats };
    const group = store.openGroup()!;
    group.add(teams(1, 3));
    expect(store.openGroup()).toBeUndefined(); // one group open at a time
    const meanwhile = store.appendMany([createTeam('T-99')]);
    await turn();
    group.add([createTeam('T-1'), ...teams(4, 2)]); // T-1 again: refused alone, as in appendMany
    const results = await group.commit();
    expect(firstPositions(results)).toEqual([2, 3, 4, 'conflict', 5, 6]);
    expect(firstPositions(await meanwhile)).toEqual([7]);
    expect(store.stats.transactions - before.transactions).toBe(2);
    expect(await streams(store)).toEqual(['team-T-0', ...[1, 2, 3, 4, 5].map((i) => `team-T-${i}`), 'team-T-99']);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('a part whose event cannot be serialised refuses the whole group: none of its parts is written', async () => {
    const store = threaded();
    const group = store.openGroup()!;
    group.add(teams(1, 2));
    await turn();
    group.add([createTeam('T-3', 'half \ud800 a pair')]);
    group.add(teams(4, 1));
    await expect(group.commit()).rejects.toBeInstanceOf(Error);
    expect(await streams(store)).toEqual([]);
    expect(firstPositions(await store.appendMany([createTeam('T-5')]))).toEqual([1]);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('an abandoned group writes nothing, and the writer takes the next append', async () => {
    const store = threaded();
    await store.appendMany([createTeam('T-0')]);
    const group = store.openGroup()!;
    group.add(teams(1, 3));
    await turn();
    group.abandon();
    expect(() => group.commit()).toThrow();
    expect(firstPositions(await store.appendMany([createTeam('T-9')]))).toEqual([2]);
    expect(await streams(store)).toEqual(['team-T-0', 'team-T-9']);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('when the writer thread dies mid-group, the group is refused whole, even its parts given to the next thread', async () => {
    const store = threaded();
    await store.appendMany([createTeam('T-0')]);
    const thread = (store as unknown as { thread: { worker: { terminate: () => Promise<number> } } }).thread;
    const group = store.openGroup()!;
    group.add(teams(1, 2));
    await turn();
    await thread.worker.terminate();
    group.add(teams(3, 2)); // starts a new thread, which never saw the group's start
    await expect(group.commit()).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(await streams(store)).toEqual(['team-T-0']);
    expect(firstPositions(await store.appendMany([createTeam('T-9')]))).toEqual([2]);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('the next group may open while one commits, its parts written after that COMMIT; none opens while an append waits', async () => {
    const store = threaded();
    const a = store.openGroup()!;
    a.add(teams(1, 2));
    const aCommitted = a.commit();
    const b = store.openGroup()!;
    expect(b).toBeDefined();
    b.add(teams(3, 2));
    expect(store.openGroup()).toBeUndefined(); // b takes parts: one open at a time
    const meanwhile = store.appendMany([createTeam('T-9')]);
    const bCommitted = b.commit();
    expect(store.openGroup()).toBeUndefined(); // the waiting append goes first
    expect(firstPositions(await aCommitted)).toEqual([1, 2]);
    expect(firstPositions(await bCommitted)).toEqual([3, 4]);
    expect(firstPositions(await meanwhile)).toEqual([5]);
    expect(await streams(store)).toEqual([1, 2, 3, 4, 9].map((i) => `team-T-${i}`));
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('a store without a writer thread offers no group: its caller appends as one call', async () => {
    const store = new SqliteStore(join(dir, `p-${++n}.db`));
    expect(store.openGroup()).toBeUndefined();
    await store.close();
  });
});
