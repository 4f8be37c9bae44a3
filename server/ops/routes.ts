// GET /livez: the process is up and its event loop turns. GET /readyz: this server can take
// traffic — the log is replayed into the read models (until then `tally serve` answers 503 itself,
// see serve.ts), the event store answers, and it is not shutting down; else 503 with the reason.
// GET /metrics: Prometheus text, for an admin token or the scrape token TALLY_METRICS_TOKEN.
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { bearerOf, unauthorized, verifyToken } from '../http/auth';
import type { AppDeps, AppEnv } from '../http/env';
import { HttpProblem, problemBody, sendProblem } from '../http/problem';

/** How long /readyz waits for the store's head before calling it unready. */
const STORE_ANSWER_MS = 2_000;

export const notReady = (reason: string) => problemBody(503, 'Not ready', reason, { reason });

const withinDeadline = <T>(p: Promise<T>, ms: number): Promise<T> =>
  new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    p.then(resolve, reject).finally(() => clearTimeout(timer));
  });

const sameSecret = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

export const opsRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/livez', (c) => c.json({ status: 'live' }));

  app.get('/readyz', async (c) => {
    if (deps.lifecycle.draining) return sendProblem(c, notReady('shutting down: new requests go elsewhere'));
    let head: number;
    try {
      head = (await withinDeadline(deps.store.head(), STORE_ANSWER_MS)).position;
    } catch (e) {
      return sendProblem(c, notReady(`the event store does not answer: ${(e as Error).message}`), { 'retry-after': '5' });
    }
    return c.json({ status: 'ready', store: deps.store.kind, position: deps.projections.position, head });
  });

  app.get('/metrics', async (c) => {
    const bearer = bearerOf(c.req.header('authorization'));
    if (!bearer) throw unauthorized('send Authorization: Bearer <an admin token or TALLY_METRICS_TOKEN>');
    const scrapeToken = deps.config.metricsToken;
    if (!(scrapeToken !== undefined && sameSecret(bearer, scrapeToken))) {
      const verified = await verifyToken(deps.config.jwtSecret, bearer, deps.clock(), deps.config.tokenMaxTtlSeconds, deps.projections.world);
      if (verified.actor.role !== 'admin' || verified.scope !== undefined)
        throw HttpProblem.of(403, 'Forbidden', 'metrics are for an admin token or the scrape token TALLY_METRICS_TOKEN');
    }
    return c.body(await deps.metrics.text(), 200, { 'content-type': deps.metrics.contentType, 'cache-control': 'no-store' });
  });

  return app;
};
