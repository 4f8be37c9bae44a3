// Compressed answers (server/http/compression.ts): JSON of 1 kB or more in the coding the client
// prefers, the same bytes once decoded; small answers and the live stream never compressed.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { MIN_COMPRESSED_BYTES } from '../../server/http/compression';
import { seedCompany, testTally } from '../support/app';

describe('compressed answers', () => {
  it('compresses JSON answers by Accept-Encoding, cached (the leaderboard) or not (the raw log)', async () => {
    const t = await testTally({ env: { TALLY_RATE_LIMIT: '0' } });
    const admin = await seedCompany(t);
    // three reps more: the leaderboard of six is over 1 kB
    for (const n of [4, 5, 6]) expect((await t.post('AddRep', { repId: `R-${n}`, name: `Rep ${n}`, teamId: 'T-2', joinedAt: '2025-01-01' }, admin)).status).toBe(201);
    for (const path of ['/api/leaderboard?period=2026-11', '/api/events']) {
      const ask = (acceptEncoding?: string) => t.app.request(path, { headers: { authorization: `Bearer ${admin}`, ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}) } });
      const plain = await ask();
      expect(plain.headers.get('content-encoding'), path).toBeNull();
      const text = await plain.text();
      expect(text.length, `${path} is big enough to compress`).toBeGreaterThanOrEqual(MIN_COMPRESSED_BYTES);
      const br = await ask('gzip, deflate, br');
      expect(br.headers.get('content-encoding'), path).toBe('br');
      expect(br.headers.get('vary'), path).toContain('Accept-Encoding');
      const brBytes = Buffer.from(await br.arrayBuffer());
      expect(brotliDecompressSync(brBytes).toString(), path).toBe(text);
      expect(brBytes.length, path).toBeLessThan(text.length);
      const gz = await ask('gzip;q=1, br;q=0.5');
      expect(gz.headers.get('content-encoding'), path).toBe('gzip');
      expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString(), path).toBe(text);
      expect((await ask('identity')).headers.get('content-encoding'), path).toBeNull();
    }
  });

  it('leaves answers under 1 kB as they are', async () => {
    const t = await testTally();
    const health = await t.app.request('/health', { headers: { 'accept-encoding': 'br, gzip' } });
    const text = await health.text();
    expect(text.length).toBeLessThan(MIN_COMPRESSED_BYTES);
    expect(health.headers.get('content-encoding')).toBeNull();
    expect(JSON.parse(text)).toMatchObject({ status: 'ok' });
    // a cached answer under 1 kB too (the small company's board, its first two reps: under 1,024 bytes)
    const admin = await seedCompany(t);
    const board = await t.app.request('/api/leaderboard?period=2026-11&limit=2', { headers: { authorization: `Bearer ${admin}`, 'accept-encoding': 'br, gzip' } });
    const boardText = await board.text();
    expect(Buffer.byteLength(boardText)).toBeLessThan(MIN_COMPRESSED_BYTES);
    expect([board.headers.get('content-encoding'), board.headers.get('etag') !== null]).toEqual([null, true]);
    expect(JSON.parse(boardText)).toMatchObject({ period: '2026-11', total: 3 });
  });

  it('never compresses the live stream: its messages arrive as written', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const r = await t.app.request('/api/stream', { headers: { authorization: `Bearer ${admin}`, 'accept-encoding': 'br, gzip' } });
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(r.headers.get('content-encoding')).toBeNull();
    const reader = r.body!.getReader();
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toMatch(/^event: ready\ndata: \{"position":6\}/);
    await reader.cancel();
  });
});
