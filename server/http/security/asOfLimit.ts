// Bounds the as-of computations: an `asOf` the read models have not cached is a replay of the log
// up to it (seconds at a million events), so a caller runs at most one at a time (a viewer: per
// browser address, like the rate limit) and the server at most TALLY_ASOF_CONCURRENCY. Beyond
// that the answer is 429 with Retry-After, rather than a queue that keeps the CPU from everyone
// else. The live World, cached as-of Worlds and one already being replayed for someone else stay
// free.
import type { MiddlewareHandler } from 'hono';
import type { World } from '../../../core/fold/world';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { limitKey } from './client';
import { ConnectionCounter } from './sseLimit';

/** The read models as of a log position, within the caller's as-of budget. */
export type WorldAt = (position: number) => Promise<World>;

/** Sets `worldAt` for the request: what every route asks for a past World. */
export const asOfLimit = (deps: AppDeps): MiddlewareHandler<AppEnv> => {
  const perCaller = new ConnectionCounter(1);
  const running = new ConnectionCounter(deps.config.asOfConcurrency);
  /** how long the last computation took, for Retry-After */
  let lastMs = 0;
  const busy = (detail: string) => {
    const seconds = Math.max(1, Math.ceil(lastMs / 1000));
    return HttpProblem.of(429, 'Too many requests', `${detail}; retry in ${seconds} s (an asOf answered before is cached and free)`, {}, { 'retry-after': String(seconds) });
  };
  return async (c, next) => {
    c.set('worldAt', async (position) => {
      const { projections } = deps;
      if (projections.hasWorldAt(position)) return projections.worldAt(position);
      const actor = c.get('actor');
      const mine = perCaller.acquire(limitKey(c, `${actor.role}\u0000${actor.sub}`));
      if (!mine) throw busy(`an asOf answer for '${actor.sub}' is already being computed, and a caller computes one at a time`);
      const slot = running.acquire('');
      if (!slot) {
        mine();
        throw busy(`the server is already computing ${running.max} asOf answers`);
      }
      const t0 = performance.now();
      try {
        return await projections.worldAt(position);
      } finally {
        lastMs = performance.now() - t0;
        deps.metrics.asOf.observe(lastMs / 1000);
        slot();
        mine();
      }
    });
    return next();
  };
};
