// The body limit on the wire, through the Node adapter (app.request sends no Content-Length, so
// only a socket exercises the header path): a body framed by Content-Length is judged by the
// header, a chunked one as it streams; both over the limit are 413, both under it go through.
import { serve } from '@hono/node-server';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../../support/app';

let t: TestTally;
let server: ReturnType<typeof serve>;
let port = 0;
let admin = '';

beforeAll(async () => {
  t = await testTally({ env: { TALLY_BODY_LIMIT: '2000' } });
  admin = await seedCompany(t);
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** POST a body, framed by Content-Length or sent in chunks; resolves with the status. */
const post = (body: string, framing: 'length' | 'chunked') =>
  new Promise<number>((resolve, reject) => {
    const headers: Record<string, string> = { authorization: `Bearer ${admin}`, 'content-type': 'application/json' };
    if (framing === 'length') headers['content-length'] = String(Buffer.byteLength(body));
    const req = request({ host: '127.0.0.1', port, path: '/api/commands', method: 'POST', headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    if (framing === 'chunked') for (let i = 0; i < body.length; i += 500) req.write(body.slice(i, i + 500));
    else req.write(body);
    req.end();
  });

const team = (name: string) => JSON.stringify({ type: 'CreateTeam', data: { teamId: `T-${Math.random().toString(36).slice(2, 8)}`, name } });

describe('the body limit over HTTP', () => {
  it('given a body under the limit, when framed by Content-Length or chunked, then the command goes through', async () => {
    expect([await post(team('A'), 'length'), await post(team('B'), 'chunked')]).toEqual([201, 201]);
  });

  it('given a body over the limit, when framed by Content-Length or chunked, then it is 413', async () => {
    const big = team('x'.repeat(3000));
    expect([await post(big, 'length'), await post(big, 'chunked')]).toEqual([413, 413]);
  });
});
