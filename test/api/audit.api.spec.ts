// GET /api/audit/verify on memory and on SQLite: an intact log verifies to its head; a log edited
// behind the server's back (SQLite: a raw write past the append-only triggers) answers ok: false,
// naming the first bad position, how many events before it hold, and their head.
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../core/shared/envelope';
import { hashOf } from '../../server/store/hashChain';
import { seedCompany, testTally } from '../support/app';
import { removeTestStores, TEST_STORES } from '../support/stores';

afterAll(removeTestStores);

const sale = (orderId: string, amount: number) => ({ orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount }], occurredAt: '2026-11-20T10:00:00+08:00' });

describe.each(TEST_STORES)('GET /api/audit/verify on the $name store', (kind) => {
  /** seedCompany's six events, then two sales at positions 7 and 8 */
  const company = async () => {
    const t = await testTally({ store: kind.open() });
    const admin = await seedCompany(t);
    for (const [orderId, amount] of [['O-1', 120_000], ['O-2', 80_000]] as const) expect((await t.post('RecordSale', sale(orderId, amount), admin)).status).toBe(201);
    const log: StoredEvent[] = (await (await t.get('/api/events?limit=1000', admin)).json()).events;
    expect(log.map((e) => e.position)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const verify = async () => {
      const r = await t.get('/api/audit/verify', admin);
      expect(r.status).toBe(200);
      return r.json();
    };
    return { t, log, verify };
  };

  it('answers ok with the count and the head hash of an intact log', async () => {
    const { t, log, verify } = await company();
    try {
      expect(await verify()).toEqual({ ok: true, count: 8, head: log[7].hash });
    } finally {
      await t.close();
    }
  });

  it('names the edited event when a sale’s amount was changed in place', async () => {
    const { t, log, verify } = await company();
    try {
      await kind.tamper(t.deps.store, 7, (e) => ({ ...e, data: { ...(e.data as object), lines: [{ product: 'CRM', units: 1, amount: 12_000 }] } }));
      expect(((await t.deps.store.readAll({ after: 6, limit: 1 }))[0].data as { lines: { amount: number }[] }).lines[0].amount).toBe(12_000);
      // events 1–6 still hold; the head is the last good one's
      expect(await verify()).toEqual({ ok: false, count: 6, head: log[5].hash, badPosition: 7, code: 'chain-hash', reason: 'hash does not match the event content' });
    } finally {
      await t.close();
    }
  });

  it('names the next event when one was edited and given a fresh hash of its own', async () => {
    const { t, log, verify } = await company();
    try {
      let forged = '';
      await kind.tamper(t.deps.store, 3, (e) => {
        const { hash: _hash, ...body } = { ...e, data: { ...(e.data as object), name: 'Wang Fang (edited)' } };
        forged = hashOf(body);
        return { ...body, hash: forged };
      });
      expect(forged).not.toBe(log[2].hash);
      expect(await verify()).toEqual({ ok: false, count: 3, head: forged, badPosition: 4, code: 'chain-link', reason: 'prevHash does not link to the previous event' });
    } finally {
      await t.close();
    }
  });
});
