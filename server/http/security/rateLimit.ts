// Per-user rate limit: an in-memory token bucket per token subject (role + sub), refilled at
// TALLY_RATE_LIMIT requests per minute with a burst of the same size. Over it: 429 with
// Retry-After. In memory on purpose: each instance limits what reaches it.
import { limitKey } from './client';
import type { MiddlewareHandler } from 'hono';
import type { Actor } from '../../engine/actor';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';

interface Bucket {
  tokens: number;
  at: number;
}

/** Sweep idle buckets once the map grows past this, so many one-off subjects cannot grow it forever. */
const SWEEP_AT = 10_000;

export class TokenBuckets {
  private readonly buckets = new Map<string, Bucket>();
  private readonly perMs: number;

  constructor(
    readonly capacity: number,
    perMinute: number,
  ) {
    this.perMs = perMinute / 60_000;
  }

  /** Take one token; returns 0 when granted, else the milliseconds until one is available. */
  take(key: string, nowMs: number): number {
    let b = this.buckets.get(key);
    if (!b) {
      if (this.buckets.size >= SWEEP_AT) this.sweep(nowMs);
      b = { tokens: this.capacity, at: nowMs };
      this.buckets.set(key, b);
    }
    // a clock that steps back refills nothing rather than draining the bucket
    b.tokens = Math.min(this.capacity, b.tokens + Math.max(0, nowMs - b.at) * this.perMs);
    b.at = Math.max(b.at, nowMs);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return 0;
    }
    return Math.ceil((1 - b.tokens) / this.perMs);
  }

  get size(): number {
    return this.buckets.size;
  }

  private sweep(nowMs: number): void {
    for (const [k, b] of this.buckets) if (b.tokens + (nowMs - b.at) * this.perMs >= this.capacity) this.buckets.delete(k);
  }
}

/** The callers' buckets, shared by the middleware and the cached-read fast path; none when TALLY_RATE_LIMIT=0 turns the limit off (benchmarks, trusted back-ends). */
export const callerBuckets = (deps: AppDeps): TokenBuckets | undefined => {
  const perMinute = deps.config.rateLimitPerMinute;
  return perMinute > 0 ? new TokenBuckets(perMinute, perMinute) : undefined;
};

/** The key a caller's requests are counted under. */
export const rateKeyOf = (actor: Actor): string => `${actor.role}\u0000${actor.sub}`;

export const rateLimit = (deps: AppDeps, buckets = callerBuckets(deps)): MiddlewareHandler<AppEnv> => {
  if (!buckets) return (_c, next) => next();
  const perMinute = deps.config.rateLimitPerMinute;
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const actor = c.get('actor');
    const waitMs = buckets.take(limitKey(c, rateKeyOf(actor)), deps.clock().getTime());
    if (waitMs > 0) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw HttpProblem.of(429, 'Too many requests', `more than ${perMinute} requests a minute from '${actor.sub}'; retry in ${seconds} s`, {}, { 'retry-after': String(seconds) });
    }
    return next();
  };
};
