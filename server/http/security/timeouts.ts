// A slow client may not hold a connection: the request's headers must arrive within
// TALLY_HEADERS_TIMEOUT (Node closes the connection with a bare 408) and its body within
// TALLY_BODY_TIMEOUT (a 408 problem, from the body reader below; Node's own request timeout stays
// a little later, as a backstop for bodies nobody reads). Both limits end once the request is in,
// so a long-lived response such as a GET /api/stream is not cut by them. A body the client
// abandons half-way is one line in the log, not a stack trace and a 500.
import type { ServerOptions } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import type { Config } from '../../config';
import type { AppEnv } from '../env';
import { HttpProblem } from '../problem';

/** Node's request timeouts are enforced by a sweep of the open connections: this often. */
const SWEEP_MS = 1_000;
/** Node's backstop for the whole request comes this long after the body deadline. */
const BACKSTOP_MS = 5_000;

/** Options for http.createServer that bound how long a client may take to send its request. */
export const requestTimeouts = (config: Pick<Config, 'headersTimeoutSeconds' | 'bodyTimeoutSeconds'>): ServerOptions => ({
  headersTimeout: config.headersTimeoutSeconds * 1000,
  requestTimeout: config.bodyTimeoutSeconds * 1000 + BACKSTOP_MS,
  connectionsCheckingInterval: SWEEP_MS,
});

/** Node reports a client that went away mid-body as an 'aborted' ECONNRESET on the request stream. */
export const isAbort = (e: unknown): boolean => (e as NodeJS.ErrnoException)?.code === 'ECONNRESET' || (e as Error)?.message === 'aborted';

/** What a body not in by the deadline is: abandoned when its client has gone (a read that never ends), else a 408 for it. */
export const lateBody = (seconds: number, socket: { destroyed?: boolean } | undefined): Error =>
  socket?.destroyed ? Object.assign(new Error('aborted'), { code: 'ECONNRESET' }) : HttpProblem.of(408, 'Request timeout', `the request body did not arrive within ${seconds} s`, {}, { connection: 'close' });

/** A body its client abandoned half-way: one line in the log, and the 400 nobody will read. */
export const abandonedBody = (method: string, path: string): HttpProblem => {
  console.warn(`${method} ${path}: the client went away before its request body was complete`);
  return HttpProblem.of(400, 'Invalid input', 'the request body ended before it was complete');
};

/**
 * Whether the request carries a body. From the Node adapter HTTP/1.1's framing says so (a
 * Content-Length above 0, or a Transfer-Encoding): asking for `c.req.raw.body` would make the
 * adapter build a whole web Request with a body stream, about a seventh of a command's CPU. An
 * in-process request (tests) is a web Request already and is asked.
 */
const hasBody = (c: Context<AppEnv>): boolean => {
  if (!(c.env as { incoming?: unknown } | undefined)?.incoming) return c.req.raw.body !== null;
  const length = c.req.header('content-length');
  return (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined;
};

/**
 * Reads the body of every request that has one, within the deadline, so that the handlers' own
 * reads (Hono keeps the bytes) find it there. Runs after authentication: an anonymous request is
 * refused before its body is waited for.
 */
export const bodyDeadline = (config: Pick<Config, 'bodyTimeoutSeconds'>): MiddlewareHandler<AppEnv> => async (c, next) => {
  if (c.req.method === 'GET' || c.req.method === 'HEAD' || c.req.method === 'OPTIONS' || !hasBody(c)) return next();
  const seconds = config.bodyTimeoutSeconds;
  let timer: NodeJS.Timeout | undefined;
  // A client that went away before its body was read leaves a read that never ends: at the
  // deadline that is an abandoned body too, not a 408 sent to nobody.
  const socket = (c.env as { incoming?: { socket?: { destroyed?: boolean } } } | undefined)?.incoming?.socket;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(lateBody(seconds, socket)), seconds * 1000);
  });
  const reading = c.req.arrayBuffer(); // the bytes: text would mend what is not UTF-8 before jsonBody.ts could refuse it
  reading.catch(() => undefined); // after a timeout nobody awaits it any more
  try {
    await Promise.race([reading, late]);
  } catch (e) {
    if (!isAbort(e)) throw e;
    throw abandonedBody(c.req.method, c.req.path);
  } finally {
    clearTimeout(timer);
  }
  return next();
};
