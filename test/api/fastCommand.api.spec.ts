// The single-command fast path (server/http/fastCommand.ts) answers exactly as the middleware chain
// does. Two twin apps (the same events, clock and settings), one behind the Node adapter alone and
// one with the fast paths in front, are sent the same commands in the same order with the same
// X-Request-Id: every answer is the same bytes (status, each header's name, value and place but
// Date, body) — accepted, replayed, refused by the engine in either language, a body refused
// before the engine (not JSON, not UTF-8, too deep, no object), coded when large — and so are the
// access lines and the latency metric. Whatever the chain refuses before it spends the caller's
// budget (no or a bad token, a viewer, an Origin, a media type, a key, a body too large, a query)
// goes to the chain; the rate limit still holds.
import { connect } from 'node:net';
import { describe, expect, it, vi } from 'vitest';
import { createLogger } from '../../server/ops/logger';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { asSent, twoServers } from '../support/twoServers';

const NOW = '2026-11-27T10:00:00+08:00';

/** A twin app that keeps its access lines. */
const twin = async (env: Record<string, string> = {}) => {
  const lines: Record<string, unknown>[] = [];
  const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '100000', ...env }, log: createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) }) });
  await seedCompany(t, true);
  return { t, lines };
};

const sale = (orderId: string, lines = 1, repId = 'R-1') => ({
  type: 'RecordSale',
  data: { orderId, customerId: 'C-1', repId, lines: Array.from({ length: lines }, (_, i) => ({ product: `P-${i}`, units: 1, amount: 100_000 + i })), occurredAt: '2026-11-10T10:00:00+08:00' },
});

/** The counts of the latency histogram for POST /api/commands, by status. */
const latencyCounts = async (t: TestTally) =>
  Object.fromEntries(
    (await t.deps.metrics.http.get()).values.filter((v) => v.metricName?.endsWith('_count') && v.labels.route === '/api/commands' && v.labels.method === 'POST').map((v) => [String(v.labels.status), v.value]),
  );

describe('the single-command fast path', () => {
  it('answers every command byte for byte as the chain does, and logs and times it as the chain does', async () => {
    const chain = await twin();
    const fast = await twin();
    const { ask, fastAnswers } = await twoServers(chain.t, fast.t);
    const admin = await chain.t.token('admin');
    const manager = await chain.t.token('manager', 'M-1', 'T-1');
    const json = { 'content-type': 'application/json' };
    const cases: { what: string; token: string; headers?: Record<string, string>; body: string | Buffer; status: number }[] = [
      { what: 'a sale', token: admin, body: JSON.stringify(sale('O-1')), status: 201 },
      { what: 'a sale with a key, a correlation id and Chinese', token: admin, headers: { 'idempotency-key': 'k-1', 'x-correlation-id': 'c-1', 'accept-language': 'zh-CN' }, body: JSON.stringify(sale('O-2')), status: 201 },
      { what: 'the same key again', token: admin, headers: { 'idempotency-key': 'k-1' }, body: JSON.stringify(sale('O-2')), status: 201 },
      { what: 'a large answer, gzip', token: admin, headers: { 'accept-encoding': 'gzip' }, body: JSON.stringify(sale('O-3', 20)), status: 201 },
      { what: 'a large answer, brotli', token: admin, headers: { 'accept-encoding': 'gzip, deflate, br' }, body: JSON.stringify(sale('O-4', 20)), status: 201 },
      { what: 'a small answer, a coding accepted', token: admin, headers: { 'accept-encoding': 'gzip, br' }, body: JSON.stringify(sale('O-5')), status: 201 },
      { what: 'a JSON-based media type', token: admin, headers: { 'content-type': 'application/merge-patch+json; charset=utf-8' }, body: JSON.stringify(sale('O-6')), status: 201 },
      { what: 'a manager in scope', token: manager, body: JSON.stringify(sale('O-7', 1, 'R-2')), status: 201 },
      { what: "a manager's foreign rep", token: manager, headers: { 'accept-language': 'zh-CN, en;q=0.5' }, body: JSON.stringify(sale('O-8', 1, 'R-3')), status: 403 },
      { what: 'an order recorded twice', token: admin, headers: { 'accept-language': 'zh' }, body: JSON.stringify(sale('O-1')), status: 409 },
      { what: 'an unknown rep', token: admin, body: JSON.stringify(sale('O-9', 1, 'R-404')), status: 404 },
      { what: 'invalid data', token: admin, body: JSON.stringify({ type: 'RecordSale', data: { orderId: 'O-10' } }), status: 400 },
      { what: 'a large problem, gzip', token: admin, headers: { 'accept-encoding': 'gzip' }, body: JSON.stringify({ type: 'RecordSale', data: { ...sale('O-11').data, lines: Array.from({ length: 30 }, () => ({ product: '', units: -1, amount: 'x' })) } }), status: 400 },
      { what: 'an unknown command', token: admin, body: JSON.stringify({ type: 'Nope', data: {} }), status: 400 },
      { what: 'malformed JSON', token: admin, body: '{"type": "RecordSale", ', status: 400 },
      { what: 'a list', token: admin, body: '[1, 2]', status: 400 },
      { what: 'not UTF-8', token: admin, body: Buffer.from([0x7b, 0x22, 0xff, 0x22, 0x7d]), status: 400 },
      { what: 'too deep', token: admin, body: `${'['.repeat(70)}${']'.repeat(70)}`, status: 400 },
      { what: 'half a surrogate pair', token: admin, body: '{"type": "\\ud800", "data": {}}', status: 400 },
      { what: 'an empty body', token: admin, body: '', status: 400 },
    ];
    let id = 0;
    for (const c of cases) {
      // a key of its own, so both twins' events are the same (a command's id is its key, else random)
      const headers = { ...json, authorization: `Bearer ${c.token}`, 'x-request-id': `req-${id}`, 'idempotency-key': `key-${id++}`, ...c.headers };
      const send = { method: 'POST', body: c.body };
      const before = fastAnswers();
      const byChain = await ask('chain', '/api/commands', headers, send);
      const byFast = await ask('fast', '/api/commands', headers, send);
      expect(byChain.status, c.what).toBe(c.status);
      expect(fastAnswers(), `${c.what}: answered by the fast path`).toBe(before + 1);
      expect(asSent(byFast), c.what).toEqual(asSent(byChain));
      const [chainLine, fastLine] = [chain.lines.at(-1)!, fast.lines.at(-1)!];
      const without = (l: Record<string, unknown>) => Object.entries(l).filter(([k]) => k !== 'time' && k !== 'ms');
      expect(without(fastLine), c.what).toEqual(without(chainLine));
    }
    const coded = (await ask('fast', '/api/commands', { ...json, authorization: `Bearer ${admin}`, 'accept-encoding': 'br' }, { method: 'POST', body: JSON.stringify(sale('O-12', 20)) })).headers;
    expect(coded.find(([n]) => n === 'content-encoding')?.[1]).toBe('br');
    // without an X-Request-Id both make one, and the problem names the one in the header
    const unnamed = await ask('fast', '/api/commands', { ...json, authorization: `Bearer ${admin}` }, { method: 'POST', body: '[]' });
    const given = unnamed.headers.find(([n]) => n === 'x-request-id')?.[1];
    expect(given).toMatch(/^[0-9a-f-]{36}$/);
    expect((JSON.parse(unnamed.body.toString()) as { requestId: string }).requestId).toBe(given);
    expect(fastAnswers()).toBe(cases.length + 2);
    // the fast twin's histogram has the chain's counts, and one more 201 and 400 for the last two
    const counts = await latencyCounts(chain.t);
    expect(await latencyCounts(fast.t)).toEqual({ ...counts, 201: counts[201] + 1, 400: counts[400] + 1 });
    // and its log holds the same events
    expect(fast.t.deps.projections.position).toBe(chain.t.deps.projections.position + 1);
  });

  it('leaves to the chain what it refuses before spending the budget, and anything unusual', async () => {
    const chain = await twin({ TALLY_BODY_LIMIT: '2000' });
    const fast = await twin({ TALLY_BODY_LIMIT: '2000' });
    const { ask, fastAnswers } = await twoServers(chain.t, fast.t);
    const admin = await chain.t.token('admin');
    const minted = await chain.t.app.request('/api/stream/token', { method: 'POST', headers: { authorization: `Bearer ${admin}` } });
    const { token: stream } = (await minted.json()) as { token: string };
    const viewer = await chain.t.token('viewer');
    // verified once by the chain, so the fast path knows them
    await chain.t.get('/api/goals', viewer);
    const body = JSON.stringify(sale('O-1'));
    const cases: { what: string; path?: string; headers: Record<string, string>; body?: string; status: number }[] = [
      { what: 'no token', headers: {}, status: 401 },
      { what: 'a token nobody signed', headers: { authorization: 'Bearer not-a-token' }, status: 401 },
      { what: 'a stream token', headers: { authorization: `Bearer ${stream}` }, status: 401 },
      { what: 'a viewer', headers: { authorization: `Bearer ${viewer}` }, status: 403 },
      { what: 'text', headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/plain' }, status: 415 },
      { what: 'a bad key', headers: { authorization: `Bearer ${admin}`, 'idempotency-key': 'a b' }, status: 400 },
      { what: 'another JSON-less media type', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/xml' }, status: 415 },
      { what: 'a body too large', headers: { authorization: `Bearer ${admin}` }, body: JSON.stringify(sale('O-2', 80)), status: 413 },
      { what: 'a query', path: '/api/commands?lang=zh-CN', headers: { authorization: `Bearer ${admin}` }, body: '[]', status: 400 },
      { what: 'two tokens', headers: { authorization: [`Bearer ${admin}`, `Bearer ${admin}`] as unknown as string }, status: 401 },
      { what: 'a cross-origin call', headers: { authorization: `Bearer ${admin}`, origin: 'http://portal.test' }, status: 201 },
      { what: 'a chunked body', headers: { authorization: `Bearer ${admin}`, 'transfer-encoding': 'chunked' }, body: JSON.stringify(sale('O-3')), status: 201 },
    ];
    let id = 0;
    for (const c of cases) {
      const headers = { 'content-type': 'application/json', 'x-request-id': `req-${id}`, 'idempotency-key': `key-${id++}`, ...c.headers };
      const send = { method: 'POST', body: c.body ?? body };
      const byChain = await ask('chain', c.path ?? '/api/commands', headers, send);
      const byFast = await ask('fast', c.path ?? '/api/commands', headers, send);
      expect(byChain.status, c.what).toBe(c.status);
      expect(asSent(byFast), c.what).toEqual(asSent(byChain));
    }
    expect(fastAnswers()).toBe(0);
  });

  it('still counts a caller against its rate limit, and leaves the 429 to the chain', async () => {
    // seeded by an app without a limit; the limited one reads the same store
    const { t: seeded } = await twin();
    const t = await testTally({ now: NOW, store: seeded.deps.store, env: { TALLY_RATE_LIMIT: '5' } });
    const { ask, fastAnswers } = await twoServers(t);
    const admin = await t.token('admin');
    await t.get('/api/goals', admin); // verified once (and one of the five spent)
    const start = t.deps.projections.position;
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await ask('fast', '/api/commands', { 'content-type': 'application/json', authorization: `Bearer ${admin}` }, { method: 'POST', body: JSON.stringify(sale(`O-${i}`)) })).status);
    expect(statuses).toEqual([201, 201, 201, 201, 429, 429]);
    expect(fastAnswers()).toBe(4);
    // the refused ones wrote nothing
    expect(t.deps.projections.position).toBe(start + 4);
  });

  it('refuses a token revoked after it was verified', async () => {
    const { t } = await twin();
    const { ask, fastAnswers } = await twoServers(t);
    const rep = await t.token('rep', 'R-1');
    await t.get('/api/goals', rep); // verified once
    const headers = { 'content-type': 'application/json', authorization: `Bearer ${rep}` };
    expect((await ask('fast', '/api/commands', headers, { method: 'POST', body: JSON.stringify(sale('O-1')) })).status).toBe(201);
    expect(fastAnswers()).toBe(1);
    t.setNow('2026-11-27T10:00:05+08:00');
    expect((await t.post('RevokeTokens', { subject: 'R-1', issuedBefore: '2026-11-27T10:00:05+08:00' }, await t.token('admin'))).status).toBe(201);
    expect((await ask('fast', '/api/commands', headers, { method: 'POST', body: JSON.stringify(sale('O-2')) })).status).toBe(401);
    expect(fastAnswers()).toBe(1);
  });
  it('answers a body late past its deadline with the chain\'s 408, and logs an abandoned one as the chain does', async () => {
    const chain = await twin({ TALLY_BODY_TIMEOUT: '1', TALLY_HEADERS_TIMEOUT: '1' });
    const fast = await twin({ TALLY_BODY_TIMEOUT: '1', TALLY_HEADERS_TIMEOUT: '1' });
    const { ports, fastAnswers } = await twoServers(chain.t, fast.t);
    const admin = await chain.t.token('admin');
    await chain.t.get('/api/goals', admin); // verified once
    const head = (id: string) => `POST /api/commands HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${admin}\r\nContent-Type: application/json\r\nX-Request-Id: ${id}\r\nContent-Length: 200\r\n\r\n{"type":`;
    /** What a connection that sends half a body gets back until the server closes it, but its Date. */
    const halfBody = (port: number, id: string, abandon: boolean) =>
      new Promise<string>((resolve) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(head(id)));
        let received = '';
        socket.on('data', (d) => (received += d.toString('utf8')));
        socket.on('close', () => resolve(received.replace(/\r\nDate: [^\r]*/, '')));
        if (abandon) setTimeout(() => socket.destroy(), 200);
      });
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const late = await Promise.all([halfBody(ports.chain, 'late', false), halfBody(ports.fast, 'late', false)]);
      expect(late[0]).toMatch(/^HTTP\/1\.1 408/);
      expect(late[1]).toBe(late[0]);
      expect(fastAnswers()).toBe(1);
      await new Promise((r) => setTimeout(r, 100));
      // a late body is answered, and logged as abandoned by neither when its connection closes
      expect(warned).not.toHaveBeenCalled();
      await Promise.all([halfBody(ports.chain, 'gone', true), halfBody(ports.fast, 'gone', true)]);
      await vi.waitFor(() => expect(warned).toHaveBeenCalledTimes(2), { timeout: 3_000 });
      expect(warned.mock.calls[1]).toEqual(warned.mock.calls[0]);
    } finally {
      warned.mockRestore();
    }
    const [chainLine, fastLine] = [chain.lines.at(-1)!, fast.lines.at(-1)!];
    expect(fastLine.reqId).toBe('gone');
    expect({ ...fastLine, time: 0, ms: 0 }).toEqual({ ...chainLine, time: 0, ms: 0 });
    expect(fastAnswers()).toBe(2);
    expect(fast.t.deps.projections.position).toBe(chain.t.deps.projections.position);
  });
});
