// The query parameters every GET shares mean the same everywhere, so they are checked once for
// every /api GET, before any handler: `asOf` and `at` are instants, `period` a period id. A bad
// one is a 400 naming it even on a route that would ignore it. Unknown parameters are ignored
// (documented in the README), as HTTP caches and proxies add their own.
import type { MiddlewareHandler } from 'hono';
import { isInstant } from '../../../core/shared/codec';
import { acceptedPeriod } from '../../../core/shared/period';
import { instantParam, periodParam } from '../query';

export const commonQueryParams = (): MiddlewareHandler => async (c, next) => {
  if (c.req.method === 'GET') {
    instantParam(c, 'asOf');
    instantParam(c, 'at');
    periodParam(c, 'period', false);
  }
  return next();
};

/** Whether commonQueryParams lets these values by (absent and empty mean absent), for the cached-read fast path. */
export const commonQueryParamsPass = (query: (name: string) => string | undefined): boolean => {
  const asOf = query('asOf');
  const at = query('at');
  const period = query('period');
  return (!asOf || isInstant(asOf)) && (!at || isInstant(at)) && (!period || !!acceptedPeriod(period));
};
