// The one middleware that enforces the route half of the authorization matrix on every /api
// route: the matched route must have a ROUTES entry (else 403, so a module cannot forget its
// rule), the caller's role must be admitted, and an owner the request names must be in scope.
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes } from 'hono/route';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import type { Actor } from '../../engine/actor';
import type { RouteDoc } from '../openapi';
import { routeAccess, routeDocOf, routeKey } from './matrix';
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

/**
 * Why the actor may not call this handler route with this path and query; undefined when it may.
 * Plain data in, so the cached-read fast path asks the same question the middleware does.
 */
export const routeRefusal = (deps: AppDeps, actor: Actor, route: { method: string; path: string }, doc: RouteDoc | undefined, path: string, query: (name: string) => string | undefined): HttpProblem | undefined => {
  if (!doc)
    return HttpProblem.of(403, 'Forbidden', `${routeKey(route.method, route.path)} has no entry in the authorization matrix (ROUTES in server/http/openapi.ts), so nobody may call it`);
  const access = routeAccess(doc, actor.role);
  if (access === 'denied') return HttpProblem.of(403, 'Forbidden', `the ${actor.role} role may not call ${routeKey(route.method, route.path)}`);
  if (access !== 'all' && doc.owner) {
    const params = pathParams(route.path, path);
    for (const ref of doc.owner) {
      const value = ref.in === 'path' ? params[ref.name] : query(ref.name) || undefined;
      const subject = value === undefined ? undefined : subjectOf(ref, value);
      if (subject && !reaches(deps, actor, access, subject)) return forbiddenFor(actor, subject);
    }
  }
  return undefined;
};

export const routeGuard = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (c.req.method === 'OPTIONS') return next();
  const route = handlerRouteOf(c);
  if (!route) return next(); // nothing mounted here: the app's notFound answers
  const refused = routeRefusal(deps, c.get('actor'), route, routeDocOf(route.method, route.path), c.req.path, (name) => c.req.query(name));
  if (refused) throw refused;
  return next();
};
