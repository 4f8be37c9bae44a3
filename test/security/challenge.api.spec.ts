// Every 401 carries a WWW-Authenticate challenge (RFC 9110 §11.6.1), whichever check refused the
// token: also a stream token used off the stream, and a full token sent in the stream's URL.
import { beforeAll, describe, expect, it } from 'vitest';
import { mintToken } from '../../server/http/auth';
import { seedCompany, TEST_SECRET, testTally, type TestTally } from '../support/app';

describe('the 401 challenge', () => {
  let t: TestTally;
  let admin: string;
  let streamToken: string;
  beforeAll(async () => {
    t = await testTally();
    admin = await seedCompany(t);
    streamToken = await mintToken(TEST_SECRET, { sub: 'R-1', role: 'rep', ttlSeconds: 300, scope: 'stream', now: new Date('2026-11-27T10:00:00+08:00') });
  });

  const cases: [string, () => Response | Promise<Response>][] = [
    ['no token at all', () => t.app.request('/api/goals')],
    ['a stream token on GET /api/goals', () => t.get('/api/goals', streamToken)],
    ['an admin token in the query string of GET /api/stream', () => t.app.request(`/api/stream?token=${admin}`)],
    ['an expired token', async () => t.get('/api/goals', await mintToken(TEST_SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 60, now: new Date('2026-01-01T00:00:00Z') }))],
  ];

  it.each(cases)('%s: 401 with WWW-Authenticate: Bearer', async (_name, request) => {
    const r = await request();
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toBe('Bearer realm="tally"');
    expect(r.headers.get('content-type')).toContain('application/problem+json');
  });

  it('the stream token itself is good on GET /api/stream (the control)', async () => {
    const r = await t.app.request(`/api/stream?token=${streamToken}`);
    expect(r.status).toBe(200);
    await r.body?.cancel();
  });
});
