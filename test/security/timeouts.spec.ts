// A slow client may not hold a connection: headers within TALLY_HEADERS_TIMEOUT (default 10 s),
// a body within TALLY_BODY_TIMEOUT (default 30 s, a 408 problem), while a stream, whose request is
// complete once its headers are in, runs on. A body the client abandons is one log line. Before,
// a slow body held a connection for about 300 s, and an abandoned one was logged with a stack as
// an unexpected error. Here the limits are 1 s and 2 s, on the server `tally serve` starts.
import { connect, type Socket } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { start, type RunningServer } from '../../server/cli/serve';
import { mintToken } from '../../server/http/auth';

const SECRET = 's'.repeat(40);
let server: RunningServer;
let admin: string;

beforeEach(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => undefined);
  server = await start({ PORT: '0', HOST: '127.0.0.1', TALLY_STORE: 'memory:', TALLY_DEMO: '0', TALLY_JWT_SECRET: SECRET, TALLY_HEADERS_TIMEOUT: '1', TALLY_BODY_TIMEOUT: '2' });
  admin = await mintToken(SECRET, { sub: 'admin', role: 'admin', ttlSeconds: 600 });
});

afterEach(async () => {
  await server.close();
  vi.restoreAllMocks();
});

/** A raw connection: writes what it is given and collects what comes back until the server closes. */
const rawClient = async () => {
  const socket: Socket = connect(server.port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let received = '';
  socket.on('data', (d) => (received += d.toString('utf8')));
  const closed = new Promise<number>((resolve) => {
    const t0 = Date.now();
    socket.once('close', () => resolve((Date.now() - t0) / 1000));
  });
  return { socket, closed, received: () => received };
};

const post = (length: number) =>
  `POST /api/commands HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${admin}\r\nContent-Type: application/json\r\nContent-Length: ${length}\r\n\r\n`;

describe('request deadlines', () => {
  it('closes a connection whose headers have not arrived within the headers timeout, with a 408', async () => {
    const c = await rawClient();
    c.socket.write('POST /api/commands HTTP/1.1\r\nHost: localhost\r\n'); // and nothing more
    const seconds = await c.closed;
    // 1 s, checked by a sweep every second: between 1 and 2 s, with room for a loaded machine
    expect(seconds).toBeGreaterThanOrEqual(0.9);
    expect(seconds).toBeLessThan(8);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
  });

  it('answers a body that has not arrived within the body timeout with a 408 problem, and appends nothing', async () => {
    const c = await rawClient();
    c.socket.write(post(200) + '{"type":"CreateTeam",'); // 21 of the 200 bytes promised
    const seconds = await c.closed;
    expect(seconds).toBeGreaterThanOrEqual(1.9);
    expect(seconds).toBeLessThan(10);
    expect(c.received()).toMatch(/^HTTP\/1\.1 408/);
    expect(c.received()).toContain('application/problem+json');
    expect(c.received()).toContain('did not arrive within 2 s');
    const health = (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { position: number };
    expect(health.position).toBe(0);
  });

  it('reads a body framed by its length or in chunks, and records each command once', async () => {
    const head = (framing: string) => `POST /api/commands HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${admin}\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;
    const chunk = (s: string) => `${Buffer.byteLength(s).toString(16)}\r\n${s}\r\n`;
    const team = (teamId: string) => JSON.stringify({ type: 'CreateTeam', data: { teamId, name: 'North' } });
    const sized = await rawClient();
    sized.socket.write(head(`Content-Length: ${Buffer.byteLength(team('T-1'))}`) + team('T-1'));
    await vi.waitFor(() => expect(sized.received()).toMatch(/^HTTP\/1\.1 201/), { timeout: 5_000 });
    sized.socket.destroy();
    const chunked = await rawClient();
    chunked.socket.write(head('Transfer-Encoding: chunked') + chunk(team('T-2').slice(0, 10)));
    chunked.socket.write(chunk(team('T-2').slice(10)) + '0\r\n\r\n');
    await vi.waitFor(() => expect(chunked.received()).toMatch(/^HTTP\/1\.1 201/), { timeout: 5_000 });
    chunked.socket.destroy();
    // T-1 and T-2, one event each: position 2
    const health = (await (await fetch(`http://127.0.0.1:${server.port}/health`)).json()) as { position: number };
    expect(health.position).toBe(2);
  });

  it('logs a body the client abandons as one line, without a stack', async () => {
    const lines: string[] = [];
    const errors: unknown[] = []; // an Error handed to the console is printed with its stack
    for (const level of ['error', 'warn', 'info'] as const)
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
        lines.push(args.map(String).join(' '));
        errors.push(...args.filter((a) => a instanceof Error));
      });
    const c = await rawClient();
    c.socket.write(post(200) + '{"type":"CreateTeam",');
    await new Promise((r) => setTimeout(r, 200));
    c.socket.destroy();
    // at once when the server was reading the body; at the 2 s body deadline when it had not begun to (a busy machine)
    for (let i = 0; i < 250 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 300)); // time for any second line
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('POST /api/commands');
    expect(lines[0]).not.toMatch(/\n\s+at /);
    expect(errors).toEqual([]);
  });

  it('does not cut a stream, whose request was complete once its headers were in', async () => {
    const res = await fetch(`http://127.0.0.1:${server.port}/api/stream`, { headers: { authorization: `Bearer ${admin}` } });
    expect(res.status).toBe(200);
    const reader = res.body!.getReader();
    let text = '';
    const pump = (async () => {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        text += new TextDecoder().decode(value);
      }
    })();
    // past both deadlines and a sweep, plus Node's 5 s backstop after the body's (2 + 5 = 7 s)
    await new Promise((r) => setTimeout(r, 8_000));
    const created = await fetch(`http://127.0.0.1:${server.port}/api/commands`, {
      method: 'POST',
      headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'CreateTeam', data: { teamId: 'T-1', name: 'East', managerId: 'M-1' } }),
    });
    expect(created.status).toBe(201);
    for (let i = 0; i < 250 && !/^id: 1$/m.test(text); i++) await new Promise((r) => setTimeout(r, 20));
    expect(text).toMatch(/^id: 1$/m);
    await reader.cancel();
    await pump.catch(() => undefined);
  }, 30_000);
});
