// A stream lives no longer than its token: it ends at the token's exp plus the 30 s clock skew a
// request is allowed, with a last `expired` event saying why, and sends nothing after it. Before,
// a stream opened with a 5-minute token kept sending for as long as the client stayed.
import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, mintToken } from '../../server/http/auth';
import { seedCompany, TEST_SECRET, testTally } from '../support/app';

const NOW = '2026-11-27T10:00:00+08:00';
const nowMs = Date.parse(NOW);

/** Everything a stream has sent so far, and whether it has ended, read as it arrives. */
const follow = (body: ReadableStream<Uint8Array>) => {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const seen = { text: '', ended: false };
  const pump = (async () => {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return void (seen.ended = true);
      seen.text += decoder.decode(value, { stream: true });
    }
  })();
  /** Resolves once the stream has sent `pattern` (or ended, when waiting for the end). */
  const until = async (what: RegExp | 'end', ms = 5_000) => {
    const deadline = Date.now() + ms;
    while (!(what === 'end' ? seen.ended : what.test(seen.text))) {
      if (Date.now() > deadline) throw new Error(`the stream did not ${what === 'end' ? 'end' : `send ${what}`} in ${ms} ms; it sent:\n${seen.text}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { seen, until, cancel: () => reader.cancel().then(() => pump) };
};

describe('a stream and its token', () => {
  it('ends by itself when the token runs out, even when nothing is appended', async () => {
    const t = await testTally({ now: NOW });
    // issued 89 s ago for 60 s: expired 29 s ago, still accepted within the 30 s skew, so the
    // stream may run for one more second of the server's clock
    const token = await mintToken(TEST_SECRET, { sub: 'R-1', role: 'rep', ttlSeconds: 60, now: new Date(nowMs - 89_000) });
    const r = await t.app.request('/api/stream', { headers: { authorization: `Bearer ${token}` } });
    expect(r.status).toBe(200);
    const stream = follow(r.body!);
    await stream.until(/event: ready/);
    t.setNow(new Date(nowMs + 2_000).toISOString());
    await stream.until('end');
    expect(stream.seen.text).toMatch(/event: expired\ndata: \{"reason":"the token has expired/);
  });

  it('delivers batches until exp plus the skew, then says expired and sends nothing more', async () => {
    const t = await testTally({ now: NOW });
    const admin = await seedCompany(t); // positions 1–6
    const rep = await t.token('rep', 'R-1'); // exp = now + 3,600 s
    const exp = nowMs + 3_600_000;
    const r = await t.app.request('/api/stream', { headers: { authorization: `Bearer ${rep}` } });
    const stream = follow(r.body!);
    await stream.until(/event: ready/);
    // 29 s after exp: within the skew, the stream still carries the next batch (position 7)
    t.setNow(new Date(exp + (CLOCK_SKEW_SECONDS - 1) * 1000).toISOString());
    expect((await t.post('CreateTeam', { teamId: 'T-3', name: 'West', managerId: 'M-3' }, admin)).status).toBe(201);
    await stream.until(/^id: 7$/m);
    // 31 s after exp: the next batch (position 8) wakes the stream, which closes instead
    t.setNow(new Date(exp + (CLOCK_SKEW_SECONDS + 1) * 1000).toISOString());
    expect((await t.post('CreateTeam', { teamId: 'T-4', name: 'South', managerId: 'M-4' }, await t.token('admin'))).status).toBe(201);
    await stream.until('end');
    expect(stream.seen.text).toContain('event: expired');
    expect(stream.seen.text).not.toMatch(/^id: 8$/m);
    // and the token opens no new one
    expect((await t.app.request('/api/stream', { headers: { authorization: `Bearer ${rep}` } })).status).toBe(401);
  });
});
