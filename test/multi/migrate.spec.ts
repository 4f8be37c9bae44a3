// Moving from SQLite to EventStoreDB with the CLI: `tally export` then `tally import` keeps
// positions, hashes, recorded times and idempotency keys, and verifies the result.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../server/store/sqlite';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';
import { seedCompany, testTally } from '../support/app';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'tally-migrate-'));
const sqlitePath = join(dir, 'tally.db');
const exportPath = join(dir, 'tally.ndjson');
let esdb: EsdbTestServer;
let target: string;

/** `node bin/tally.mjs ...args` with TALLY_STORE=store; stdout to `stdoutFile` when given. */
const tally = async (store: string, args: string[], stdoutFile?: string) => {
  const child = spawn(process.execPath, ['bin/tally.mjs', ...args], { cwd: ROOT, env: { ...process.env, TALLY_STORE: store }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  if (stdoutFile) child.stdout!.pipe(createWriteStream(stdoutFile));
  else child.stdout!.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (out += c.toString()));
  const [code] = (await once(child, 'exit')) as [number];
  return { code, out };
};

beforeAll(async () => {
  esdb = await startEsdbTestServer({ port: 0 });
  target = `${esdb.url}&stream=migrated`;
  // A SQLite deployment with history: keyed and unkeyed commands, a later recorded time.
  const t = await testTally({ store: new SqliteStore(sqlitePath) });
  const admin = await seedCompany(t);
  const sale = (orderId: string, amount: number) => ({ orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'P', units: 1, amount }], occurredAt: '2026-11-20T10:00:00+08:00' });
  expect((await t.post('RecordSale', sale('O-1', 1000), admin, { 'idempotency-key': 'sale-O-1' })).status).toBe(201);
  t.setNow('2026-11-28T09:00:00+08:00');
  const later = await t.token('admin');
  expect((await t.post('RecordSale', sale('O-2', 2000), later, { 'idempotency-key': 'sale-O-2' })).status).toBe(201);
  expect((await t.post('RefundSale', { orderId: 'O-1', amount: 500, occurredAt: '2026-11-28T09:00:00+08:00', reason: 'damaged' }, later)).status).toBe(201);
  await t.close();
});

afterAll(async () => {
  await esdb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('SQLite → EventStoreDB with tally export and tally import', () => {
  it('carries the log over verbatim, verified, with its idempotency keys', async () => {
    const exported = await tally(`sqlite:${sqlitePath}`, ['export'], exportPath);
    expect(exported.code, exported.out).toBe(0);

    const imported = await tally(target, ['import', exportPath]);
    expect(imported.code, imported.out).toBe(0);
    expect(imported.out).toMatch(/verified: \d+ events, 2 idempotency keys; chain intact/);

    const [from, to] = [new SqliteStore(sqlitePath), await openEsdbStore(target)];
    try {
      const log = await from.readAll();
      expect(await to.readAll()).toEqual(log);
      expect(new Set(log.map((e) => e.recordedAt)).size).toBe(2);
      expect(await to.findIdempotency('sale-O-2')).toEqual(await from.findIdempotency('sale-O-2'));
    } finally {
      await from.close();
      await to.close();
    }

    // The same key sent to a Tally on the new store answers with the migrated events.
    const t = await testTally({ store: await openEsdbStore(target) });
    try {
      const again = await t.post('RecordSale', { orderId: 'O-2', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'P', units: 1, amount: 2000 }], occurredAt: '2026-11-20T10:00:00+08:00' }, await t.token('admin'), { 'idempotency-key': 'sale-O-2' });
      expect(again.status).toBe(201);
      const first = readFileSync(exportPath, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l)).find((l) => l.meta?.commandId === 'sale-O-2');
      expect((await again.json()).events[0].hash).toBe(first.hash);
    } finally {
      await t.close();
    }
  });

  it('resumes onto a store that holds the start of the export, and refuses anything else', async () => {
    const rerun = await tally(target, ['import', exportPath]);
    expect(rerun.code, rerun.out).toBe(0);
    expect(rerun.out).toMatch(/imported 0 events \(resumed after position \d+\)/);

    // One edited amount breaks the export's own chain: nothing is imported.
    const lines = readFileSync(exportPath, 'utf8').split('\n');
    const edited = lines.map((l) => l.replace('"amount":2000', '"amount":2900'));
    expect(edited).not.toEqual(lines);
    writeFileSync(join(dir, 'edited.ndjson'), edited.join('\n'));
    const fresh = `${esdb.url}&stream=edited`;
    const refused = await tally(fresh, ['import', join(dir, 'edited.ndjson')]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/the export itself is broken at position \d+: hash does not match/);
  });
});
