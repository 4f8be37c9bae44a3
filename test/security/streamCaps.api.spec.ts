// A stream token minted with POST /api/stream/token spends the caps of the token that minted it:
// its open streams count against that token's TALLY_SSE_PER_TOKEN, and its requests against the
// same subject's rate budget. Minting 20 stream tokens no longer opens 20 × 5 streams.
import { describe, expect, it } from 'vitest';
import { testTally, type TestTally } from '../support/app';

const from = (address: string) => ({ incoming: { socket: { remoteAddress: address, remotePort: 40000, remoteFamily: 'IPv4' } } });

const mintStream = async (t: TestTally, token: string, address = '10.0.0.1') => {
  const r = await t.app.request('/api/stream/token', { method: 'POST', headers: { authorization: `Bearer ${token}` } }, from(address));
  expect(r.status).toBe(200);
  return ((await r.json()) as { token: string }).token;
};

/** Opens a stream and keeps it open; the response's body is cancelled by the caller to close it. */
const open = (t: TestTally, url: string, headers: Record<string, string> = {}, address = '10.0.0.1') => Promise.resolve(t.app.request(url, { headers }, from(address)));

describe('tokens minted for a stream', () => {
  it('count against the minting token’s stream cap: 20 minted open 5 streams, not 100', async () => {
    const t = await testTally(); // TALLY_SSE_PER_TOKEN defaults to 5
    const rep = await t.token('rep', 'R-1');
    const minted = await Promise.all(Array.from({ length: 20 }, () => mintStream(t, rep)));
    expect(new Set(minted).size).toBe(20);
    const answers = [];
    for (const token of minted) answers.push(await open(t, `/api/stream?token=${token}`));
    expect(answers.map((r) => r.status)).toEqual([...Array(5).fill(200), ...Array(15).fill(429)]);
    // the minting token's own streams share the same five
    expect((await open(t, '/api/stream', { authorization: `Bearer ${rep}` })).status).toBe(429);
    // closing one frees one place, for a minted token or the minting one
    await answers[0].body!.cancel();
    expect((await open(t, '/api/stream', { authorization: `Bearer ${rep}` })).status).toBe(200);
    expect((await open(t, `/api/stream?token=${minted[19]}`)).status).toBe(429);
    // another token of another subject has its own five
    const other = await mintStream(t, await t.token('rep', 'R-2'));
    expect((await open(t, `/api/stream?token=${other}`)).status).toBe(200);
  });

  it('count per browser address for a shared viewer token, as the viewer’s own streams do', async () => {
    const t = await testTally({ env: { TALLY_SSE_PER_TOKEN: '2' } });
    const viewer = await t.token('viewer');
    const a = [await mintStream(t, viewer, '10.0.0.1'), await mintStream(t, viewer, '10.0.0.1'), await mintStream(t, viewer, '10.0.0.1')];
    expect((await open(t, `/api/stream?token=${a[0]}`, {}, '10.0.0.1')).status).toBe(200);
    expect((await open(t, '/api/stream', { authorization: `Bearer ${viewer}` }, '10.0.0.1')).status).toBe(200);
    expect((await open(t, `/api/stream?token=${a[1]}`, {}, '10.0.0.1')).status).toBe(429);
    // the same embed token from another desk: its own two
    expect((await open(t, `/api/stream?token=${a[2]}`, {}, '10.0.0.2')).status).toBe(200);
  });

  it('spend the minting subject’s rate budget', async () => {
    // 4 requests a minute: two mints, then the two streams they opened; the fifth request,
    // whether from the minting token or a minted one, is 429 with Retry-After
    const t = await testTally({ env: { TALLY_RATE_LIMIT: '4' } });
    const rep = await t.token('rep', 'R-1');
    const [s1, s2] = [await mintStream(t, rep), await mintStream(t, rep)];
    expect((await open(t, `/api/stream?token=${s1}`)).status).toBe(200);
    expect((await open(t, `/api/stream?token=${s2}`)).status).toBe(200);
    const over = await open(t, `/api/stream?token=${s1}`);
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await t.get('/api/goals', rep)).status).toBe(429);
  });
});
