// GET /widgets/tally.js: the headers cross-origin embedding needs, and caching by content.
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { widgetRoutes, widgetScriptPath } from '../../../server/http/routes/widgets';
import type { WidgetBundle } from '../../../widgets/build';

const bundle: WidgetBundle = { code: 'export const x = 1;', etag: '"abc123"', gzipBytes: 30 };
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
});
