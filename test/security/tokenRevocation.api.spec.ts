// A leaked token can be refused before it expires: an admin's RevokeTokens refuses every token of
// a subject issued before a moment, on every path a token opens — the middleware chain, the
// cached-read fast path, an open stream, /metrics — from the moment it is folded, whatever moment
// a read is as of, and again after a restart (it is an event). Tokens of other subjects, and the
// subject's tokens issued later, are untouched; only an admin may revoke, and never backwards.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { fastReadsFirst } from '../../server/http/fastRead';
import { MemoryStore } from '../../server/store/memory';
import { seedCompany, testTally, type TestTally } from '../support/app';

const NOW = '2026-11-27T10:00:00+08:00';
const LATER = '2026-11-27T10:05:00+08:00';
const LEADERBOARD = '/api/leaderboard?metric=revenue&period=2026-11';

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

const revoke = (t: TestTally, admin: string, subject: string, issuedBefore = LATER) => t.post('RevokeTokens', { subject, issuedBefore }, admin);

describe('RevokeTokens', () => {
  it('refuses the subject’s tokens issued before the cut-off with a 401 naming it, in the reader’s language, and no other token', async () => {
    const t = await testTally({ now: NOW });
    const admin = await seedCompany(t);
    const leaked = await t.token('viewer', 'portal');
    const rep = await t.token('rep', 'R-1');
    expect((await t.get(LEADERBOARD, leaked)).status).toBe(200);

    t.setNow(LATER);
    expect((await revoke(t, admin, 'portal')).status).toBe(201);
    const refused = await t.get(LEADERBOARD, leaked);
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toContain('Bearer');
    expect((await refused.json()).detail).toBe('the token was revoked: tokens of its subject issued before 2026-11-27T02:05:00.000Z are refused; ask for a new one');
    const zh = await t.app.request(LEADERBOARD, { headers: { authorization: `Bearer ${leaked}`, 'accept-language': 'zh-CN' } });
    expect((await zh.json()).detail).toBe('令牌已被吊销：该主体在 2026-11-27T02:05:00.000Z 之前签发的令牌一律拒绝；请申请新令牌');
    // as of a moment before the revocation too: a revocation holds now, whatever a read is as of
    expect((await t.get(`${LEADERBOARD}&asOf=${encodeURIComponent(NOW)}`, leaked)).status).toBe(401);

    // another subject's token of the same age, and the subject's token minted after, are good
    expect((await t.get(LEADERBOARD, rep)).status).toBe(200);
    t.setNow('2026-11-27T10:05:01+08:00');
    expect((await t.get(LEADERBOARD, await t.token('viewer', 'portal'))).status).toBe(200);
  });

  it('refuses a token minted in the cut-off’s own second, since a token’s issue time is known to the second', async () => {
    const t = await testTally({ now: '2026-11-27T10:05:00.900+08:00' });
    const admin = await seedCompany(t);
    const sameSecond = await t.token('rep', 'R-1');
    expect((await revoke(t, admin, 'R-1', '2026-11-27T10:05:00.500+08:00')).status).toBe(201);
    expect((await t.get(LEADERBOARD, sameSecond)).status).toBe(401);
  });

  it('is an admin’s alone, only moves later, and names its field when the input is bad', async () => {
    const t = await testTally({ now: NOW });
    const admin = await seedCompany(t);
    for (const token of [await t.token('manager', 'M-1', 'T-1'), await t.token('rep', 'R-1'), await t.token('viewer')]) expect((await revoke(t, token, 'portal')).status).toBe(403);
    expect((await revoke(t, admin, 'portal')).status).toBe(201);
    const backwards = await revoke(t, admin, 'portal', NOW);
    expect(backwards.status).toBe(409);
    expect((await backwards.json()).detail).toContain('only moves later');
    expect((await revoke(t, admin, 'portal', '2026-11-27T11:00:00+08:00')).status).toBe(201);
    const bad = await t.post('RevokeTokens', { subject: 'portal\u202e', issuedBefore: 'yesterday' }, admin);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors.map((e: { path: string }) => e.path).sort()).toEqual(['data.issuedBefore', 'data.subject']);
  });

  it('holds after a restart: it is an event in the log', async () => {
    const store = new MemoryStore();
    const t = await testTally({ store, now: NOW });
    const admin = await seedCompany(t);
    const leaked = await t.token('viewer', 'portal');
    t.setNow(LATER);
    expect((await revoke(t, admin, 'portal')).status).toBe(201);
    const again = await testTally({ store, now: LATER });
    expect((await again.get(LEADERBOARD, leaked)).status).toBe(401);
    expect((await again.get(LEADERBOARD, admin)).status).toBe(200);
  });

  it('is not skipped by the cached-read fast path: a revoked token’s repeated read goes to the chain, which refuses it', async () => {
    const t = await testTally({ now: NOW });
    const admin = await seedCompany(t);
    const leaked = await t.token('viewer', 'portal');
    let fast = 0;
    const server = serve({
      fetch: t.app.fetch, port: 0, hostname: '127.0.0.1',
      createServer: fastReadsFirst(() => (req, res) => {
        const answered = t.app.readFast(req, res);
        if (answered) fast++;
        return answered;
      }),
    });
    servers.push(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    const port = (server.address() as AddressInfo).port;
    const ask = (token = leaked) =>
      new Promise<number>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, path: LEADERBOARD, headers: { authorization: `Bearer ${token}` }, agent: false }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode!));
        });
        req.on('error', reject);
        req.end();
      });
    expect(await ask()).toBe(200);
    expect(await ask()).toBe(200);
    expect(fast).toBe(1);
    t.setNow(LATER);
    expect((await revoke(t, admin, 'portal')).status).toBe(201);
    // a new viewer token's read puts the viewers' answer at the new position in the cache …
    t.setNow('2026-11-27T10:05:01+08:00');
    const fresh = await t.token('viewer', 'portal');
    expect(await ask(fresh)).toBe(200);
    expect(await ask(fresh)).toBe(200);
    expect(fast).toBe(2);
    // … which the revoked token, of the same class, does not get
    expect(await ask()).toBe(401);
    expect(fast).toBe(2);
  });

  it('ends an open stream of a revoked token with a last `expired` event, and /metrics refuses it', async () => {
    const t = await testTally({ now: NOW });
    const admin = await seedCompany(t);
    const mine = await t.token('admin', 'ops-bot');
    const r = await t.app.request('/api/stream', { headers: { authorization: `Bearer ${mine}` } });
    expect(r.status).toBe(200);
    const reader = r.body!.getReader();
    const decoder = new TextDecoder();
    let text = '';
    const read = async (until: RegExp) => {
      while (!until.test(text)) {
        const { value, done } = await reader.read();
        if (done) return;
        text += decoder.decode(value, { stream: true });
      }
    };
    await read(/event: ready/);
    expect((await t.get('/metrics', mine)).status).toBe(200);
    t.setNow(LATER);
    expect((await revoke(t, admin, 'ops-bot')).status).toBe(201);
    await read(/event: expired/);
    expect(text).toMatch(/event: expired\ndata: \{"reason":"the token was revoked/);
    expect((await reader.read()).done).toBe(true);
    expect((await t.get('/metrics', mine)).status).toBe(401);
  });
});
