// A single command (POST /api/commands) answered before the middleware chain. At 50 connections the
// server is CPU-bound, so a command's rate and its p99 are set by the CPU each one costs; a
// quarter of that went to the chain's dozen async middlewares and the Node adapter's web Request
// and Response around the engine, not to the engine. So the Node server hands each request here
// first (fastReadsFirst, app.ts): the chain's checks, each the chain's own function, as plain
// synchronous calls in one pass — the body's size and media type, the Idempotency-Key, the token
// (only one verified before), the route guard, then the rate limit — and for a request that
// passes them all the body is read within its deadline, checked and parsed, handed to the engine,
// and the answer written straight to Node's response with the chain's headers, access line and
// latency. Whatever the chain would refuse before it spends the caller's rate budget, and anything
// unusual (an Origin, a chunked body, a header twice, a URL with a query, a token not verified
// yet), returns false untouched and goes through the chain, which answers it as ever. Once the
// budget is spent the fast path answers everything itself as the chain does: a refused body, an
// engine's refusal, a store that is down, an unexpected error (test/api/fastCommand.api.spec.ts
// compares both byte for byte).
import type { IncomingMessage, ServerResponse } from 'node:http';
import * as E from 'fp-ts/Either';
import type { Histogram } from 'prom-client';
import { bearerOf, knownToken } from './auth';
import { compress, MIN_COMPRESSED_BYTES, preferredCoding } from './compression';
import type { AppDeps } from './env';
import { acceptedLang } from './lang';
import { fromProblem, problemHeaders, problemOfError, problemText, type ProblemBody } from './problem';
import { headerSlots, PLAIN_HOST } from './rawHeaders';
import { commandOptions, goodIdempotencyKey, isCommandShape, isJsonType, notACommand, parsedJson } from './routes/commands';
import { limitKeyAt } from './security/client';
import { API_CSP, STRICT_HEADERS } from './security/headers';
import { jsonBodyText } from './security/jsonBody';
import { routeDocOf } from './security/matrix';
import { rateKeyOf, type TokenBuckets } from './security/rateLimit';
import { routeRefusal } from './security/routeGuard';
import { abandonedBody, isAbort, lateBody } from './security/timeouts';
import { accessLineOf, requestIdOf, writeAccessLineOf, type AccessLine } from '../ops/accessLog';
import type { Actor } from '../engine/actor';

/** Answers the request and says true, or leaves it untouched and says false. */
export type FastAnswer = (incoming: IncomingMessage, outgoing: ServerResponse) => boolean;

const PATH = '/api/commands';
const ROUTE = { method: 'POST', path: PATH } as const;
const NO_QUERY = () => undefined;

const HEADER_SLOTS = ['host', 'authorization', 'content-type', 'content-length', 'transfer-encoding', 'origin', 'x-request-id', 'idempotency-key', 'x-correlation-id', 'accept-language', 'accept-encoding'] as const;
const [HOST, AUTHORIZATION, CONTENT_TYPE, CONTENT_LENGTH, TRANSFER_ENCODING, ORIGIN, REQUEST_ID, IDEMPOTENCY_KEY, CORRELATION_ID, ACCEPT_LANGUAGE, ACCEPT_ENCODING] = HEADER_SLOTS.map((_, i) => i);
const readHeaders = headerSlots(HEADER_SLOTS);

/** A Content-Length Node has checked is digits; the chain compares it as parseInt does. */
const DIGITS = /^\d+$/;

/** What the checks found, for the part that runs once the caller's budget is spent. */
interface Admitted {
  readonly t0: number;
  readonly actor: Actor;
  readonly requestId: string;
  readonly idempotencyKey: string | undefined;
  readonly correlationId: string | undefined;
  readonly acceptLanguage: string | undefined;
  readonly acceptEncoding: string | undefined;
}

/**
 * The headers every answer of the chain carries besides its own, as the Node adapter writes them
 * from the web Headers the middlewares leave: by name in order, then Content-Length.
 */
const wireHeaders = (own: Readonly<Record<string, string>>, requestId: string, length: number): (string | number)[] => {
  const all: Record<string, string> = { ...STRICT_HEADERS, 'content-security-policy': API_CSP, 'cache-control': 'no-store', ...own, 'x-request-id': requestId };
  const flat: (string | number)[] = [];
  for (const name of Object.keys(all).sort()) flat.push(name, all[name]);
  flat.push('Content-Length', length);
  return flat;
};

/** An accepted command's headers, made once: its request id and length are written into their slots. */
const ACCEPTED = wireHeaders({ 'content-type': 'application/json' }, '', 0);
const ACCEPTED_ID_AT = ACCEPTED.indexOf('x-request-id') + 1;
const ACCEPTED_LENGTH_AT = ACCEPTED.length - 1;

/**
 * The body, read within the deadline; a client gone half-way is an abandoned body, as the chain has
 * it. Its listeners are unnamed on purpose: a named function made per request is named again each
 * time by the TypeScript loader (a property defined per closure, 0.3 % of the server's time).
 */
const bodyOf = (incoming: IncomingMessage, seconds: number): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    // past the deadline the read is nobody's: its end or its abort says nothing more
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      // a client already gone is an abandoned body at the deadline too
      const e = lateBody(seconds, incoming.socket);
      reject(isAbort(e) ? abandonedBody('POST', PATH) : e);
    }, seconds * 1000);
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.once('end', () => {
      clearTimeout(timer);
      resolve(chunks.length === 1 ? chunks[0] : Buffer.concat(chunks));
    });
    incoming.once('error', (e: unknown) => {
      clearTimeout(timer);
      if (!late) reject(isAbort(e) ? abandonedBody('POST', PATH) : e);
    });
  });

export const fastCommand = (deps: AppDeps, buckets: TokenBuckets | undefined): FastAnswer => {
  const { jwtSecret, tokenMaxTtlSeconds, bodyLimitBytes, bodyTimeoutSeconds } = deps.config;
  const doc = routeDocOf(ROUTE.method, ROUTE.path);
  // one histogram child per status: prom-client's observe by labels hashes them on every call
  const timers = new Map<number, Histogram.Internal<'method' | 'route' | 'status'>>();
  const timerOf = (status: number) => {
    let timer = timers.get(status);
    if (!timer) timers.set(status, (timer = deps.metrics.http.labels({ method: 'POST', route: PATH, status })));
    return timer;
  };
  // an access line's fixed parts, by caller and status
  const lines = new WeakMap<Actor, Map<number, AccessLine>>();
  const lineOf = (actor: Actor, status: number): AccessLine => {
    let byStatus = lines.get(actor);
    if (!byStatus) lines.set(actor, (byStatus = new Map()));
    let line = byStatus.get(status);
    if (!line) byStatus.set(status, (line = accessLineOf('POST', PATH, status, actor)));
    return line;
  };

  /** The chain's checks up to the rate limit, which is spent last; undefined leaves the request to the chain. */
  const admit = (incoming: IncomingMessage, t0: number): Admitted | undefined => {
    const h = readHeaders(incoming.rawHeaders);
    if (!h || h[HOST] === undefined || !PLAIN_HOST.test(h[HOST]) || h[ORIGIN] !== undefined || h[TRANSFER_ENCODING] !== undefined) return undefined;
    const length = h[CONTENT_LENGTH];
    if (length === undefined || !DIGITS.test(length) || parseInt(length, 10) > bodyLimitBytes) return undefined;
    if (h[CONTENT_TYPE] === undefined || !isJsonType(h[CONTENT_TYPE]) || !goodIdempotencyKey(h[IDEMPOTENCY_KEY])) return undefined;
    const token = bearerOf(h[AUTHORIZATION]);
    const nowMs = deps.clock().getTime();
    // a token not verified yet, or revoked, goes to the chain, which verifies it or refuses it with its 401
    const verified = token === undefined ? undefined : knownToken(jwtSecret, token, nowMs, tokenMaxTtlSeconds, deps.projections.world);
    if (!verified || verified.scope === 'stream') return undefined;
    const actor = verified.actor;
    if (routeRefusal(deps, actor, ROUTE, doc, PATH, NO_QUERY)) return undefined;
    // last, as it is the one check that spends something: a refused caller goes to the chain, which refuses it again with its 429
    const rateKey = rateKeyOf(actor);
    if (buckets && buckets.take(actor.role === 'viewer' ? limitKeyAt(rateKey, incoming.socket.remoteAddress ?? '') : rateKey, nowMs) > 0) return undefined;
    return {
      t0,
      actor,
      requestId: requestIdOf(h[REQUEST_ID]),
      idempotencyKey: h[IDEMPOTENCY_KEY],
      correlationId: h[CORRELATION_ID],
      acceptLanguage: h[ACCEPT_LANGUAGE],
      acceptEncoding: h[ACCEPT_ENCODING],
    };
  };

  /** The command's answer: 201 with its events, or the problem the chain would send. */
  const decided = async (incoming: IncomingMessage, a: Admitted): Promise<{ status: number; text: string; problem?: { body: ProblemBody; headers?: Record<string, string> } }> => {
    try {
      const body = parsedJson(jsonBodyText(await bodyOf(incoming, bodyTimeoutSeconds)));
      if (!isCommandShape(body)) throw notACommand();
      const result = await deps.engine.handle(body, a.actor, commandOptions(a.idempotencyKey, a.correlationId));
      if (E.isLeft(result)) return problemAnswer({ body: fromProblem(result.left) }, a);
      await deps.projections.waitFor(result.right[result.right.length - 1]?.position ?? 0);
      return { status: 201, text: JSON.stringify({ events: result.right }) };
    } catch (err) {
      return problemAnswer(
        problemOfError(err, (e) => deps.log.error({ reqId: a.requestId, err: e }, 'unexpected error')),
        a,
      );
    }
  };
  const problemAnswer = (problem: { body: ProblemBody; headers?: Record<string, string> }, a: Admitted) => ({
    status: problem.body.status,
    text: problemText(problem.body, acceptedLang(a.acceptLanguage), a.requestId),
    problem,
  });

  const answer = async (incoming: IncomingMessage, outgoing: ServerResponse, a: Admitted): Promise<void> => {
    const { status, text, problem } = await decided(incoming, a);
    const own = problem ? problemHeaders(problem.body, acceptedLang(a.acceptLanguage), problem.headers ?? {}) : undefined;
    // the chain compresses a JSON answer of 1 kB or more for a client that accepts a coding (compression.ts)
    let body: string | Uint8Array = text;
    let length = Buffer.byteLength(text);
    const coding = length >= MIN_COMPRESSED_BYTES ? preferredCoding(a.acceptEncoding) : undefined;
    let flat: (string | number)[];
    if (coding) {
      body = await compress(Buffer.from(text), coding);
      length = body.byteLength;
      flat = wireHeaders({ ...(own ?? { 'content-type': 'application/json' }), 'content-encoding': coding, vary: 'Accept-Encoding' }, a.requestId, length);
    } else if (own) flat = wireHeaders(own, a.requestId, length);
    else {
      flat = ACCEPTED;
      flat[ACCEPTED_ID_AT] = a.requestId; // writeHead copies them at once
      flat[ACCEPTED_LENGTH_AT] = length;
    }
    const ms = performance.now() - a.t0;
    timerOf(status).observe(ms / 1000);
    writeAccessLineOf(deps.log, a.requestId, lineOf(a.actor, status), ms);
    outgoing.writeHead(status, flat as string[]);
    outgoing.end(body);
  };

  return (incoming, outgoing) => {
    if (incoming.method !== 'POST' || incoming.url !== PATH) return false;
    const t0 = performance.now();
    let admitted: Admitted | undefined;
    try {
      admitted = admit(incoming, t0);
    } catch {
      return false; // nothing spent or written: the chain answers, and reports what went wrong
    }
    if (!admitted) return false;
    answer(incoming, outgoing, admitted).catch((err: unknown) => {
      deps.log.error({ reqId: admitted.requestId, err }, 'answering a command failed');
      if (outgoing.headersSent) outgoing.destroy();
      else {
        outgoing.writeHead(500);
        outgoing.end();
      }
    });
    return true;
  };
};
