// The answer of a read is a function of what it asks (path and query), what the caller may read
// (readerKey: an admin, any viewer, or a manager's or rep's own reach), the log position and — for
// an answer measured "now" — the minute. So each such answer is computed once and kept, already
// redacted and serialised (compressed forms too, once asked for); a second identical request is a
// lookup. Its ETag names the position and a digest of the rest, so a client that holds the answer
// gets 304 on If-None-Match without any work; Cache-Control: private, no-cache keeps shared caches
// out and makes browsers ask each time. A new event moves the position, so every key changes: the
// old entries are never hit again and age out of the bounded LRU (TALLY_ANSWER_CACHE_MB).
import { createHash } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { compress, compressible, MIN_COMPRESSED_BYTES, preferredCoding, type Bytes, type Coding } from './compression';
import type { AppDeps, AppEnv } from './env';
import { completeAnswer, completeApiHeaders } from './security/headers';
import { routePath } from 'hono/route';
import type { Actor } from '../engine/actor';
import type { RouteDoc } from './openapi';
import { routeDocOf } from './security/matrix';
import { readerKey } from './security/readAccess';
import { handlerRouteOf } from './security/routeGuard';

/** Reads that are not a function of the read models at a position: the live stream, and the store's own pages and verification (which must read the store each time)… */
const UNCACHED = new Set(['/api/stream', '/api/events', '/api/audit/verify']);
/** …and a webhook's delivery, which moves with its receiver, not with the log. */
const UNCACHED_UNDER = ['/api/webhooks/'];

export const ANSWER_CACHE_CONTROL = 'private, no-cache';

/** The request header a read answer depends on (a statement's language without `lang`): part of the key, and of Vary. */
export const ANSWER_HEADER = 'accept-language';
// Origin: CORS headers are sent only to cross-origin callers (app.ts)
const VARY = 'Authorization, Accept-Language, Origin';

/** Per entry beyond its bytes: the key, the ETag and the Map's own slot, roughly. */
const ENTRY_OVERHEAD_BYTES = 256;

/** Headers flat as Node's writeHead takes them, with a slot for each request's own id. */
export interface WireHeaders {
  readonly flat: string[];
  readonly idAt: number;
}

/** Each way an answer goes out: as it is, coded, or 304. */
export type AnswerForm = Coding | 'identity' | 'notModified';

/** The route that made an answer, as the route guard and the latency metric know it. */
export interface AnswerRoute {
  /** the handler's method and pattern (`GET /api/goals/:goalId`) */
  readonly handler: { readonly method: string; readonly path: string };
  readonly doc: RouteDoc | undefined;
  /** the pattern the latency histogram counts it under */
  readonly metric: string;
}

export interface Entry {
  readonly etag: string;
  readonly type: string;
  readonly body: Bytes;
  readonly route: AnswerRoute;
  readonly encoded: Partial<Record<Coding, Promise<Bytes>>>;
  /** the compressed forms made so far, to hand out without waiting */
  readonly ready: Partial<Record<Coding, Bytes>>;
  /** the complete headers of each way it goes out, made on first use */
  readonly headers: Partial<Record<AnswerForm, Readonly<Record<string, string>>>>;
  /** the same as Node's writeHead takes them, by form (and Origin), made by the fast path on first use (fastRead.ts) */
  readonly wire: Map<string, WireHeaders>;
  bytes: number;
  /** the cache's count of growths when it was put or last moved to the newest end */
  movedAt: number;
}

/** A least-recently-used map of answers bounded by their bytes. */
export class AnswerCache {
  private readonly entries = new Map<string, Entry>();
  private used = 0;
  /** times the cache has grown (an entry put, a compressed form added): only then is anything evicted */
  private growths = 0;

  constructor(readonly maxBytes: number) {}

  /**
   * An entry used is moved to the newest end — once between two growths of the cache: moving it
   * costs a Map delete and insert on every hit, and nothing is evicted but when the cache grows.
   * So entries used since it last grew keep the order they had then (or were put in).
   */
  get(key: string): Entry | undefined {
    const e = this.entries.get(key);
    if (e && e.movedAt !== this.growths) {
      this.entries.delete(key);
      this.entries.set(key, e);
      e.movedAt = this.growths;
    }
    return e;
  }

  put(key: string, etag: string, type: string, body: Bytes, route: AnswerRoute): Entry {
    const entry: Entry = { etag, type, body, route, encoded: {}, ready: {}, headers: {}, wire: new Map(), bytes: 0, movedAt: 0 };
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.grow(key, entry, body.byteLength + key.length * 2 + ENTRY_OVERHEAD_BYTES);
    entry.movedAt = this.growths;
    return entry;
  }

  /** The compressed form of an entry's body, made on first request and counted against the bound. */
  encoded(key: string, entry: Entry, coding: Coding): Promise<Bytes> {
    return (entry.encoded[coding] ??= compress(entry.body, coding).then((bytes) => {
      this.grow(key, entry, bytes.byteLength);
      entry.ready[coding] = bytes;
      return bytes;
    }));
  }

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.used;
  }

  private grow(key: string, entry: Entry, bytes: number): void {
    this.growths++;
    if (this.entries.get(key) !== entry) return; // evicted meanwhile: it no longer counts
    entry.bytes += bytes;
    this.used += bytes;
    for (const [k, e] of this.entries) {
      if (this.used <= this.maxBytes) break;
      this.entries.delete(k);
      this.used -= e.bytes;
    }
  }
}

/** The query with its pairs in name order (a pair's bytes as sent; repeated names keep their order). */
export const normalisedQuery = (url: string): string => {
  const at = url.indexOf('?');
  if (at < 0) return '';
  const hash = url.indexOf('#', at);
  const pairs = url.slice(at + 1, hash < 0 ? undefined : hash).split('&').filter(Boolean);
  const name = (p: string) => (p.includes('=') ? p.slice(0, p.indexOf('=')) : p);
  return pairs.map((p, i) => [name(p), i, p] as const).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : a[1] - b[1])).map((x) => x[2]).join('&');
};

/** If-None-Match holds this ETag (weak comparison, as RFC 9110 asks for If-None-Match) or `*`. */
export const matchesEtag = (ifNoneMatch: string | undefined, etag: string): boolean => {
  if (!ifNoneMatch) return false;
  const opaque = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === opaque;
  });
};

/**
 * What an answer is a function of: its path and query (normalisedQuery), the
 * caller's class, the position it reads at, `at` when asked for, and the headers it depends on. An
 * answer measured at "now" (no `at`) changes with the clock too; every request of a minute shares
 * one, as the leaderboard's period-to-date figures already do (query.ts measuredAt): its
 * `asOf`/`at` say the moment it was made.
 */
export const answerKey = (path: string, query: string, actor: Actor, position: number, at: string | undefined, nowMs: number, acceptLanguage: string | undefined): string =>
  `${path}?${query}\n${readerKey(actor)}\n${position}\n${at ? '' : String(Math.floor(nowMs / 60_000))}\n${acceptLanguage ?? ''}`;

const keyOf = (c: Context<AppEnv>, deps: AppDeps, position: number): string =>
  answerKey(c.req.path, normalisedQuery(c.req.url), c.get('actor'), position, c.req.query('at'), deps.clock().getTime(), c.req.header(ANSWER_HEADER));

/**
 * The log position an answer reads at. An `asOf` before the recording of the last event reads a
 * past position no later event can join (recordedAt only grows along the log, as positionAt
 * assumes), so that answer is immutable: keyed and tagged by its own position, it outlives new
 * events. Any other answer reads the head. `asOf` is a valid instant when present (commonQueryParams ran).
 */
export const readPosition = (deps: AppDeps, asOf: string | undefined): number => {
  const head = deps.projections.position;
  if (!asOf) return head;
  const at = deps.projections.positionAt(Date.parse(asOf));
  return at < head ? at : head;
};

const etagOf = (key: string, position: number): string => `W/"${position}-${createHash('sha1').update(key).digest('base64url')}"`;

/** Whether a GET of this path may be answered from the cache. */
export const cacheablePath = (path: string): boolean => !UNCACHED.has(path) && !UNCACHED_UNDER.some((p) => path.startsWith(p));

export const answerCache = (deps: AppDeps, cache = new AnswerCache(deps.config.answerCacheBytes)): MiddlewareHandler<AppEnv> => {
  return async (c, next) => {
    if (c.req.method !== 'GET' || cache.maxBytes === 0 || !cacheablePath(c.req.path)) return next();
    const head = deps.projections.position;
    const position = readPosition(deps, c.req.query('asOf'));
    const key = keyOf(c, deps, position);
    let entry = cache.get(key);
    const etag = entry?.etag ?? etagOf(key, position); // a digest per answer, not per request
    // the ETag names the answer, so a client that holds it needs nothing computed, cached or not
    if (matchesEtag(c.req.header('if-none-match'), etag)) return replace(c, respond(c, null, 304, entry ? (entry.headers.notModified ??= notModifiedHeaders(etag)) : notModifiedHeaders(etag)));
    if (!entry) {
      await next();
      const type = c.res.headers.get('content-type');
      if (c.res.status !== 200 || !compressible(type) || c.res.headers.has('content-encoding')) return;
      const body = new Uint8Array(await c.res.arrayBuffer());
      // an event folded while the answer was made: it may hold either position, so it is neither kept nor tagged
      if (deps.projections.position !== head) return replace(c, c.body(body, 200));
      entry = cache.put(key, etag, type!, body, routeOf(c));
    }
    return replace(c, await send(c, cache, key, entry));
  };
};

const routeOf = (c: Context<AppEnv>): AnswerRoute => {
  const handler = handlerRouteOf(c)!; // a 200 answer was made by a handler
  return { handler, doc: routeDocOf(handler.method, handler.path), metric: routePath(c, -1) };
};

/** Makes this the response (c.body merged the headers set so far, such as CORS, into it). */
const replace = (c: Context<AppEnv>, res: Response): Response => {
  c.res = undefined;
  c.res = res;
  return res;
};

export const notModifiedHeaders = (etag: string) => completeApiHeaders({ etag, 'cache-control': ANSWER_CACHE_CONTROL, vary: `${VARY}, Accept-Encoding` });

export const answerHeaders = (entry: Entry, coding: Coding | undefined) =>
  completeApiHeaders({
    'content-type': entry.type,
    etag: entry.etag,
    'cache-control': ANSWER_CACHE_CONTROL,
    vary: entry.body.byteLength < MIN_COMPRESSED_BYTES ? VARY : `${VARY}, Accept-Encoding`,
    ...(coding ? { 'content-encoding': coding } : {}),
  });

/**
 * A complete answer; for a cross-origin caller the CORS headers prepared for it are merged in
 * (c.body) and the outer middlewares finish it as any other response.
 */
const respond = (c: Context<AppEnv>, body: Bytes | null, status: number, headers: Readonly<Record<string, string>>): Response =>
  c.req.header('origin') === undefined
    ? completeAnswer(body, status, c.var.requestId === undefined ? headers : { ...headers, 'x-request-id': c.var.requestId }) // the one header of its own each request carries
    : body === null
      ? c.body(null, 304, headers)
      : c.body(body, 200, headers);

const send = async (c: Context<AppEnv>, cache: AnswerCache, key: string, entry: Entry): Promise<Response> => {
  const coding = entry.body.byteLength < MIN_COMPRESSED_BYTES ? undefined : preferredCoding(c.req.header('accept-encoding'));
  const body = coding ? await cache.encoded(key, entry, coding) : entry.body;
  return respond(c, body, 200, (entry.headers[coding ?? 'identity'] ??= answerHeaders(entry, coding)));
};
