// The SQLite store's group commit: appends handed over in the same tick share one durable
// transaction; each is acknowledged only after its COMMIT, in the order they were handed over, and
// one that is refused (a conflict, an event that cannot be serialised) does not refuse the others.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { verifyLog } from '../../../server/audit/verifyLog';
import { StoreUnavailableError } from '../../../server/store/port';
import { SqliteStore } from '../../../server/store/sqlite';
import { createTeam, positionsOf } from '../../support/teamAppends';

const dir = mkdtempSync(join(tmpdir(), 'tally-group-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const openStore = () => new SqliteStore(join(dir, `g-${++n}.db`));


describe('SQLite group commit', () => {
  it('acknowledges appends handed over together after one transaction, at positions in the order they were handed over', async () => {
    const store = openStore();
    const before = { ...store.stats };
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => store.appendMany([createTeam(`T-${i}`)])));
    expect(results.map(positionsOf)).toEqual(Array.from({ length: 12 }, (_, i) => [[i + 1]]));
    expect(store.stats.transactions - before.transactions).toBe(1);
    expect(store.stats.requests - before.requests).toBe(12);
    expect((await store.readAll()).map((e) => e.stream)).toEqual(Array.from({ length: 12 }, (_, i) => `team-T-${i}`));
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('a conflict in the group is answered as one and the others are written', async () => {
    const store = openStore();
    await store.appendMany([createTeam('T-1')]);
    const [a, b, c] = await Promise.all([store.appendMany([createTeam('T-2')]), store.appendMany([createTeam('T-1')]), store.appendMany([createTeam('T-3')])]);
    expect([positionsOf(a), b.map((r) => r.kind), positionsOf(c)]).toEqual([[[2]], ['conflict'], [[3]]]);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('an append whose event cannot be serialised is refused alone; the rest of its group is written and chained', async () => {
    const store = openStore();
    const settled = await Promise.allSettled([store.appendMany([createTeam('T-1')]), store.appendMany([createTeam('T-2', 'half \ud800 a pair')]), store.appendMany([createTeam('T-3')])]);
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((settled[1] as PromiseRejectedResult).reason).toBeInstanceOf(Error);
    expect((await store.readAll()).map((e) => [e.position, e.stream])).toEqual([
      [1, 'team-T-1'],
      [2, 'team-T-3'],
    ]);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('a group whose COMMIT fails acknowledges none of its appends and writes none of them', async () => {
    const store = openStore();
    await store.appendMany([createTeam('T-0')]);
    const commit = (store as unknown as { writer: { commit: { run: () => unknown } } }).writer.commit;
    const run = commit.run;
    commit.run = () => {
      throw new Error('disk I/O error');
    };
    const settled = await Promise.allSettled([store.appendMany([createTeam('T-1')]), store.appendMany([createTeam('T-2')])]);
    commit.run = run;
    expect(settled.map((s) => s.status)).toEqual(['rejected', 'rejected']);
    expect((await store.readAll()).map((e) => e.stream)).toEqual(['team-T-0']);
    // the store goes on: the next group is written after the last acknowledged event
    expect(positionsOf(await store.appendMany([createTeam('T-3')]))).toEqual([[2]]);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('with a writer thread, what is handed over while a group commits goes as the next group, and the events are as the thread sealed them', async () => {
    const store = new SqliteStore(join(dir, `g-${++n}.db`), { writer: 'thread' });
    const first = store.appendMany([createTeam('T-0')]);
    await new Promise((r) => setImmediate(r)); // the first group is with the thread
    const rest = Array.from({ length: 10 }, (_, i) => store.appendMany([createTeam(`T-${i + 1}`)]));
    const acknowledged = await Promise.all([first, ...rest]);
    expect(acknowledged.map(positionsOf)).toEqual(Array.from({ length: 11 }, (_, i) => [[i + 1]]));
    expect(store.stats).toEqual({ transactions: 2, requests: 11 });
    const told = acknowledged.flatMap((r) => (r[0].kind === 'ok' ? r[0].events : []));
    expect(await store.readAll()).toEqual(told);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('when the writer thread dies, its group is refused as the store being unavailable, and the next write starts a new thread', async () => {
    const store = new SqliteStore(join(dir, `g-${++n}.db`), { writer: 'thread' });
    await store.appendMany([createTeam('T-0')]);
    const thread = (store as unknown as { thread: { worker: { terminate: () => Promise<number> } } }).thread;
    const lost = store.appendMany([createTeam('T-1')]);
    await new Promise((r) => setImmediate(r)); // the group is posted
    await thread.worker.terminate();
    await expect(lost).rejects.toBeInstanceOf(StoreUnavailableError);
    const next = await store.appendMany([createTeam('T-2')]);
    // T-1 may or may not have been committed before the thread died; it was not acknowledged either way
    const streams = (await store.readAll()).map((e) => e.stream);
    expect(streams[0]).toBe('team-T-0');
    expect(streams[streams.length - 1]).toBe('team-T-2');
    expect(positionsOf(next)).toEqual([[streams.length]]);
    expect((await verifyLog(store)).ok).toBe(true);
    await store.close();
  });

  it('a one-shot process that wrote through the writer thread ends normally once the store is closed', () => {
    const script = join(dir, 'one-shot.mts');
    const store = resolve('server/store/sqlite.ts');
    writeFileSync(
      script,
      `import { SqliteStore } from ${JSON.stringify(store)};
const s = new SqliteStore(${JSON.stringify(join(dir, `g-${++n}.db`))}, { writer: 'thread' });
await s.appendMany([${JSON.stringify(createTeam('T-1'))}]);
await s.close();
console.log('closed');
`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout.trim()).toBe('closed');
  });
});
