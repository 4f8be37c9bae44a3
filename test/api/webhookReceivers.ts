// Local receivers for webhook tests (node:http on loopback): each records what it was sent and
// answers as its platform would. The signature checkers are written from each platform's
// published documentation, apart from the signer in server/webhooks/formats.ts.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  readonly url: string;
  readonly headers: IncomingMessage['headers'];
  readonly body: string;
}

export interface Receiver {
  readonly url: string;
  /** every request that reached it while up, acknowledged or refused */
  readonly received: Received[];
  /** while true, every request is answered 503 (a receiver that is down) */
  down: boolean;
  close(): Promise<void>;
}

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** json: X-Tally-Signature is sha256=<hex HMAC-SHA256 of the raw body, keyed by the secret> (SPEC §10). */
export const jsonSignatureOk = (secret: string, r: Received): boolean =>
  same(String(r.headers['x-tally-signature'] ?? ''), `sha256=${createHmac('sha256', secret).update(r.body).digest('hex')}`);

/**
 * DingTalk (加签): the robot recomputes Base64(HmacSHA256(key = secret, "timestamp\nsecret")) and
 * compares it with the url-decoded `sign`; `timestamp` is ms and must be within an hour of now.
 */
export const dingtalkSignatureOk = (secret: string, r: Received, nowMs = Date.now()): boolean => {
  const q = new URL(r.url, 'http://receiver').searchParams;
  const timestamp = q.get('timestamp') ?? '';
  if (!/^\d+$/.test(timestamp) || Math.abs(nowMs - Number(timestamp)) > 3_600_000) return false;
  return same(q.get('sign') ?? '', createHmac('sha256', Buffer.from(secret, 'utf8')).update(Buffer.from(`${timestamp}\n${secret}`, 'utf8')).digest('base64'));
};

/**
 * Feishu (签名校验): timestamp (seconds) and sign in the body; sign is Base64 of HmacSHA256 whose
 * key is "timestamp\nsecret", over an empty message; the timestamp within an hour of now.
 */
export const feishuSignatureOk = (secret: string, r: Received, nowMs = Date.now()): boolean => {
  const body = JSON.parse(r.body) as { timestamp?: string; sign?: string };
  if (!body.timestamp || Math.abs(nowMs / 1000 - Number(body.timestamp)) > 3600) return false;
  return same(body.sign ?? '', createHmac('sha256', Buffer.from(`${body.timestamp}\n${secret}`, 'utf8')).update(Buffer.alloc(0)).digest('base64'));
};

/**
 * A receiver on loopback (answering after `delayMs`). `answer` answers as the platform does: the robots say 200 with an error
 * code in the body when a signature does not verify (DingTalk 310000, Feishu 19021).
 */
export const startReceiver = async (answer: (r: Received) => { status?: number; body?: unknown } = () => ({}), delayMs = 0): Promise<Receiver> => {
  const received: Received[] = [];
  const state = { down: false };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      if (state.down) {
        res.writeHead(503).end('down');
        return;
      }
      const r: Received = { url: req.url ?? '/', headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
      const a = answer(r);
      received.push(r);
      const reply = () => res.writeHead(a.status ?? 200, { 'content-type': 'application/json' }).end(JSON.stringify(a.body ?? { ok: true }));
      if (delayMs > 0) setTimeout(reply, delayMs);
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    get down() {
      return state.down;
    },
    set down(v: boolean) {
      state.down = v;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
};

export const until = async (what: string, f: () => boolean | Promise<boolean>, ms = 10_000): Promise<void> => {
  const end = Date.now() + ms;
  while (!(await f())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};
