// Tokens: every way a bearer token can be wrong is a 401; a right token on the wrong data is a
// 403; the stream token works on GET /api/stream only, and only it may travel in a URL.
import { spawnSync } from 'node:child_process';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, STREAM_TOKEN_TTL_SECONDS } from '../../server/http/auth';
import { seedCompany, TEST_SECRET, testTally, type TestTally } from '../support/app';

const NOW = '2026-11-27T10:00:00+08:00';
const nowS = Date.parse(NOW) / 1000;
const key = (s: string) => new TextEncoder().encode(s);
const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');

/** A token with exactly these claims and header, signed with HS256 (or `alg`) under `secret`. */
const craft = (claims: Record<string, unknown>, o: { alg?: string; secret?: string } = {}) =>
  new SignJWT(claims).setProtectedHeader({ alg: o.alg ?? 'HS256', typ: 'JWT' }).sign(key(o.secret ?? TEST_SECRET));

const adminClaims = (over: Record<string, unknown> = {}) => ({ sub: 'admin', role: 'admin', iat: nowS, exp: nowS + 3600, ...over });

describe('bearer tokens', () => {
  let t: TestTally;
  beforeAll(async () => {
    t = await testTally({ now: NOW });
    await seedCompany(t);
  });

  const withAuth = (authorization?: string) => t.app.request('/api/events', authorization === undefined ? {} : { headers: { authorization } });
  const bearer = (token: string) => withAuth(`Bearer ${token}`);

  it('accepts a well-formed admin token (the control for every case below)', async () => {
    expect((await bearer(await craft(adminClaims()))).status).toBe(200);
  });

  it('401 for no token and for malformed ones, with a Bearer challenge and a problem body', async () => {
    const cases = [undefined, '', 'Bearer', 'Bearer ', 'Basic YWRtaW46YWRtaW4=', 'Bearer abc', 'Bearer a.b.c', 'Bearer ...', `Bearer ${b64({ alg: 'HS256' })}.${b64({})}`];
    for (const h of cases) {
      const r = await withAuth(h);
      expect(r.status, String(h)).toBe(401);
      expect(r.headers.get('www-authenticate')).toContain('Bearer');
      expect(r.headers.get('content-type')).toContain('application/problem+json');
    }
  });

  it('401 for a wrong signature, alg none, and an HS512 token signed with the right secret', async () => {
    const good = await craft(adminClaims());
    const [h, p] = good.split('.');
    expect((await bearer(await craft(adminClaims(), { secret: 'another-secret-that-is-also-long-enough!' }))).status).toBe(401);
    expect((await bearer(`${h}.${p}.${'A'.repeat(43)}`)).status).toBe(401);
    expect((await bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${p}.`)).status).toBe(401);
    expect((await bearer(`${b64({ alg: 'none', typ: 'JWT' })}.${p}`)).status).toBe(401);
    // the algorithm is pinned: a valid HS512 signature under our own secret is still refused
    expect((await bearer(await craft(adminClaims(), { alg: 'HS512' }))).status).toBe(401);
    expect((await bearer(await craft(adminClaims(), { alg: 'HS384' }))).status).toBe(401);
    // a header claiming HS256 over claims re-signed nowhere: the claims were swapped after signing
    const other = await craft(adminClaims({ sub: 'someone' }));
    expect((await bearer(`${h}.${other.split('.')[1]}.${good.split('.')[2]}`)).status).toBe(401);
  });

  it('401 for expired, not yet valid, or without exp; the skew tolerance is bounded on both sides', async () => {
    const skew = CLOCK_SKEW_SECONDS;
    expect((await bearer(await craft(adminClaims({ exp: nowS - skew - 1 })))).status).toBe(401);
    expect((await bearer(await craft(adminClaims({ exp: nowS - skew + 5 })))).status).toBe(200);
    expect((await bearer(await craft(adminClaims({ nbf: nowS + skew + 5 })))).status).toBe(401);
    expect((await bearer(await craft(adminClaims({ nbf: nowS + skew - 5 })))).status).toBe(200);
    const { exp: _, ...noExp } = adminClaims();
    const r = await bearer(await craft(noExp));
    expect(r.status).toBe(401);
    expect((await r.json()).detail).toContain('exp');
  });

  it('401 for an unknown role, a missing or odd subject, a manager without a team, a team that is not an id', async () => {
    for (const claims of [
      adminClaims({ role: 'superuser' }),
      adminClaims({ role: ['admin'] }),
      adminClaims({ role: undefined }),
      adminClaims({ sub: undefined }),
      adminClaims({ sub: '../../etc', role: 'rep' }), // a rep's subject is its repId; others may be any one line of text (subjects.api.spec.ts)
      adminClaims({ sub: 'admin\u0000' }),
      adminClaims({ sub: 42 }),
      adminClaims({ role: 'manager' }),
      adminClaims({ role: 'manager', team: { id: 'T-1' } }),
      adminClaims({ role: 'manager', team: 'T 1; drop' }),
    ])
      expect((await bearer(await craft(claims))).status, JSON.stringify(claims)).toBe(401);
  });

  it('403 for a right token on data outside its role or scope', async () => {
    const rep = await craft({ sub: 'R-1', role: 'rep', iat: nowS, exp: nowS + 600 });
    expect((await bearer(rep)).status).toBe(403);
    const sale = { orderId: 'O-9', customerId: 'C-1', repId: 'R-3', lines: [{ product: 'CRM', units: 1, amount: 100 }], occurredAt: NOW };
    expect((await t.post('RecordSale', sale, rep)).status).toBe(403);
    const manager = await craft({ sub: 'M-1', role: 'manager', team: 'T-1', iat: nowS, exp: nowS + 600 });
    expect((await t.post('RecordSale', sale, manager)).status).toBe(403);
  });
});

describe('the stream token', () => {
  it('is short-lived, unique, good for GET /api/stream only, and the only token allowed in a URL', async () => {
    const t = await testTally({ now: NOW });
    const rep = await t.token('rep', 'R-1');
    const mint = async () => (await (await t.app.request('/api/stream/token', { method: 'POST', headers: { authorization: `Bearer ${rep}` } })).json()) as { token: string; expiresIn: number };
    const { token, expiresIn } = await mint();
    expect(expiresIn).toBe(STREAM_TOKEN_TTL_SECONDS);
    expect(expiresIn).toBeLessThanOrEqual(300);
    expect((await mint()).token).not.toBe(token);

    const open = async (url: string, headers: Record<string, string> = {}) => {
      const r = await t.app.request(url, { headers });
      await r.body?.cancel();
      return r.status;
    };
    expect(await open(`/api/stream?token=${token}`)).toBe(200);
    expect(await open('/api/stream', { authorization: `Bearer ${token}` })).toBe(200);
    // anywhere else, in the header or the query, it is no token at all
    expect(await open('/api/events', { authorization: `Bearer ${token}` })).toBe(401);
    expect(await open(`/api/events?token=${token}`)).toBe(401);
    expect((await t.post('RecordSale', {}, token)).status).toBe(401);
    expect((await t.app.request('/api/stream/token', { method: 'POST', headers: { authorization: `Bearer ${token}` } })).status).toBe(401);
    // a normal token never travels in a URL, where logs and referrers would keep it
    expect(await open(`/api/stream?token=${rep}`)).toBe(401);
    // and it dies young
    t.setNow(new Date(Date.parse(NOW) + (STREAM_TOKEN_TTL_SECONDS + CLOCK_SKEW_SECONDS + 1) * 1000).toISOString());
    expect(await open(`/api/stream?token=${token}`)).toBe(401);
  });
});

describe('the secret', () => {
  it('the server refuses to start without a secret of at least 32 bytes (generation for the demo: config.spec)', () => {
    const serve = (env: Record<string, string>) =>
      spawnSync(process.execPath, ['bin/tally.mjs', 'serve'], { env: { PATH: process.env.PATH, TALLY_STORE: 'memory:', PORT: '0', ...env }, encoding: 'utf8', timeout: 60_000 });
    const missing = serve({ TALLY_DEMO: '0' });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('TALLY_JWT_SECRET is not set');
    const short = serve({ TALLY_JWT_SECRET: 'x'.repeat(31) });
    expect(short.status).toBe(2);
    expect(short.stderr).toContain('shorter than 32 bytes');
  }, 150_000); // two cold starts of `tally serve` (each up to 60 s under spawnSync's own limit) on a busy 2-core machine
});
