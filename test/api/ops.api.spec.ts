// Operations: the JSON access log (request id, method, path without query secrets, status,
// latency, the caller), the request id in answers and problems, /livez, /readyz and /metrics.
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../server/config';
import { createLogger } from '../../server/ops/logger';
import { loggedPath, requestIdOf } from '../../server/ops/accessLog';
import { MemoryStore } from '../../server/store/memory';
import { SqliteStore } from '../../server/store/sqlite';
import { seedCompany, TEST_SECRET, testTally } from '../support/app';

const SCRAPE_TOKEN = 'scrape-token-for-prometheus-0123456789';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

/** A logger whose lines are kept, parsed, for the test to read. */
const capture = (level: 'info' | 'warn' = 'info') => {
  const lines: Record<string, unknown>[] = [];
  const log = createLogger(level, { write: (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { lines, log };
};

/** The value of one sample in a Prometheus text exposition (labels given as they are printed), or undefined. */
const sample = (text: string, name: string, labels = ''): number | undefined => {
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels ? `{${labels}}` : ''} `));
  return line === undefined ? undefined : Number(line.slice(line.lastIndexOf(' ') + 1));
};

describe('the access log', () => {
  it('writes one line per request with its id, method, path, status, latency and the caller; the id is echoed in the answer', async () => {
    const { lines, log } = capture();
    const t = await testTally({ log });
    const admin = await seedCompany(t);
    const r = await t.get('/api/leaderboard?period=2026-11', admin);
    expect(r.status).toBe(200);
    const id = r.headers.get('x-request-id')!;
    expect(id).toMatch(UUID);
    const line = lines.find((l) => l.reqId === id)!;
    expect(line).toMatchObject({ level: 'info', msg: 'request', method: 'GET', path: '/api/leaderboard?period=2026-11', status: 200, role: 'admin', sub: 'admin' });
    expect(typeof line.ms).toBe('number');
    expect(line.ms as number).toBeGreaterThanOrEqual(0);
    expect(typeof line.time).toBe('number'); // epoch milliseconds
    // seedCompany sent six commands: six lines before this one, each with its own id
    expect(lines.filter((l) => l.msg === 'request')).toHaveLength(7);
    expect(new Set(lines.map((l) => l.reqId)).size).toBe(7);
  });

  it('redacts tokens in the query string, whatever their case or encoding, and keeps the other parameters', async () => {
    const { lines, log } = capture();
    const t = await testTally({ log });
    const r = await t.app.request('/api/stream?token=eyJ.secret.sig&lastEventId=3');
    expect(r.status).toBe(401);
    expect(lines.at(-1)).toMatchObject({ path: '/api/stream?token=[redacted]&lastEventId=3', status: 401 });
    expect(JSON.stringify(lines)).not.toContain('secret');
    expect(loggedPath('http://h/api/x?a=1&TOKEN=abc&t%6Fken=def&embed=ghi&access_token=jkl&b')).toBe('/api/x?a=1&TOKEN=[redacted]&t%6Fken=[redacted]&embed=[redacted]&access_token=[redacted]&b');
    expect(loggedPath('http://h/health')).toBe('/health');
  });

  it('keeps a sane incoming X-Request-Id and replaces anything else with a new one', async () => {
    const { lines, log } = capture();
    const t = await testTally({ log });
    const r = await t.app.request('/health', { headers: { 'x-request-id': 'portal-7f3a:42' } });
    expect(r.headers.get('x-request-id')).toBe('portal-7f3a:42');
    expect(lines.at(-1)).toMatchObject({ reqId: 'portal-7f3a:42', path: '/health', status: 200 });
    expect(lines.at(-1)).not.toHaveProperty('role'); // nobody signed in
    for (const bad of ['has space', 'x'.repeat(129), 'line\nbreak', '<script>', ''])
      expect(requestIdOf(bad), JSON.stringify(bad)).toMatch(UUID);
    expect(requestIdOf('x'.repeat(128))).toBe('x'.repeat(128));
  });

  it('puts the request id in every problem, and logs an unexpected error with it', async () => {
    const { lines, log } = capture();
    class BrokenHead extends MemoryStore {
      override async head(): Promise<never> {
        throw new TypeError('disk says no');
      }
    }
    const t = await testTally({ log, store: new BrokenHead() });
    const admin = await t.token('admin');
    const refused = await t.app.request('/api/goals', { headers: { 'x-request-id': 'req-401' } });
    expect(refused.status).toBe(401);
    expect(await refused.json()).toMatchObject({ status: 401, requestId: 'req-401' });
    const failed = await t.app.request('/api/events', { headers: { authorization: `Bearer ${admin}`, 'x-request-id': 'req-500' } });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ status: 500, requestId: 'req-500' });
    const error = lines.find((l) => l.level === 'error')!;
    expect(error).toMatchObject({ reqId: 'req-500', msg: 'unexpected error', err: { type: 'TypeError', message: 'disk says no' } });
    expect(lines.at(-1)).toMatchObject({ reqId: 'req-500', status: 500 });
  });

  it('LOG_LEVEL sets the least severe line written: at warn no request is logged; an unknown level is refused', async () => {
    const { lines, log } = capture('warn');
    const t = await testTally({ log, env: { LOG_LEVEL: 'warn' } });
    expect((await t.app.request('/health')).status).toBe(200);
    expect(lines).toEqual([]);
    expect(t.deps.config.logLevel).toBe('warn');
    expect(() => loadConfig({ TALLY_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'verbose' })).toThrow(ConfigError);
    expect(() => loadConfig({ TALLY_JWT_SECRET: TEST_SECRET, LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL=verbose: expected one of fatal, error, warn, info, debug, trace, silent/);
    expect(loadConfig({ TALLY_JWT_SECRET: TEST_SECRET }).logLevel).toBe('info');
  });
});

describe('health endpoints', () => {
  it('/livez is up; /readyz is ready while the store answers, and 503 with the reason when it does not or the server is stopping', async () => {
    let broken = false;
    class FlakyHead extends MemoryStore {
      override async head() {
        if (broken) throw new Error('connection refused');
        return super.head();
      }
    }
    const t = await testTally({ store: new FlakyHead() });
    await seedCompany(t);
    expect(await (await t.app.request('/livez')).json()).toEqual({ status: 'live' });
    const ready = await t.app.request('/readyz');
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', store: 'memory', position: 6, head: 6 });
    broken = true;
    const storeDown = await t.app.request('/readyz');
    expect(storeDown.status).toBe(503);
    expect(await storeDown.json()).toMatchObject({ status: 503, reason: 'the event store does not answer: connection refused' });
    broken = false;
    await t.deps.lifecycle.drain();
    const stopping = await t.app.request('/readyz');
    expect(stopping.status).toBe(503);
    expect(await stopping.json()).toMatchObject({ reason: 'shutting down: new requests go elsewhere' });
    expect((await t.app.request('/livez')).status).toBe(200);
    expect((await t.app.request('/health')).status).toBe(200); // /health answers as it did
  });
});

describe('/metrics', () => {
  it('is for an admin token or the scrape token only', async () => {
    const t = await testTally({ env: { TALLY_METRICS_TOKEN: SCRAPE_TOKEN } });
    const as = (token?: string) => t.app.request('/metrics', token ? { headers: { authorization: `Bearer ${token}` } } : {});
    expect((await as()).status).toBe(401);
    expect((await as('not-a-token')).status).toBe(401);
    expect((await as(await t.token('rep'))).status).toBe(403);
    expect((await as(await t.token('manager', 'M-1', 'T-1'))).status).toBe(403);
    const byAdmin = await as(await t.token('admin'));
    expect(byAdmin.status).toBe(200);
    expect(byAdmin.headers.get('content-type')).toContain('text/plain; version=0.0.4');
    expect((await as(SCRAPE_TOKEN)).status).toBe(200);
    // the scrape token opens /metrics and nothing else
    expect((await t.get('/api/goals', SCRAPE_TOKEN)).status).toBe(401);
    expect(() => loadConfig({ TALLY_JWT_SECRET: TEST_SECRET, TALLY_METRICS_TOKEN: 'short' })).toThrow(/TALLY_METRICS_TOKEN: give at least 32/);
  });

  it('counts HTTP latency by route pattern, appends and commits, the fold lag, events, open streams and asOf answers', async () => {
    const store = new SqliteStore(':memory:');
    const t = await testTally({ store, env: { TALLY_METRICS_TOKEN: SCRAPE_TOKEN } });
    const admin = await seedCompany(t); // six commands, one event each: positions 1–6
    for (const id of ['G-404', 'G-405']) expect((await t.get(`/api/goals/${id}`, admin)).status).toBe(404);
    expect((await t.get('/api/no-such-thing', admin)).status).toBe(404);
    // an asOf before the live position is assembled once: one observation of its cost
    expect((await t.get(`/api/leaderboard?period=2026-11&asOf=${encodeURIComponent('2026-11-27T01:00:00Z')}`, admin)).status).toBe(200);
    const stream = await t.app.request('/api/stream', { headers: { authorization: `Bearer ${admin}` } });
    const reader = stream.body!.getReader();
    await reader.read(); // the `ready` event: the stream is open
    const scrape = async () => (await t.app.request('/metrics', { headers: { authorization: `Bearer ${SCRAPE_TOKEN}` } })).text();
    const text = await scrape();
    // two goal ids, one route pattern: both 404s in one series
    expect(sample(text, 'tally_http_request_duration_seconds_count', 'method="GET",route="/api/goals/:goalId",status="404"')).toBe(2);
    expect(sample(text, 'tally_http_request_duration_seconds_count', 'method="POST",route="/api/commands",status="201"')).toBe(6);
    expect(text).not.toContain('G-404');
    expect(text).not.toContain('no-such-thing');
    expect(sample(text, 'tally_append_duration_seconds_count')).toBe(6);
    // each command was appended alone (one awaited after the other): six transactions
    expect(sample(text, 'tally_commit_duration_seconds_count')).toBe(6);
    expect(sample(text, 'tally_events_appended_total')).toBe(6);
    expect(sample(text, 'tally_log_head_position')).toBe(6);
    expect(sample(text, 'tally_fold_position')).toBe(6);
    expect(sample(text, 'tally_fold_lag_events')).toBe(0);
    expect(sample(text, 'tally_sse_connections')).toBe(1);
    expect(sample(text, 'tally_asof_duration_seconds_count')).toBe(1);
    expect(text).toContain('process_cpu_user_seconds_total');
    await reader.cancel();
    await t.close();
  });
});

describe('a stopping server', () => {
  it('ends each open stream with a last `shutdown` event naming the position it reached', async () => {
    const t = await testTally();
    const admin = await seedCompany(t);
    const r = await t.app.request('/api/stream', { headers: { authorization: `Bearer ${admin}` } });
    const reader = r.body!.getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    expect(text).toContain('event: ready');
    expect(t.deps.lifecycle.openStreams).toBe(1);
    const drained = t.deps.lifecycle.drain();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
    await drained;
    expect(text).toMatch(/event: shutdown\ndata: \{"position":6,"reason":"the server is shutting down; reconnect with Last-Event-ID"\}\n\n$/);
    expect(t.deps.lifecycle.openStreams).toBe(0);
  });
});
