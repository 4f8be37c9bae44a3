// Response headers and CORS: strict on the API, relaxed for the widget bundle only, cross-origin
// calls only from TALLY_CORS_ORIGINS with the headers the widgets send, preflight cached.
import { describe, expect, it } from 'vitest';
import { API_CSP, pageCsp } from '../../server/http/security/headers';
import { testTally } from '../support/app';

const PORTAL = 'http://portal.test'; // the allowed origin testTally configures

describe('secure headers', () => {
  it('API answers, success and problem alike, forbid sniffing, referrers, framing, scripts and caching', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    for (const r of [await t.get('/api/events', admin), await t.get('/api/events', 'nope'), await t.get('/api/nowhere', admin)]) {
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('referrer-policy')).toBe('no-referrer');
      expect(r.headers.get('x-frame-options')).toBe('DENY');
      expect(r.headers.get('content-security-policy')).toBe(API_CSP);
      expect(r.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(r.headers.get('cache-control')).toBe('no-store');
      expect(r.headers.get('x-powered-by')).toBeNull();
    }
    const health = await t.app.request('/health');
    expect(health.headers.get('content-security-policy')).toContain("default-src 'none'");
  });

  it('lets allowed origins load the widget bundle, cross-origin, with the strict headers kept', async () => {
    const t = await testTally();
    // the bundle, and the action forms it imports from beside itself
    for (const path of ['/widgets/tally.js', '/widgets/tally-actions.js']) {
      const r = await t.app.request(path, { headers: { origin: PORTAL } });
      expect(r.status, path).toBe(200);
      expect(r.headers.get('content-type')).toContain('javascript');
      expect(r.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
      expect(r.headers.get('access-control-allow-origin')).toBe(PORTAL);
      expect(r.headers.get('x-content-type-options')).toBe('nosniff');
      expect(r.headers.get('cache-control')).not.toBe('no-store');
      const stranger = await t.app.request(path, { headers: { origin: 'http://evil.test' } });
      expect(stranger.headers.get('access-control-allow-origin')).toBeNull();
    }
  });

  it('gives HTML pages a CSP that runs scripts from named origins only, never inline without a nonce', () => {
    const csp = pageCsp({ scriptOrigins: ['http://tally.test'], connectOrigins: ['http://tally.test'], nonce: 'abc' });
    expect(csp).toContain("script-src 'self' http://tally.test 'nonce-abc'");
    expect(csp).toContain("connect-src 'self' http://tally.test");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(pageCsp()).toContain("script-src 'self';");
  });
});

describe('OpenAPI', () => {
  it('documents the refusals the limits add: 429 under /api, 413 on writes', async () => {
    const t = await testTally();
    const doc = await (await t.app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths['/api/commands'].post.responses)).toEqual(expect.arrayContaining(['401', '403', '413', '429']));
    expect(Object.keys(doc.paths['/api/events'].get.responses)).toContain('429');
    expect(Object.keys(doc.paths['/health'].get.responses)).not.toContain('429');
  });
});

describe('CORS', () => {
  it('answers a preflight from an allowed origin with the widget headers allowed, and caches it', async () => {
    const t = await testTally();
    const r = await t.app.request('/api/commands', {
      method: 'OPTIONS',
      headers: { origin: PORTAL, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, idempotency-key, content-type' },
    });
    expect(r.status).toBe(204);
    expect(r.headers.get('access-control-allow-origin')).toBe(PORTAL);
    const allowed = (r.headers.get('access-control-allow-headers') ?? '').toLowerCase().split(',');
    for (const h of ['authorization', 'idempotency-key', 'last-event-id', 'content-type']) expect(allowed).toContain(h);
    expect(Number(r.headers.get('access-control-max-age'))).toBeGreaterThanOrEqual(600);
    expect(r.headers.get('vary')).toContain('Origin');
    expect(r.headers.get('access-control-allow-credentials')).toBeNull();
  });

  it('gives no CORS grant to an origin that is not configured, in a preflight or a call', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    const pre = await t.app.request('/api/commands', { method: 'OPTIONS', headers: { origin: 'http://evil.test', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const call = await t.app.request('/api/events', { headers: { origin: 'http://evil.test', authorization: `Bearer ${admin}` } });
    expect(call.headers.get('access-control-allow-origin')).toBeNull();
    const allowed = await t.app.request('/api/events', { headers: { origin: PORTAL, authorization: `Bearer ${admin}` } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(PORTAL);
    // a 429 or a 401 must be readable by the widget too, and Retry-After with it
    expect(allowed.headers.get('access-control-expose-headers')).toContain('Retry-After');
  });

  it('sends no CORS headers to a request without Origin (no browser\'s cross-origin call), and a cached read still varies on Origin', async () => {
    const t = await testTally();
    const admin = await t.token('admin');
    const same = await t.app.request('/api/leaderboard?period=2026-11', { headers: { authorization: `Bearer ${admin}` } });
    expect(same.status).toBe(200);
    expect([...same.headers.keys()].filter((k) => k.startsWith('access-control-'))).toEqual([]);
    expect(same.headers.get('vary')).toContain('Origin');
    const cross = await t.app.request('/api/leaderboard?period=2026-11', { headers: { origin: PORTAL, authorization: `Bearer ${admin}` } });
    expect(cross.headers.get('access-control-allow-origin')).toBe(PORTAL);
    expect(cross.headers.get('etag')).toBe(same.headers.get('etag'));
  });

  it('allows no origin at all when TALLY_CORS_ORIGINS is empty', async () => {
    const t = await testTally({ env: { TALLY_CORS_ORIGINS: '' } });
    const pre = await t.app.request('/api/events', { method: 'OPTIONS', headers: { origin: PORTAL, 'access-control-request-method': 'GET' } });
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
  });
});
