// A cached read answered before the middleware chain. A repeated GET (every portal page's
// leaderboard) spent most of its CPU passing through a dozen async middlewares and the Node
// adapter's Request and Response, not in the lookup itself. So the Node server first hands each
// request here: the chain's checks for a read, as plain synchronous calls in one pass — the token
// (only one verified before), the route guard, the shared query parameters, the cache key, the
// rate limit — and when the answer is in the cache it is written straight to Node's response with
// its headers made once per entry. Anything else (no entry yet, a token not seen before, any
// refusal, a coding not compressed yet, a URL or header the adapter would rewrite)
// returns false and the request goes through the chain, which answers it exactly as before. Each
// check here is the chain's own function; the answer, its headers, its access line and its
// latency are the chain's too (test/api/fastRead.api.spec.ts compares them byte for byte). What
// is the same from one request to the next is made once: a connection's token, a caller's reader
// and rate keys, a target's last answer key and its access lines' fixed parts.
import { createServer, type IncomingMessage, type RequestListener, type ServerOptions, type ServerResponse } from 'node:http';
import { getQueryParam } from 'hono/utils/url';
import type { Histogram } from 'prom-client';
import { answerHeaders, answerKey, ANSWER_HEADER, cacheablePath, matchesEtag, normalisedQuery, notModifiedHeaders, readPosition, type AnswerCache, type AnswerForm, type Entry, type WireHeaders } from './answerCache';
import { bearerOf, knownToken } from './auth';
import { MIN_COMPRESSED_BYTES, preferredCoding, type Coding } from './compression';
import type { AppDeps } from './env';
import { CORS_EXPOSED } from './security/cors';
import { limitKeyAt } from './security/client';
import { commonQueryParamsPass } from './security/queryParams';
import { rateKeyOf, type TokenBuckets } from './security/rateLimit';
import { routeRefusal } from './security/routeGuard';
import { accessLineOf, loggedPath, requestIdOf, writeAccessLineOf, type AccessLine } from '../ops/accessLog';
import type { Actor } from '../engine/actor';
import { readerKey } from './security/readAccess';
import { headerSlots, PLAIN_HOST } from './rawHeaders';

/** Answers the request and says true, or leaves it untouched and says false. */
export type FastRead = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

// A request target whose bytes are the chain's c.req.url and c.req.path: the characters the Node
// adapter takes as they are (its own test, less `#`), no dot segment, no percent sign in the path.
// A percent sign in the query makes the adapter parse the URL, which then changes nothing but `'`.
const PLAIN_PATH = /^\/api\/[!$&-;=@-[\]_a-z~]*$/;
const PLAIN_QUERY = /^[!$%&-;=?-[\]_a-z~]*$/;
const DOT_SEGMENT = /\/\.\.?(?:[/?#]|$)/;
const plainTarget = (path: string, query: string): boolean =>
  PLAIN_PATH.test(path) && !DOT_SEGMENT.test(path) && PLAIN_QUERY.test(query) && !(query.includes('%') && query.includes("'"));
/** The request headers the chain reads for a cached GET, each in its slot. */
const HEADER_SLOTS = ['host', 'authorization', ANSWER_HEADER, 'accept-encoding', 'if-none-match', 'origin', 'x-request-id'] as const;
const [HOST, AUTHORIZATION, ANSWER, ACCEPT_ENCODING, IF_NONE_MATCH, ORIGIN, REQUEST_ID] = HEADER_SLOTS.map((_, i) => i);
const readHeaders = headerSlots(HEADER_SLOTS);

/**
 * A record of headers as Node's writeHead takes them flat, with the request's id and, for a body,
 * its length. For a cross-origin caller they are what the chain's CORS middleware makes of them
 * (cors() in app.ts, Hono's): its two headers set before the answer, Origin appended to Vary after
 * it, and so a web Headers, which lists them by name.
 */
const wireOf = (headers: Readonly<Record<string, string>>, length: number | undefined, origin: { allowed: string | undefined } | undefined): WireHeaders => {
  let record: Record<string, string> = { ...headers, 'x-request-id': '' };
  if (origin) {
    record = { ...record, ...(origin.allowed === undefined ? {} : { 'access-control-allow-origin': origin.allowed }), 'access-control-expose-headers': CORS_EXPOSED, vary: `${headers.vary}, Origin` };
    record = Object.fromEntries(Object.keys(record).sort().map((name) => [name, record[name]]));
  }
  const flat: string[] = [];
  for (const name in record) flat.push(name, record[name]);
  if (length !== undefined) flat.push('content-length', String(length));
  return { flat, idAt: flat.indexOf('x-request-id') + 1 };
};

/** What the chain reads from a request target, the same for every request with it. */
interface Target {
  readonly path: string;
  /** the shared query parameters pass commonQueryParams */
  readonly valid: boolean;
  readonly asOf: string | undefined;
  readonly at: string | undefined;
  /** the query in the answer key's normal form */
  readonly normalQuery: string;
  /** as the access log writes it */
  readonly logged: string;
  readonly query: (name: string) => string | undefined;
  /** the answer key last made for this target, and what it was made of: the next request mostly asks the same */
  key: { readonly reader: string; readonly position: number; readonly minute: number; readonly lang: string | undefined; readonly key: string } | undefined;
  /** its access lines' fixed parts, by caller and status */
  readonly lines: WeakMap<Actor, Partial<Record<200 | 304, AccessLine>>>;
}

/** What the checks make of a caller, made once per verified token's actor rather than per request. */
interface Caller {
  readonly reader: string;
  readonly rateKey: string;
}

/** Targets (and Accept-Encoding values) seen lately, so a repeated one is not parsed again; forgotten all at once when many. */
const TARGETS_KEPT = 1_000;
const CODINGS_KEPT = 100;

const targetOf = (target: string): Target | undefined => {
  const q = target.indexOf('?');
  const path = q < 0 ? target : target.slice(0, q);
  if (!plainTarget(path, q < 0 ? '' : target.slice(q)) || !cacheablePath(path)) return undefined;
  const url = `http://h${target}`; // Hono's query reader wants a whole URL; the host plays no part
  const query = (name: string) => getQueryParam(url, name) as string | undefined;
  return { path, valid: commonQueryParamsPass(query), asOf: query('asOf'), at: query('at'), normalQuery: normalisedQuery(url), logged: loggedPath(url), query, key: undefined, lines: new WeakMap() };
};

export const fastRead = (deps: AppDeps, cache: AnswerCache, buckets: TokenBuckets | undefined): FastRead => {
  const { jwtSecret, tokenMaxTtlSeconds, corsOrigins } = deps.config;
  const targets = new Map<string, Target | null>();
  // one histogram child per route and status: prom-client's observe by labels hashes them on every call
  const timers = new Map<string, Partial<Record<200 | 304, Histogram.Internal<'method' | 'route' | 'status'>>>>();
  const timerOf = (route: string, status: 200 | 304) => {
    let byStatus = timers.get(route);
    if (!byStatus) timers.set(route, (byStatus = {}));
    return (byStatus[status] ??= deps.metrics.http.labels({ method: 'GET', route, status }));
  };
  // the few Accept-Encoding values browsers send, each judged once
  const codings = new Map<string, Coding | undefined>();
  const codingFor = (acceptEncoding: string | undefined): Coding | undefined => {
    if (acceptEncoding === undefined) return undefined;
    if (codings.has(acceptEncoding)) return codings.get(acceptEncoding);
    if (codings.size >= CODINGS_KEPT) codings.clear();
    const coding = preferredCoding(acceptEncoding);
    codings.set(acceptEncoding, coding);
    return coding;
  };

  const callers = new WeakMap<Actor, Caller>();
  const callerOf = (actor: Actor): Caller => {
    let caller = callers.get(actor);
    if (!caller) callers.set(actor, (caller = { reader: readerKey(actor), rateKey: rateKeyOf(actor) }));
    return caller;
  };
  // a connection mostly sends one Authorization: its token is read once, and the same string then finds the verified token at once
  const tokens = new WeakMap<object, { readonly authorization: string; readonly token: string | undefined }>();
  const tokenOf = (socket: object, authorization: string | undefined): string | undefined => {
    if (authorization === undefined) return undefined;
    const seen = tokens.get(socket);
    if (seen !== undefined && seen.authorization === authorization) return seen.token;
    const token = bearerOf(authorization);
    tokens.set(socket, { authorization, token });
    return token;
  };
  const keyOf = (target: Target, caller: Caller, actor: Actor, position: number, nowMs: number, lang: string | undefined): string => {
    const minute = target.at ? -1 : Math.floor(nowMs / 60_000);
    const last = target.key;
    if (last !== undefined && last.reader === caller.reader && last.position === position && last.minute === minute && last.lang === lang) return last.key;
    const key = answerKey(target.path, target.normalQuery, actor, position, target.at, nowMs, lang);
    target.key = { reader: caller.reader, position, minute, lang, key };
    return key;
  };
  const lineOf = (target: Target, actor: Actor, status: 200 | 304): AccessLine => {
    let byStatus = target.lines.get(actor);
    if (!byStatus) target.lines.set(actor, (byStatus = {}));
    return (byStatus[status] ??= accessLineOf('GET', target.logged, status, actor));
  };

  const answer = (incoming: IncomingMessage, outgoing: ServerResponse, t0: number): boolean => {
    const raw = incoming.url;
    if (incoming.method !== 'GET' || raw === undefined) return false;
    let target = targets.get(raw);
    if (target === undefined) {
      if (targets.size >= TARGETS_KEPT) targets.clear();
      targets.set(raw, (target = targetOf(raw) ?? null));
    }
    if (target === null || !target.valid) return false;
    const h = readHeaders(incoming.rawHeaders);
    if (!h || h[HOST] === undefined || !PLAIN_HOST.test(h[HOST])) return false;
    const token = tokenOf(incoming.socket, h[AUTHORIZATION]);
    const nowMs = deps.clock().getTime();
    // a revoked token is not known here: it goes to the chain, which refuses it with its 401
    const verified = token === undefined ? undefined : knownToken(jwtSecret, token, nowMs, tokenMaxTtlSeconds, deps.projections.world);
    if (!verified || verified.scope === 'stream') return false;
    const actor = verified.actor;
    const caller = callerOf(actor);
    const entry = cache.get(keyOf(target, caller, actor, readPosition(deps, target.asOf), nowMs, h[ANSWER]));
    if (!entry || routeRefusal(deps, actor, entry.route.handler, entry.route.doc, target.path, target.query)) return false;
    const notModified = matchesEtag(h[IF_NONE_MATCH], entry.etag);
    const coding = notModified || entry.body.byteLength < MIN_COMPRESSED_BYTES ? undefined : codingFor(h[ACCEPT_ENCODING]);
    const body = notModified ? null : coding ? entry.ready[coding] : entry.body;
    if (body === undefined) return false; // not compressed in this coding yet: the chain makes it
    // last, as it is the one check that spends something: a refused caller goes to the chain, which refuses it again with its 429
    if (buckets && buckets.take(actor.role === 'viewer' ? limitKeyAt(caller.rateKey, incoming.socket.remoteAddress ?? '') : caller.rateKey, nowMs) > 0) return false;

    const form: AnswerForm = notModified ? 'notModified' : (coding ?? 'identity');
    // a cross-origin caller's: by the origin when it may read the answer (a few configured ones), else one for all others
    const origin = h[ORIGIN];
    const allowed = origin !== undefined && corsOrigins.includes(origin) ? origin : undefined;
    const wireKey = origin === undefined ? form : `${form} ${allowed ?? ''}`;
    let wire = entry.wire.get(wireKey);
    if (!wire) entry.wire.set(wireKey, (wire = wireOf(headersOf(entry, form), body?.byteLength, origin === undefined ? undefined : { allowed })));
    const requestId = requestIdOf(h[REQUEST_ID]);
    wire.flat[wire.idAt] = requestId; // writeHead copies it at once
    const status = notModified ? 304 : 200;
    const ms = performance.now() - t0;
    timerOf(entry.route.metric, status).observe(ms / 1000);
    writeAccessLineOf(deps.log, requestId, lineOf(target, actor, status), ms);
    outgoing.writeHead(status, wire.flat);
    outgoing.end(body);
    return true;
  };

  return (incoming, outgoing) => {
    const t0 = performance.now();
    try {
      return answer(incoming, outgoing, t0);
    } catch (err) {
      if (outgoing.headersSent) {
        deps.log.error({ err }, 'writing a cached answer failed');
        outgoing.destroy();
        return true;
      }
      return false; // nothing written: the chain answers, and reports what went wrong
    }
  };
};

const headersOf = (entry: Entry, form: AnswerForm): Readonly<Record<string, string>> =>
  (entry.headers[form] ??= form === 'notModified' ? notModifiedHeaders(entry.etag) : answerHeaders(entry, form === 'identity' ? undefined : form));

/**
 * Node's createServer with the fast path in front of the adapter's listener, for
 * `serve({ createServer })`; `fast` is asked per request, so a server may listen before the app exists.
 */
export const fastReadsFirst = (fast: () => FastRead | undefined): typeof createServer =>
  ((options: ServerOptions, listener: RequestListener) =>
    createServer(options, (req, res) => {
      if (!fast()?.(req, res)) void listener(req, res);
    })) as typeof createServer;
