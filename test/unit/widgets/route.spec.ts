// GET /widgets/tally.js and the action forms beside it: the headers cross-origin embedding
// needs, and caching by content.
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { widgetRoutes, widgetScriptPath } from '../../../server/http/routes/widgets';
import type { WidgetBundle } from '../../../widgets/build';

const actions = { code: 'export const forms = 2;', etag: '"def456"', gzipBytes: 31 };
const bundle: WidgetBundle = { code: 'export const x = 1;', etag: '"abc123"', gzipBytes: 30, actions };
const app = new Hono().route('/widgets', widgetRoutes({ corsOrigins: ['http://portal.test'], bundle: async () => bundle }));

describe('GET /widgets/tally.js', () => {
  it('serves the module with CORS for an allowed origin and a cross-origin resource policy', async () => {
    const res = await app.request('/widgets/tally.js', { headers: { origin: 'http://portal.test' } });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe(bundle.code);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://portal.test');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('etag')).toBe('"abc123"');
  });

  it('gives no CORS grant to an origin that is not allowed', async () => {
    const res = await app.request('/widgets/tally.js', { headers: { origin: 'http://evil.test' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('caches the versioned URL for a year and revalidates the bare one by ETag', async () => {
    const versioned = await app.request(widgetScriptPath(bundle));
    expect(versioned.headers.get('cache-control')).toContain('immutable');
    const bare = await app.request('/widgets/tally.js');
    expect(bare.headers.get('cache-control')).not.toContain('immutable');
    const again = await app.request('/widgets/tally.js', { headers: { 'if-none-match': '"abc123"' } });
    expect(again.status).toBe(304);
    expect(await again.text()).toBe('');
  });

  it('sends the bundle compressed once in the coding the browser prefers, each coding its own ETag', async () => {
    let builds = 0;
    const code = `export const words = ${JSON.stringify('tally '.repeat(2_000))};`;
    const once = new Hono().route('/widgets', widgetRoutes({ corsOrigins: [], bundle: async () => (builds++, { code, etag: '"v1"', gzipBytes: 0, actions }) }));
    const ask = (acceptEncoding?: string, ifNoneMatch?: string) =>
      once.request('/widgets/tally.js', { headers: { ...(acceptEncoding ? { 'accept-encoding': acceptEncoding } : {}), ...(ifNoneMatch ? { 'if-none-match': ifNoneMatch } : {}) } });
    const br = await ask('gzip, deflate, br');
    expect([br.headers.get('content-encoding'), br.headers.get('etag')]).toEqual(['br', '"v1-br"']);
    expect(br.headers.get('vary')).toContain('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brotliDecompressSync(brBytes).toString()).toBe(code);
    // 12,000 bytes of one repeated word compress to a small fraction
    expect(brBytes.length).toBeLessThan(code.length / 10);
    const gz = await ask('gzip');
    expect([gz.headers.get('content-encoding'), gz.headers.get('etag')]).toEqual(['gzip', '"v1-gzip"']);
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(code);
    // br refused with q=0: gzip
    expect((await ask('br;q=0, gzip')).headers.get('content-encoding')).toBe('gzip');
    const plain = await ask();
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(code);
    // any coding's tag is a tag of this bundle
    expect((await ask('gzip', '"v1-br"')).status).toBe(304);
    expect((await ask('gzip', '"v0-br"')).status).toBe(200);
    expect(builds).toBe(1);
  });

  it('serves the action forms beside the bundle the same way: CORS, a year by content version, compressed, revalidated by ETag', async () => {
    const res = await app.request('/widgets/tally-actions.js?v=def456', { headers: { origin: 'http://portal.test', 'accept-encoding': 'gzip' } });
    expect(res.status).toBe(200);
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString()).toBe(actions.code);
    expect(res.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(res.headers.get('access-control-allow-origin')).toBe('http://portal.test');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    expect(res.headers.get('cache-control')).toContain('immutable');
    expect(res.headers.get('etag')).toBe('"def456-gzip"');
    // the bundle's tag is not the forms' tag
    expect((await app.request('/widgets/tally-actions.js', { headers: { 'if-none-match': '"abc123"' } })).status).toBe(200);
    expect((await app.request('/widgets/tally-actions.js', { headers: { 'if-none-match': '"def456"' } })).status).toBe(304);
  });
});
