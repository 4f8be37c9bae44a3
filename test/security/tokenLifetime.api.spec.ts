// Tokens live at most TALLY_TOKEN_MAX_TTL (default 30 days): a presented token is judged by
// exp − iat and by exp from now (a token without iat by the latter alone), and `tally token`
// refuses to mint a longer one. A stolen token then stops working within the maximum.
import { SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run as mint } from '../../server/cli/token';
import { ConfigError, loadConfig } from '../../server/config';
import { CLOCK_SKEW_SECONDS } from '../../server/http/auth';
import { TEST_SECRET, testTally } from '../support/app';

const NOW = '2026-11-27T10:00:00+08:00';
const nowS = Date.parse(NOW) / 1000;
const DAY = 86_400;

const craft = (claims: Record<string, unknown>) =>
  new SignJWT({ sub: 'admin', role: 'admin', ...claims }).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(TEST_SECRET));

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('the longest token lifetime', () => {
  it('refuses presented tokens that live longer than 30 days, by iat or from now', async () => {
    const t = await testTally({ now: NOW });
    const status = async (claims: Record<string, unknown>) => (await t.get('/api/events', await craft(claims))).status;
    // exp − iat: 30 days exactly is the most (2,592,000 s); one second more is refused
    expect(await status({ iat: nowS, exp: nowS + 30 * DAY })).toBe(200);
    expect(await status({ iat: nowS, exp: nowS + 30 * DAY + 1 })).toBe(401);
    // issued 29 days ago for 30 days and a second: only a day left, but it was minted too long
    expect(await status({ iat: nowS - 29 * DAY, exp: nowS - 29 * DAY + 30 * DAY + 1 })).toBe(401);
    // the probe's token: exp 10^20 seconds
    expect(await status({ iat: nowS, exp: 1e20 })).toBe(401);
    // without iat, exp from now: 30 days plus the 30 s clock skew is the most
    expect(await status({ exp: nowS + 30 * DAY + CLOCK_SKEW_SECONDS })).toBe(200);
    expect(await status({ exp: nowS + 30 * DAY + CLOCK_SKEW_SECONDS + 1 })).toBe(401);
    expect(await status({ exp: 1e20 })).toBe(401);
    // an iat set in the future does not stretch the life: 40 days from now to exp
    expect(await status({ iat: nowS + 10 * DAY, exp: nowS + 40 * DAY })).toBe(401);
    const r = await t.get('/api/events', await craft({ iat: nowS, exp: 1e20 }));
    expect(r.headers.get('www-authenticate')).toContain('Bearer');
    expect((await r.json()).detail).toContain('TALLY_TOKEN_MAX_TTL');
  });

  it('follows TALLY_TOKEN_MAX_TTL, for presented tokens and for the stream tokens the server mints', async () => {
    const t = await testTally({ now: NOW, env: { TALLY_TOKEN_MAX_TTL: '2m' } });
    const status = async (claims: Record<string, unknown>) => (await t.get('/api/events', await craft(claims))).status;
    expect(await status({ iat: nowS, exp: nowS + 120 })).toBe(200);
    expect(await status({ iat: nowS, exp: nowS + 121 })).toBe(401);
    // a stream token would live 300 s; under a 120 s maximum it lives 120 s
    const admin = await craft({ iat: nowS, exp: nowS + 60 });
    const minted = (await (await t.app.request('/api/stream/token', { method: 'POST', headers: { authorization: `Bearer ${admin}` } })).json()) as { expiresIn: number };
    expect(minted.expiresIn).toBe(120);
  });

  it('is read from the environment and checked', () => {
    const ok = { TALLY_JWT_SECRET: TEST_SECRET };
    expect(loadConfig(ok).tokenMaxTtlSeconds).toBe(30 * DAY);
    expect(loadConfig({ ...ok, TALLY_TOKEN_MAX_TTL: '8h' }).tokenMaxTtlSeconds).toBe(8 * 3600);
    for (const bad of ['forever', '0', '59s', '-1d']) expect(() => loadConfig({ ...ok, TALLY_TOKEN_MAX_TTL: bad }), bad).toThrow(ConfigError);
  });

  it('tally token refuses to mint a token longer than the maximum', async () => {
    vi.stubEnv('TALLY_JWT_SECRET', TEST_SECRET);
    const out = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await mint(['--role', 'admin', '--ttl', '36500d'])).toBe(2);
    expect(err.mock.calls.join(' ')).toContain('TALLY_TOKEN_MAX_TTL');
    expect(await mint(['--role', 'admin', '--ttl', '30d'])).toBe(0);
    vi.stubEnv('TALLY_TOKEN_MAX_TTL', '1h');
    expect(await mint(['--role', 'admin', '--ttl', '2h'])).toBe(2);
    expect(await mint(['--role', 'admin', '--ttl', '1h'])).toBe(0);
    expect(out).toHaveBeenCalledTimes(2);
  });
});
