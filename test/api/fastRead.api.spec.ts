// The cached-read fast path (server/http/fastRead.ts) answers exactly as the middleware chain
// does: the same app behind two real Node servers, one as the adapter alone and one with the fast
// path in front, asked the same questions with the same X-Request-Id. Every answer the fast path
// gives equals the chain's byte for byte (status, every header but Date, body) for each kind of
// caller, coded or not, cross-origin or not, 304 included; its access line and latency metric are
// the chain's; and whatever the chain would refuse (a rate limit spent, an expired or stream
// token, a foreign rep, a bad parameter) goes to the chain.
import { Agent, request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../server/ops/logger';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { comparable, twoServers } from '../support/twoServers';

const NOW = '2026-11-27T10:00:00+08:00';

const seedBig = async (t: TestTally) => {
  const admin = await seedCompany(t);
  // more reps and sales: the leaderboard is over 1 kB, so it goes out coded too
  for (const n of [4, 5, 6, 7]) expect((await t.post('AddRep', { repId: `R-${n}`, name: `Rep ${n}`, teamId: n % 2 ? 'T-1' : 'T-2', joinedAt: '2025-01-01' }, admin)).status).toBe(201);
  await t.post('SetGoal', { goalId: 'G-1', title: 'November R-1', owner: 'rep:R-1', metric: 'revenue', period: '2026-11', target: 10_000_000 }, admin);
  const sale = await t.post('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 3_000_000 }], occurredAt: '2026-11-10T10:00:00+08:00' }, admin);
  expect(sale.status).toBe(201);
  return admin;
};

describe('the cached-read fast path', () => {
  it('answers each kind of caller byte for byte as the chain does: plain, gzip, brotli, 304, another language, cross-origin', async () => {
    const lines: Record<string, unknown>[] = [];
    const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '100000' }, log: createLogger('info', { write: (l: string) => void lines.push(JSON.parse(l) as Record<string, unknown>) }) });
    await seedBig(t);
    const { ask, fastAnswers } = await twoServers(t);
    const callers = {
      admin: await t.token('admin'),
      manager: await t.token('manager', 'M-1', 'T-1'),
      rep: await t.token('rep', 'R-1'),
      viewer: await t.token('viewer'),
    };
    const paths = ['/api/leaderboard?period=2026-11', '/api/leaderboard?limit=3&period=2026-11', '/api/goals/G-1', '/api/goals?period=2026-11'];
    const variants: Record<string, string>[] = [
      {},
      { 'accept-encoding': 'gzip' },
      { 'accept-encoding': 'gzip, deflate, br' },
      { 'accept-language': 'zh-CN' },
      // a widget on the intranet page (an allowed origin), and a page that may not read the answer
      { origin: 'http://portal.test', 'accept-encoding': 'br' },
      { origin: 'http://elsewhere.test' },
    ];
    let compared = 0;
    for (const [who, token] of Object.entries(callers))
      for (const path of paths)
        for (const variant of variants) {
          const headers = { authorization: `Bearer ${token}`, 'x-request-id': `req-${compared}`, ...variant };
          await ask('chain', path, headers); // made and kept (and coded) by the chain
          const chain = await ask('chain', path, headers);
          const before = fastAnswers();
          const fast = await ask('fast', path, headers);
          const where = `${who} ${path} ${JSON.stringify(variant)}`;
          expect(chain.status, where).toBe(200);
          expect(fastAnswers(), `${where} answered by the fast path`).toBe(before + 1);
          expect(comparable(fast), where).toEqual(comparable(chain));
          const header = (name: string) => fast.headers.find(([n]) => n === name)?.[1];
          if (variant['accept-encoding'] && path === paths[0]) expect(header('content-encoding'), where).toBe(variant['accept-encoding'].includes('br') ? 'br' : 'gzip');
          expect(header('access-control-allow-origin'), where).toBe(variant.origin === 'http://portal.test' ? variant.origin : undefined);
          // its access line is the chain's, but for its time and latency
          const [chainLine, fastLine] = lines.slice(-2);
          const without = (l: Record<string, unknown>) => Object.entries(l).filter(([k]) => k !== 'time' && k !== 'ms');
          expect(without(fastLine), where).toEqual(without(chainLine));
          expect(fastLine.role, where).toBe(who);
          // 304 for the tag it holds
          const etag = fast.headers.find(([n]) => n === 'etag')![1];
          const held = { ...headers, 'if-none-match': etag };
          const chain304 = await ask('chain', path, held);
          const fast304 = await ask('fast', path, held);
          expect([chain304.status, fast304.status, fastAnswers()], where).toEqual([304, 304, before + 2]);
          expect(comparable(fast304), where).toEqual(comparable(chain304));
          compared++;
        }
    expect(compared).toBe(4 * 4 * 6);
    // the viewer's board is redacted on the fast path as in the chain: no attainment
    const viewerBoard = JSON.parse((await ask('fast', paths[0], { authorization: `Bearer ${callers.viewer}` })).body.toString()) as { entries: { attainment: unknown }[] };
    expect(viewerBoard.entries.every((e) => e.attainment === null)).toBe(true);
    // and each answer counted in the latency histogram under its route, the chain's and the fast path's alike
    const counts = (await t.deps.metrics.http.get()).values.filter((v) => v.metricName?.endsWith('_count') && v.labels.route === '/api/leaderboard');
    expect(counts.find((v) => String(v.labels.status) === '200')?.value).toBe(4 * 2 * 6 * 3 + 1);
    expect(counts.find((v) => String(v.labels.status) === '304')?.value).toBe(4 * 2 * 6 * 2);
  });

  it('still counts a caller against its rate limit, and leaves the 429 to the chain', async () => {
    // seeded by an app without a limit; the limited one reads the same store
    const seeded = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    await seedBig(seeded);
    const t = await testTally({ now: NOW, store: seeded.deps.store, env: { TALLY_RATE_LIMIT: '5' } });
    const { ask, fastAnswers } = await twoServers(t);
    const headers = { authorization: `Bearer ${await t.token('rep', 'R-1')}` };
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) statuses.push((await ask('fast', '/api/leaderboard?period=2026-11', headers)).status);
    // the first made the answer (the chain), four more the fast path; then the budget of five is spent
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429, 429]);
    expect(fastAnswers()).toBe(4);
    const refused = await ask('fast', '/api/leaderboard?period=2026-11', headers);
    expect(refused.headers.find(([n]) => n === 'retry-after')?.[1]).toMatch(/^\d+$/);
    // an embed (viewer) token is counted per browser address, on the fast path too
    const viewer = { authorization: `Bearer ${await t.token('viewer')}` };
    for (let i = 0; i < 5; i++) expect((await ask('fast', '/api/leaderboard?period=2026-11', viewer)).status).toBe(200);
    expect((await ask('fast', '/api/leaderboard?period=2026-11', viewer)).status).toBe(429);
  });

  it('leaves to the chain an expired or stream token, a foreign rep and a bad parameter', async () => {
    const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    await seedBig(t);
    const { ask, fastAnswers } = await twoServers(t);
    const rep = await t.token('rep', 'R-1');
    // measured at a given moment, so the answer stays the same answer as the clock moves on
    const board = '/api/leaderboard?period=2026-11&at=2026-11-27T10%3A00%3A00%2B08%3A00';
    const asRep = { authorization: `Bearer ${rep}` };
    expect((await ask('fast', board, asRep)).status).toBe(200);
    expect((await ask('fast', board, asRep)).status).toBe(200);
    expect(fastAnswers()).toBe(1);
    // a bad shared parameter is a 400 naming it; a foreign rep's pay a 403
    expect((await ask('fast', `${board}&asOf=yesterday`, asRep)).status).toBe(400);
    expect((await ask('fast', '/api/payouts/R-2?period=2026-11', asRep)).status).toBe(403);
    // a stream token reads nothing but the stream
    const minted = await t.app.request('/api/stream/token', { method: 'POST', headers: asRep });
    const { token: stream } = (await minted.json()) as { token: string };
    expect((await ask('fast', board, { authorization: `Bearer ${stream}` })).status).toBe(401);
    // two Authorization headers are one joined value to the chain, which refuses it
    expect((await ask('fast', board, { authorization: [`Bearer ${rep}`, `Bearer ${rep}`] as unknown as string })).status).toBe(401);
    expect(fastAnswers()).toBe(1);
    // an hour later the rep's token has expired: refused, not served from memory
    t.setNow('2026-11-27T11:00:31+08:00');
    expect((await ask('fast', board, asRep)).status).toBe(401);
    expect(fastAnswers()).toBe(1);
  });

  it("reads each request's own Authorization on a connection that changes it", async () => {
    const t = await testTally({ now: NOW, env: { TALLY_RATE_LIMIT: '0' } });
    await seedBig(t);
    const { ask, fastAnswers, ports } = await twoServers(t);
    const board = '/api/leaderboard?period=2026-11&at=2026-11-27T10%3A00%3A00%2B08%3A00';
    const tokens = { r1: await t.token('rep', 'R-1'), r2: await t.token('rep', 'R-2'), admin: await t.token('admin') };
    // each answer made and kept by the chain first
    const expected: Record<string, string> = {};
    for (const [who, token] of Object.entries(tokens)) expected[who] = (await ask('chain', board, { authorization: `Bearer ${token}` })).body.toString();
    expect(new Set(Object.values(expected)).size).toBe(3);
    // one kept-alive connection for every request
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const sockets = new Set<unknown>();
    const onOne = (authorization: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port: ports.fast, path: board, headers: { authorization }, agent }, (res) => {
          sockets.add(res.socket);
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (c: string) => (body += c));
          res.on('end', () => resolve({ status: res.statusCode!, body }));
        });
        req.on('error', reject);
        req.end();
      });
    const before = fastAnswers();
    for (const who of ['r1', 'r2', 'admin', 'r1', 'admin', 'r2'] as const) expect((await onOne(`Bearer ${tokens[who]}`)).body, who).toBe(expected[who]);
    expect(fastAnswers()).toBe(before + 6);
    // a token the chain refuses, between good ones, is refused
    expect((await onOne('Bearer not-a-token')).status).toBe(401);
    expect((await onOne(`Bearer ${tokens.r2}`)).body).toBe(expected.r2);
    expect(sockets.size).toBe(1);
    agent.destroy();
  });
});
