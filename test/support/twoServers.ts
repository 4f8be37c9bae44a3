// The same app behind two real Node servers, one as the adapter alone (the chain) and one with the
// fast paths in front (fastReadsFirst), asked the same questions: for the tests that compare the
// fast paths' answers with the chain's byte for byte.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach } from 'vitest';
import { fastReadsFirst } from '../../server/http/fastRead';
import type { TestTally } from './app';

export interface Raw {
  readonly status: number;
  /** header name (as sent) → value, in the order sent */
  readonly headers: [string, string][];
  readonly body: Buffer;
  /** every header as sent, name and value, in order, but Date (the second it was sent) */
  readonly sent: string[];
}

const servers: { close(): void }[] = [];
afterEach(() => {
  for (const s of servers.splice(0)) s.close();
});

/**
 * The app behind a bare adapter and behind the fast paths, and how often the fast paths answered.
 * `fastOne` is a twin of `t` (the same events, clock and settings) when what is asked writes: each
 * server then writes to its own log, and the same requests get the same answers.
 */
export const twoServers = async (t: TestTally, fastOne: TestTally = t) => {
  let fastAnswers = 0;
  const counted = (req: Parameters<typeof t.app.readFast>[0], res: Parameters<typeof t.app.readFast>[1]) => {
    const answered = fastOne.app.readFast(req, res);
    if (answered) fastAnswers++;
    return answered;
  };
  const listen = async (fast: boolean) => {
    const server = serve({ fetch: (fast ? fastOne : t).app.fetch, port: 0, hostname: '127.0.0.1', ...(fast ? { createServer: fastReadsFirst(() => counted) } : {}) });
    servers.push(server);
    await new Promise<void>((resolve) => server.once('listening', () => resolve()));
    return (server.address() as AddressInfo).port;
  };
  const ports = { chain: await listen(false), fast: await listen(true) };
  const ask = (which: 'chain' | 'fast', path: string, headers: Record<string, string>, send?: { method: string; body: string | Buffer }) =>
    new Promise<Raw>((resolve, reject) => {
      const req = httpRequest({ host: '127.0.0.1', port: ports[which], path, headers, agent: false, method: send?.method }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const raw = res.rawHeaders;
          const pairs: [string, string][] = [];
          const sent: string[] = [];
          for (let i = 0; i < raw.length; i += 2) {
            pairs.push([raw[i].toLowerCase(), raw[i + 1]]);
            if (raw[i].toLowerCase() !== 'date') sent.push(raw[i], raw[i + 1]);
          }
          resolve({ status: res.statusCode!, headers: pairs, body: Buffer.concat(chunks), sent });
        });
      });
      req.on('error', reject);
      req.end(send?.body);
    });
  return { ask, fastAnswers: () => fastAnswers, ports };
};

/** Headers as a sorted list without Date (the second it was sent). */
export const comparable = (r: Raw) => ({ status: r.status, headers: r.headers.filter(([n]) => n !== 'date').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)), body: r.body.toString('base64') });

/** Everything as sent but Date: status, each header's name as written and its value in their order, body. */
export const asSent = (r: Raw) => ({ status: r.status, sent: r.sent, body: r.body.toString('base64') });
