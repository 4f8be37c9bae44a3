// The one middleware that enforces the route half of the authorization matrix on every /api
// route: the matched route must have a ROUTES entry (else 403, so a module cannot forget its
// rule), the caller's role must be admitted, and an owner the request names must be in scope.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { routeAccess, routeDocOf, routeKey, type OwnerRef } from './matrix';
import { forbiddenFor, reaches, subjectOf } from './scope';

/** The handler route Hono matched for this request (middleware entries are registered as ALL). */
export const handlerRouteOf = (c: Context): { method: string; path: string } | undefined => {
  const method = c.req.method === 'HEAD' ? 'GET' : c.req.method;
  const r = matchedRoutes(c).find((m) => m.method === method);
  return r && { method, path: r.path };
};

const decoded = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

/** Path parameters by name, read against the route's pattern (`/api/payouts/:repId`). */
export const pathParams = (pattern: string, path: string): Record<string, string> => {
  const want = pattern.split('/');
  const got = path.split('/');
  const out: Record<string, string> = {};
  want.forEach((seg, i) => {
    if (!seg.startsWith(':') || got[i] === undefined) return;
    const value = decoded(got[i]);
    if (value !== undefined) out[seg.slice(1).replace(/\{.*\}$/, '').replace(/\?$/, '')] = value;
  });
  return out;
};

const valueOf = (c: Context, ref: OwnerRef, params: Record<string, string>): string | undefined =>
  ref.in === 'path' ? params[ref.name] : c.req.query(ref.name) || undefined;

export const routeGuard = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (c.req.method === 'OPTIONS') return next();
  const route = handlerRouteOf(c);
  if (!route) return next(); // nothing mounted here: the app's notFound answers
  const doc = routeDocOf(route.method, route.path);
  if (!doc)
    throw HttpProblem.of(403, 'Forbidden', `${routeKey(route.method, route.path)} has no entry in the authorization matrix (ROUTES in server/http/openapi.ts), so nobody may call it`);
  const actor = c.get('actor');
  const access = routeAccess(doc, actor.role);
  if (access === 'denied') throw HttpProblem.of(403, 'Forbidden', `the ${actor.role} role may not call ${routeKey(route.method, route.path)}`);
  if (access !== 'all' && doc.owner) {
    const params = pathParams(route.path, c.req.path);
    for (const ref of doc.owner) {
      const value = valueOf(c, ref, params);
      const subject = value === undefined ? undefined : subjectOf(ref, value);
      if (subject && !reaches(deps, actor, access, subject)) throw forbiddenFor(actor, subject);
    }
  }
  return next();
};
