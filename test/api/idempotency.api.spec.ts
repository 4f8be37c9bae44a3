// Idempotency-Key and restarts, on memory and on SQLite: a retried command answers its first events
// and appends nothing, a key reused with another body is 409, a key raced by two requests appends
// once; on a durable store the keys, the log and the read models survive a restart.
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../core/shared/envelope';
import { digestOf } from '../../server/engine/engine';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { removeTestStores, TEST_STORES } from '../support/stores';

afterAll(removeTestStores);

const sale = (orderId: string, amount = 100_000) => ({ orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 2, amount }], occurredAt: '2026-07-01T10:00:00+08:00' });
const bodyOf = async (r: Response) => ({ status: r.status, body: await r.json() });

describe.each(TEST_STORES)('Idempotency-Key on the $name store', (kind) => {
  const withCompany = async (f: (t: TestTally, admin: string) => Promise<void>) => {
    const t = await testTally({ store: kind.open() });
    try {
      await f(t, await seedCompany(t));
    } finally {
      await t.close();
    }
  };

  it('replays the first result for a reused key, appending nothing, and refuses the key with another body (409)', () =>
    withCompany(async (t, admin) => {
      const first = await bodyOf(await t.post('RecordSale', sale('O-1'), admin, { 'idempotency-key': 'k-1' }));
      const again = await bodyOf(await t.post('RecordSale', sale('O-1'), admin, { 'idempotency-key': 'k-1' }));
      expect(first.status).toBe(201);
      expect(again).toEqual(first);
      expect(first.body.events.map((e: { position: number }) => e.position)).toEqual([7]);
      const other = await t.post('RecordSale', sale('O-2'), admin, { 'idempotency-key': 'k-1' });
      expect(other.status).toBe(409);
      expect((await other.json()).detail).toContain('already used with a different request body');
      expect((await t.deps.store.head()).position).toBe(7);
    }));

  it('appends once when two requests race with the same key, and both answer the same events', () =>
    withCompany(async (t, admin) => {
      const [a, b] = await Promise.all([0, 1].map(async () => bodyOf(await t.post('RecordSale', sale('O-1'), admin, { 'idempotency-key': 'race' }))));
      expect([a.status, b.status]).toEqual([201, 201]);
      expect(b.body.events).toEqual(a.body.events);
      expect((await t.deps.store.readAll({ after: 6 })).map((e) => e.type)).toEqual(['SaleRecorded']);
    }));

  it('keeps a batch item’s key per item: a resent batch appends nothing new', () =>
    withCompany(async (t, admin) => {
      const send = () =>
        t.app.request('/api/commands/batch', {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}`, 'idempotency-key': 'batch-1' },
          body: JSON.stringify([{ type: 'RecordSale', data: sale('O-1') }, { type: 'RecordSale', data: sale('O-2', 5_000) }]),
        });
      const first = await bodyOf(await send());
      const again = await bodyOf(await send());
      expect(first.status).toBe(200);
      expect(first.body.results.map((r: { status: string }) => r.status)).toEqual(['ok', 'ok']);
      expect(again).toEqual(first);
      expect((await t.deps.store.head()).position).toBe(8);
    }));

  it('keeps a key to its subject: another subject sending the same body and key is decided as its own command (the probe got the admin’s 201)', () =>
    withCompany(async (t, admin) => {
      const rep1 = await t.token('rep', 'R-1');
      const forR2 = sale('O-7');
      (forR2 as { repId: string }).repId = 'R-2';
      const first = await bodyOf(await t.post('RecordSale', forR2, admin, { 'idempotency-key': 'K' }));
      expect(first.status).toBe(201);
      // R-1 may not record R-2's sale: with the admin's key just as without a key
      expect((await t.post('RecordSale', forR2, rep1, { 'idempotency-key': 'K' })).status).toBe(403);
      expect((await t.post('RecordSale', forR2, rep1)).status).toBe(403);
      // and a key a rep used first does not stop the admin using it for something else (it was 409)
      expect((await t.post('RecordSale', sale('O-8'), rep1, { 'idempotency-key': 'squat' })).status).toBe(201);
      const admins = await bodyOf(await t.post('RecordSale', sale('O-9', 7_000), admin, { 'idempotency-key': 'squat' }));
      expect(admins.status).toBe(201);
      expect(admins.body.events[0].data.orderId).toBe('O-9');
      // seeded 6 events, then O-7, O-8 and O-9: one each
      expect((await t.deps.store.head()).position).toBe(9);
    }));

  it('replays a key only to a caller its authorization still admits', () =>
    withCompany(async (t) => {
      // M-1 managed T-1 when it sent the sale; a token for the same subject on team T-2 does not reach R-1
      const asT1 = await t.token('manager', 'M-1', 'T-1');
      const asT2 = await t.token('manager', 'M-1', 'T-2');
      expect((await t.post('RecordSale', sale('O-1'), asT1, { 'idempotency-key': 'm-1' })).status).toBe(201);
      const replay = await t.post('RecordSale', sale('O-1'), asT2, { 'idempotency-key': 'm-1' });
      expect(replay.status).toBe(403);
      expect((await t.post('RecordSale', sale('O-1'), asT1, { 'idempotency-key': 'm-1' })).status).toBe(201);
      expect((await t.deps.store.head()).position).toBe(7);
    }));

  it('reads keys stored bare, before keys belonged to a subject: the subject that sent one replays it, another subject does not', () =>
    withCompany(async (t, admin) => {
      // the log of an older version: the admin's sale O-1 appended under the bare key 'old'
      const scratch = await testTally();
      await seedCompany(scratch);
      const made = (await (await scratch.post('RecordSale', sale('O-1'), await scratch.token('admin'))).json()).events as StoredEvent[];
      await scratch.close();
      const [appended] = await t.deps.store.appendMany([
        {
          stream: made[0].stream,
          expected: 'no-stream',
          events: made.map(({ type, data, occurredAt, recordedAt }) => ({ type, data, occurredAt, recordedAt, meta: { commandId: 'old', actor: 'admin', correlationId: 'old' } })),
          idempotency: { key: 'old', digest: digestOf({ type: 'RecordSale', data: sale('O-1') }) },
        },
      ]);
      expect(appended.kind).toBe('ok');
      const replay = await bodyOf(await t.post('RecordSale', sale('O-1'), admin, { 'idempotency-key': 'old' }));
      expect(replay.status).toBe(201);
      expect(replay.body.events.map((e: StoredEvent) => e.position)).toEqual([7]);
      // for R-1 the bare key is not its own: its sale O-2 is decided and appended
      const rep1 = await t.token('rep', 'R-1');
      const own = await bodyOf(await t.post('RecordSale', sale('O-2'), rep1, { 'idempotency-key': 'old' }));
      expect(own.status).toBe(201);
      expect(own.body.events.map((e: StoredEvent) => e.position)).toEqual([8]);
    }));

  if (kind.reopen) {
    it('after a restart, answers a retried key with its first events, and the log and read models are as before', async () => {
      const t = await testTally({ store: kind.open() });
      const admin = await seedCompany(t);
      const first = await bodyOf(await t.post('RecordSale', sale('O-1'), admin, { 'idempotency-key': 'k-1' }));
      const board = await bodyOf(await t.get('/api/leaderboard?period=2026-07', admin));
      const verified = await bodyOf(await t.get('/api/audit/verify', admin));
      await t.close();

      const restarted = await testTally({ store: kind.reopen!(t.deps.store) });
      try {
        const again = await bodyOf(await restarted.post('RecordSale', sale('O-1'), admin, { 'idempotency-key': 'k-1' }));
        expect(again).toEqual(first);
        expect(await bodyOf(await restarted.get('/api/audit/verify', admin))).toEqual(verified);
        expect(verified.body).toMatchObject({ ok: true, count: 7 });
        const { asOf: _a, ...boardAfter } = (await bodyOf(await restarted.get('/api/leaderboard?period=2026-07', admin))).body;
        const { asOf: _b, ...boardBefore } = board.body;
        expect(boardAfter).toEqual(boardBefore);
        expect(boardAfter.entries.find((e: { repId: string }) => e.repId === 'R-1').value).toBe(100_000);
        // and it goes on from the head it left
        expect((await bodyOf(await restarted.post('RecordSale', sale('O-2'), admin))).body.events[0].position).toBe(8);
      } finally {
        await restarted.close();
      }
    });
  }
});
