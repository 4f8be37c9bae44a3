// A verified token is not verified again on every request, only its time window is: the answers
// must stay those of a full verification — expiry and not-before still bite, a changed token is
// still checked, another secret still refuses it.
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, knownToken, verifyToken } from '../../server/http/auth';

const SECRET = 'token-cache-secret-that-is-long-enough-for-hs256';
const t0 = Date.parse('2026-11-27T02:00:00Z') / 1000;
const at = (seconds: number) => new Date(seconds * 1000);
const sign = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));
const refusal = (p: Promise<unknown>) => p.then(() => 'accepted', (e: { body?: { detail?: string } }) => e.body?.detail ?? String(e));

describe('verified tokens, checked once', () => {
  it('given a token used before, when it has expired, then it is refused as expired', async () => {
    const token = await sign({ sub: 'R-1', role: 'rep', iat: t0, exp: t0 + 60 });
    expect((await verifyToken(SECRET, token, at(t0))).actor.sub).toBe('R-1');
    expect((await verifyToken(SECRET, token, at(t0 + 60 + CLOCK_SKEW_SECONDS - 1))).actor.sub).toBe('R-1');
    expect(await refusal(verifyToken(SECRET, token, at(t0 + 60 + CLOCK_SKEW_SECONDS)))).toBe('the token has expired');
  });

  it('given a token not valid before a moment, when used too early then later, then it is refused then accepted', async () => {
    const token = await sign({ sub: 'R-2', role: 'rep', iat: t0, nbf: t0 + 600, exp: t0 + 3600 });
    expect(await refusal(verifyToken(SECRET, token, at(t0)))).toMatch(/not valid/);
    expect((await verifyToken(SECRET, token, at(t0 + 600))).actor.sub).toBe('R-2');
    expect(await refusal(verifyToken(SECRET, token, at(t0)))).toMatch(/not valid/);
  });

  it('given a verified token, when one byte of it changes or another secret checks it, then it is refused', async () => {
    const token = await sign({ sub: 'R-3', role: 'rep', iat: t0, exp: t0 + 3600 });
    await verifyToken(SECRET, token, at(t0));
    const tampered = token.slice(0, -2) + (token.at(-2) === 'A' ? 'B' : 'A') + token.at(-1);
    expect(await refusal(verifyToken(SECRET, tampered, at(t0)))).toMatch(/signature/);
    expect(await refusal(verifyToken(`${SECRET}-rotated`, token, at(t0)))).toMatch(/signature/);
  });

  it('given the fast path asks without waiting, then it knows only a token verified before, within its window and lifetime', async () => {
    const token = await sign({ sub: 'R-5', role: 'rep', iat: t0, nbf: t0 + 60, exp: t0 + 3600 });
    expect(knownToken(SECRET, token, (t0 + 120) * 1000, 86_400)).toBeUndefined(); // never verified
    expect((await verifyToken(SECRET, token, at(t0 + 120))).actor.sub).toBe('R-5');
    expect(knownToken(SECRET, token, (t0 + 120) * 1000, 86_400)?.actor.sub).toBe('R-5');
    expect(knownToken('another-secret-that-is-long-enough-for-hs256', token, (t0 + 120) * 1000, 86_400)).toBeUndefined();
    expect(knownToken(SECRET, token, (t0 + 3600 + CLOCK_SKEW_SECONDS) * 1000, 86_400)).toBeUndefined(); // expired
    expect(knownToken(SECRET, token, (t0 - CLOCK_SKEW_SECONDS) * 1000, 86_400)).toBeUndefined(); // before its nbf
    expect(knownToken(SECRET, token, (t0 + 120) * 1000, 1800)).toBeUndefined(); // lives longer than this server allows
  });
});
