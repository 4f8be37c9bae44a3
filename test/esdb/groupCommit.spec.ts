// A group commit near EventStoreDB's limits: commands that arrive together share appends, split
// so that each stays under maxAppendBytes (and so under the server's 1 MiB MaxAppendSize, and
// short enough to write well inside its 2 s write timeout), never splitting a command, each part
// written exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppendRequest } from '../../server/store/port';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { createTeam, teamCreated } from '../support/esdb/fixture';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';

let esdb: EsdbTestServer;
beforeAll(async () => {
  esdb = await startEsdbTestServer(); // MaxAppendSize 1 MiB, as EventStoreDB's default
});
afterAll(async () => {
  await esdb?.close();
});

/** CreateTeam T-n with `events` events whose names are `chars` characters each. */
const bigCommand = (n: number, chars: number, events = 1): AppendRequest => ({
  ...createTeam(n),
  events: Array.from({ length: events }, (_, i) => ({ ...teamCreated(n), data: { teamId: `T-${n}`, name: `${i}`.padEnd(chars, 'x') } })),
});

const writesTo = (stream: string) => esdb.writes().filter((w) => w.stream === stream);

describe('a group commit near the limits', () => {
  it('splits five commands of ~300 kB under the default 983,040-byte budget into appends of 3 and 2, each under 1 MiB', async () => {
    const stream = 'tally-log-near-1mib';
    const store = await openEsdbStore(`${esdb.url}&stream=${stream}`);
    try {
      // Each command is 300,000 name bytes plus ~600 of envelope: three fit in 983,040 (~902 kB),
      // four (~1.2 MB) do not, so the group of five goes as 3 + 2.
      const results = await store.appendMany([1, 2, 3, 4, 5].map((n) => bigCommand(n, 300_000)));
      expect(results.map((r) => r.kind === 'ok' && r.events.map((e) => e.position))).toEqual([[1], [2], [3], [4], [5]]);
      const writes = writesTo(stream);
      expect(writes.map((w) => w.events)).toEqual([3, 2]);
      for (const w of writes) expect(w.bytes).toBeLessThan(1024 * 1024);
      expect((await store.readAll()).map((e) => e.meta.commandId)).toEqual(['cmd-1', 'cmd-2', 'cmd-3', 'cmd-4', 'cmd-5']);
    } finally {
      await store.close();
    }
  });

  it('keeps each command whole when a small budget splits a group into many appends', async () => {
    const stream = 'tally-log-small-budget';
    const store = await openEsdbStore(`${esdb.url}&stream=${stream}&maxAppendBytes=4096`);
    try {
      // 12 commands of 2 events of ~700 name bytes: ~2.6 kB a command by the adapter's measure,
      // so one command an append (two would pass 4,096): 12 appends of 2 events, 24 events once.
      const results = await store.appendMany(Array.from({ length: 12 }, (_, i) => bigCommand(100 + i, 700, 2)));
      expect(results.every((r) => r.kind === 'ok')).toBe(true);
      const writes = writesTo(stream);
      expect(writes.map((w) => w.events)).toEqual(Array(12).fill(2));
      for (const w of writes) expect(w.bytes).toBeLessThan(4096);
      const log = await store.readAll();
      expect(log.map((e) => e.position)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
      expect(new Set(log.map((e) => `${e.meta.commandId}/${e.revision}`)).size).toBe(24);
    } finally {
      await store.close();
    }
  });
});
