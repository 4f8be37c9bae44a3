// appendSealed (migration) on every store: events sealed by another store are taken verbatim when
// they continue the log exactly, and refused whole otherwise.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../core/shared/envelope';
import { verifyLog } from '../../server/audit/verifyLog';
import { CommandGrouper, exportLines } from '../../server/cli/sealedFormat';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { MemoryStore } from '../../server/store/memory';
import { subjectKey, type EventStore, type SealedAppend } from '../../server/store/port';
import { SealedMismatchError } from '../../server/store/sealed';
import { SqliteStore } from '../../server/store/sqlite';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';
import { ev } from './store.contract';

const dir = mkdtempSync(join(tmpdir(), 'tally-sealed-'));
let server: EsdbTestServer;
beforeAll(async () => {
  server = await startEsdbTestServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

const stores: [string, () => Promise<EventStore>][] = [
  ['memory', async () => new MemoryStore()],
  ['sqlite', async () => new SqliteStore(join(dir, `${randomUUID()}.db`))],
  ['esdb', () => openEsdbStore(`${server.url}&stream=tally-log-${randomUUID()}`)],
];

/** A source log with multi-event commands, keyed and unkeyed, on a few streams. */
const source = async (): Promise<MemoryStore> => {
  const s = new MemoryStore();
  const cmd = (stream: string, count: number, key?: string) => {
    const id = key ?? randomUUID();
    return { stream, expected: 'any' as const, events: Array.from({ length: count }, () => ({ ...ev(), meta: { commandId: id, actor: 'a', correlationId: id } })), ...(key ? { idempotency: { key, digest: `d-${key}` } } : {}) };
  };
  await s.appendMany([cmd('tally-a-1', 2, 'k-1'), cmd('tally-b-1', 1), cmd('tally-a-1', 3, 'k-2')]);
  await s.appendMany([cmd('tally-c-1', 1, 'k-3'), cmd('tally-b-1', 2)]);
  return s;
};

/** The source as the export file would carry it, regrouped into commands. */
const commandsOf = async (s: EventStore): Promise<SealedAppend[]> => {
  const g = new CommandGrouper();
  for await (const text of exportLines(s)) for (const line of text.split('\n').filter(Boolean)) expect(g.push(JSON.parse(line))).toBe(true);
  return g.finish();
};

for (const [name, create] of stores) {
  describe(`appendSealed: ${name}`, () => {
    it('takes an exported log verbatim: positions, revisions, hashes, recorded times and keys', async () => {
      const from = await source();
      const to = await create();
      try {
        const heard: number[] = [];
        to.subscribe((b) => heard.push(...b.map((e) => e.position)));
        const commands = await commandsOf(from);
        expect(commands.map((c) => [c.events.length, c.idempotency?.key])).toEqual([[2, 'k-1'], [1, undefined], [3, 'k-2'], [1, 'k-3'], [2, undefined]]);
        await to.appendSealed!(commands.slice(0, 2));
        await to.appendSealed!(commands.slice(2));
        expect(await to.readAll()).toEqual(await from.readAll());
        expect(await to.head()).toEqual(await from.head());
        for (const k of ['k-1', 'k-2', 'k-3']) expect(await to.findIdempotency(k)).toEqual(await from.findIdempotency(k));
        expect((await verifyLog(to)).ok).toBe(true);
        await expect.poll(() => heard.length).toBe(9);
        // and the log goes on from there
        const [next] = await to.appendMany([{ stream: 'tally-a-1', expected: 4, events: [ev()] }]);
        expect(next.kind === 'ok' && [next.events[0].position, next.events[0].revision, next.events[0].prevHash]).toEqual([10, 5, (await from.head()).hash]);
      } finally {
        await to.close();
      }
    });

    it('keeps keys per subject: two subjects’ commands under one key stay two commands with a key each, and bare keys of older logs too', async () => {
      const from = new MemoryStore();
      const keyed = (actor: string, key: string, stored: string, count: number) => ({
        stream: `tally-k-${actor}`,
        expected: 'any' as const,
        events: Array.from({ length: count }, () => ({ ...ev(), meta: { commandId: key, actor, correlationId: key } })),
        idempotency: { key: stored, digest: `d-${stored}` },
      });
      // each sent key K (stored under their subjects), one after the other; admin sent k-0 before keys were scoped
      await from.appendMany([keyed('admin', 'k-0', 'k-0', 1), keyed('R-1', 'K', subjectKey('R-1', 'K'), 2), keyed('R-2', 'K', subjectKey('R-2', 'K'), 1)]);
      const to = await create();
      try {
        const commands = await commandsOf(from);
        expect(commands.map((c) => [c.events.length, c.idempotency?.key])).toEqual([[1, 'k-0'], [2, 'R-1 K'], [1, 'R-2 K']]);
        await to.appendSealed!(commands);
        for (const k of ['k-0', subjectKey('R-1', 'K'), subjectKey('R-2', 'K')]) expect(await to.findIdempotency(k)).toEqual(await from.findIdempotency(k));
        expect((await to.findIdempotency(subjectKey('R-2', 'K')))?.positions).toEqual([4]);
      } finally {
        await to.close();
      }
    });

    it('refuses, whole, a command that does not continue the log', async () => {
      const commands = await commandsOf(await source());
      const to = await create();
      try {
        await to.appendSealed!(commands.slice(0, 1));
        const tampered = (e: StoredEvent, change: Partial<StoredEvent>): SealedAppend => ({ events: [{ ...e, ...change }] });
        const next = commands[1].events[0];
        for (const bad of [
          commands[2], // skips a command: wrong position
          tampered(next, { prevHash: '0'.repeat(64) }),
          tampered(next, { data: { edited: true } }), // hash no longer matches
          tampered(next, { revision: 7 }),
          { events: commands[1].events, idempotency: { key: 'k-1', digest: 'x' } }, // key already held
        ])
          await expect(to.appendSealed!([bad])).rejects.toBeInstanceOf(SealedMismatchError);
        // the whole call is checked before anything is written
        await expect(to.appendSealed!([commands[1], commands[3]])).rejects.toBeInstanceOf(SealedMismatchError);
        expect((await to.head()).position).toBe(2);
        expect((await verifyLog(to)).ok).toBe(true);
      } finally {
        await to.close();
      }
    });
  });
}
