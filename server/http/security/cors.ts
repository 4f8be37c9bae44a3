// CORS for the API: only for the configured origins (TALLY_CORS_ORIGINS), and only for requests
// that carry an Origin — a request without one is no browser's cross-origin call and needs no CORS
// headers; skipping them keeps the response from being built before the handler's (about a tenth
// of a cached read). The cached-read fast path (fastRead.ts) writes the same headers itself.
import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';
import type { AppEnv } from '../env';

const EXPOSED = ['Retry-After', 'Location', 'X-Request-Id'];

/** Access-Control-Expose-Headers as cors() writes it. */
export const CORS_EXPOSED = EXPOSED.join(',');

export const crossOrigin = (corsOrigins: readonly string[]): MiddlewareHandler<AppEnv> => {
  const allowedOrigins = cors({
    origin: (origin) => (corsOrigins.includes(origin) ? origin : null),
    allowHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'Last-Event-ID', 'X-Correlation-Id', 'X-Request-Id'],
    allowMethods: ['GET', 'POST', 'OPTIONS'],
    exposeHeaders: EXPOSED,
    maxAge: 600,
  });
  return (c, next) => (c.req.header('origin') === undefined ? next() : allowedOrigins(c, next));
};
