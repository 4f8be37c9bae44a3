// One JSON line per request (pino): its id, method, path, status, latency and the caller's role
// and subject. The id is the caller's X-Request-Id when it is a sane one (so a portal can follow a
// call through its own logs), else a new UUID; it is echoed in the answer's X-Request-Id and in
// every problem+json (`requestId`). Secrets that travel in a query string (the stream token,
// embed tokens) are logged as [redacted]. The same middleware times the request into the
// latency histogram by route pattern (`/api/goals/:id`, never the raw path), so one clock read
// serves both.
import { randomUUID } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { routePath } from 'hono/route';
import type { Actor } from '../engine/actor';
import type { AppEnv } from '../http/env';
import { isCompleteAnswer } from '../http/security/headers';
import { infoLineWriter, type Logger } from './logger';
import type { Metrics } from './metrics';

/** Visible characters a log and a header carry as they are; anything else is replaced by a fresh id. */
const SANE_ID = /^[A-Za-z0-9._:@\-]{1,128}$/;

export const requestIdOf = (incoming: string | undefined): string => (incoming !== undefined && SANE_ID.test(incoming) ? incoming : randomUUID());

/** Query parameters whose values are credentials. */
const SECRET_PARAMS = new Set(['token', 'embed', 'access_token']);

const decodedName = (name: string): string => {
  if (!name.includes('%') && !name.includes('+')) return name.toLowerCase();
  try {
    return decodeURIComponent(name.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return name.toLowerCase();
  }
};

/** The path and query of a URL with every secret parameter's value replaced (names are compared decoded, as the server reads them). */
export const loggedPath = (url: string): string => {
  const start = url.indexOf('/', url.indexOf('//') + 2);
  const path = start < 0 ? '/' : url.slice(start);
  const q = path.indexOf('?');
  if (q < 0) return path;
  const params = path
    .slice(q + 1)
    .split('&')
    .map((part) => {
      const eq = part.indexOf('=');
      const name = eq < 0 ? part : part.slice(0, eq);
      return SECRET_PARAMS.has(decodedName(name)) ? `${name}=[redacted]` : part;
    });
  return `${path.slice(0, q)}?${params.join('&')}`;
};

export const accessLog = (log: Logger, metrics: Metrics): MiddlewareHandler<AppEnv> => async (c, next) => {
  const t0 = performance.now();
  const requestId = requestIdOf(c.req.header('x-request-id'));
  c.set('requestId', requestId);
  await next();
  // an error has been answered by onError by now: c.res is what the caller gets. A complete
  // answer (the answer cache's) carries the id already, and asking for its headers would cost more
  if (!isCompleteAnswer(c.res)) c.res.headers.set('x-request-id', requestId);
  const ms = performance.now() - t0;
  // the last route matched is the handler's pattern; a path no handler took ends on a middleware's (`/api/*`)
  metrics.http.observe({ method: c.req.method, route: routePath(c, -1), status: c.res.status }, ms / 1000);
  writeAccessLine(log, requestId, c.req.method, loggedPath(c.req.url), c.res.status, ms, c.var.actor);
};

/** The access line of one request, its path as loggedPath gives it (the cached-read fast path writes its own with this too). */
export const writeAccessLine = (log: Logger, reqId: string, method: string, path: string, status: number, ms: number, actor: Actor | undefined): void =>
  writeAccessLineOf(log, reqId, accessLineOf(method, path, status, actor), ms);

/** What an access line says besides the request's id and latency: the same for every request of a path, status and caller. */
export interface AccessLine {
  readonly method: string;
  readonly path: string;
  readonly status: number;
  readonly actor: Actor | undefined;
  /** its JSON between the id and the latency, and after the latency */
  readonly beforeMs: string;
  readonly afterMs: string;
}

/** An access line's fixed parts, made once: the fast path keeps them per path and caller. */
export const accessLineOf = (method: string, path: string, status: number, actor: Actor | undefined): AccessLine => ({
  method,
  path,
  status,
  actor,
  beforeMs: `,"method":${JSON.stringify(method)},"path":${JSON.stringify(path)},"status":${status},"ms":`,
  afterMs: actor ? `,"role":${JSON.stringify(actor.role)},"sub":${JSON.stringify(actor.sub)}` : '',
});

/** Writes one request's access line from its fixed parts: `log.info(fields, 'request')`'s bytes. */
export const writeAccessLineOf = (log: Logger, reqId: string, a: AccessLine, ms: number): void => {
  if (!log.isLevelEnabled('info')) return;
  const rounded = Math.round(ms * 100) / 100;
  let line = lineWriters.get(log);
  if (line === undefined) lineWriters.set(log, (line = infoLineWriter(log) ?? null));
  if (line) line(`"reqId":${JSON.stringify(reqId)}${a.beforeMs}${rounded}${a.afterMs}`, 'request');
  else log.info({ reqId, method: a.method, path: a.path, status: a.status, ms: rounded, ...(a.actor ? { role: a.actor.role, sub: a.actor.sub } : {}) }, 'request');
};

/** Each logger's line writer, or null where there is none (looked up once). */
const lineWriters = new WeakMap<Logger, ((fieldsJson: string, msg: string) => void) | null>();
