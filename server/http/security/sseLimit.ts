// Caps the open GET /api/stream connections per token (TALLY_SSE_PER_TOKEN, default 5; the
// 6th gets 429), so one leaked token cannot hold the server's connections. A stream token counts
// against the token that minted it, so minting more of them opens no more streams. A connection
// counts until its body stream ends or the client goes away.
import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { bearerOf, tokenFingerprint } from '../auth';
import { limitKey } from './client';

export class ConnectionCounter {
  private readonly open = new Map<string, number>();

  constructor(readonly max: number) {}

  /** A release function, or undefined when the key is at its cap. */
  acquire(key: string): (() => void) | undefined {
    const n = this.open.get(key) ?? 0;
    if (n >= this.max) return undefined;
    this.open.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.open.get(key) ?? 1) - 1;
      if (left <= 0) this.open.delete(key);
      else this.open.set(key, left);
    };
  }

  count(key: string): number {
    return this.open.get(key) ?? 0;
  }
}

/** The body, passed through unchanged, calling `done` once when it ends, fails or is cancelled. */
const onEnd = (body: ReadableStream<Uint8Array>, done: () => void): ReadableStream<Uint8Array> => {
  const reader = body.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const { value, done: ended } = await reader.read();
        if (ended) {
          done();
          controller.close();
        } else controller.enqueue(value);
      } catch (e) {
        done();
        controller.error(e);
      }
    },
    cancel(reason) {
      done();
      return reader.cancel(reason);
    },
  });
};

export const sseLimit = (deps: AppDeps): MiddlewareHandler<AppEnv> => {
  const counter = new ConnectionCounter(deps.config.ssePerToken);
  return async (c, next) => {
    if (c.req.method !== 'GET') return next();
    const token = bearerOf(c.req.header('authorization')) ?? c.req.query('token') ?? '';
    const release = counter.acquire(limitKey(c, c.get('token')?.mintedBy ?? tokenFingerprint(token)));
    if (!release)
      throw HttpProblem.of(429, 'Too many streams', `this token already holds ${counter.max} open streams; close one or retry later`, {}, { 'retry-after': '5' });
    try {
      await next();
    } catch (e) {
      release();
      throw e;
    }
    const body = c.res.body;
    if (!body || c.res.status !== 200) {
      release();
      return;
    }
    c.res = new Response(onEnd(body, release), c.res);
  };
};
