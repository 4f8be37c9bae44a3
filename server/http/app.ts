// createApp(deps) builds the whole HTTP surface with no side effects: main.ts serves it, tests
// call app.request(...). One onError and one notFound produce every problem+json.
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { AnswerCache, answerCache } from './answerCache';
import { bearerOf, unauthorized, verifyToken } from './auth';
import { compressAnswers } from './compression';
import type { AppDeps, AppEnv } from './env';
import { fastCommand, type FastAnswer } from './fastCommand';
import { fastRead } from './fastRead';
import { leftOutWarnings } from './leftOutWarnings';
import { HttpProblem, problemBody, problemOfError, sendProblem } from './problem';
import { openApiDocument } from './openapi';
import { apiRoutes } from './routes';
import { widgetDocRoutes } from './routes/widgetDocs';
import { widgetRoutes } from './routes/widgets';
import { crossOrigin } from './security/cors';
import { noStore, strictHeaders } from './security/headers';
import { jsonBodyGuard } from './security/jsonBody';
import { commonQueryParams } from './security/queryParams';
import { callerBuckets, rateLimit } from './security/rateLimit';
import { redactAnswers } from './security/redact';
import { routeGuard } from './security/routeGuard';
import { sseLimit } from './security/sseLimit';
import { asOfLimit } from './security/asOfLimit';
import { bodyDeadline } from './security/timeouts';
import { accessLog } from '../ops/accessLog';
import { opsRoutes } from '../ops/routes';

export type { AppDeps } from './env';

export const createApp = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();
  // shared by the chain and the fast paths in front of it (fastRead.ts, fastCommand.ts), which answer a kept read or a command without the chain
  const answers = new AnswerCache(deps.config.answerCacheBytes);
  const buckets = callerBuckets(deps);

  // First, so its line and latency hold everything after it, refusals included.
  app.use('*', accessLog(deps.log, deps.metrics));
  // Strict headers on everything; routes that must be loadable elsewhere (the widget bundle) set
  // their own Cross-Origin-Resource-Policy, which strictHeaders keeps.
  app.use('*', strictHeaders());
  app.use('*', compressAnswers());
  app.use('/api/*', noStore());

  // CORS for the configured origins, for requests with an Origin only (security/cors.ts)
  const cors = crossOrigin(deps.config.corsOrigins);
  app.use('/api/*', cors);
  app.use('/health', cors); // widgets read the deployment currency from it

  const tooLarge = () => HttpProblem.of(413, 'Payload too large', `the request body is larger than ${deps.config.bodyLimitBytes} bytes`);
  const limitBody = bodyLimit({
    maxSize: deps.config.bodyLimitBytes,
    onError: () => {
      throw tooLarge();
    },
  });
  // Asking for the body as a stream makes the Node adapter build a whole web Request (about a
  // tenth of a small request's cost): a GET or HEAD is not asked, and a body framed by a
  // Content-Length (HTTP guarantees its length) is judged by the header and left for the adapter's
  // direct read. Only a chunked body is counted as it streams.
  app.use('/api/*', (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const length = c.req.header('content-length');
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return limitBody(c, next);
    if (parseInt(length, 10) > deps.config.bodyLimitBytes) throw tooLarge();
    return next();
  });

  // Authentication: a Bearer header everywhere; on the SSE route also a stream-only query token.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'OPTIONS') return next();
    const header = bearerOf(c.req.header('authorization'));
    const query = c.req.path === '/api/stream' ? c.req.query('token') : undefined;
    const token = header ?? query;
    if (!token) throw unauthorized('send Authorization: Bearer <token>');
    const verified = await verifyToken(deps.config.jwtSecret, token, deps.clock(), deps.config.tokenMaxTtlSeconds, deps.projections.world);
    if (verified.scope === 'stream' && c.req.path !== '/api/stream')
      throw unauthorized('a stream token is only good for GET /api/stream');
    if (!header && verified.scope !== 'stream')
      throw unauthorized('only a short-lived stream token may travel in the query string; get one from POST /api/stream/token');
    c.set('actor', verified.actor);
    c.set('tokenScope', verified.scope);
    c.set('token', verified);
    return next();
  });

  // After authentication, in this order: spend the caller's rate budget (refused calls count too),
  // enforce the authorization matrix, check the shared query parameters, answer a read already made
  // for this caller's class at this position from the cache (answerCache.ts: what follows runs only
  // for a new answer, which it keeps as they leave it), read the body within its deadline and check
  // its nesting, cap open streams, bound the as-of replays, and redact every answer to what the
  // caller's role may read (SPEC §5a).
  app.use('/api/*', rateLimit(deps, buckets));
  app.use('/api/*', routeGuard(deps));
  app.use('/api/*', commonQueryParams());
  app.use('/api/*', answerCache(deps, answers));
  app.use('/api/*', bodyDeadline(deps.config));
  app.use('/api/*', jsonBodyGuard());
  app.use('/api/*', leftOutWarnings(deps));
  app.use('/api/stream', sseLimit(deps));
  app.use('/api/*', asOfLimit(deps));
  app.use('/api/*', redactAnswers(deps));

  app.get('/health', async (c) =>
    c.json({ status: 'ok', store: deps.store.kind, position: deps.projections.position, currency: deps.config.currency, timezone: deps.config.zone }),
  );
  app.route('/', opsRoutes(deps));
  app.get('/openapi.json', (c) => c.json(openApiDocument(deps.config.batchLimit)));
  app.route('/widgets', widgetRoutes({ corsOrigins: deps.config.corsOrigins }));
  app.route('/widgets', widgetDocRoutes({ corsOrigins: deps.config.corsOrigins }));

  app.route('/api', apiRoutes(deps));

  app.notFound((c) => sendProblem(c, problemBody(404, 'Not found', `no route for ${c.req.method} ${c.req.path}`)));

  app.onError((err, c) => {
    const { body, headers } = problemOfError(err, (e) => deps.log.error({ reqId: c.var.requestId, err: e }, 'unexpected error'));
    return sendProblem(c, body, headers);
  });

  // the fast paths in front of the chain, for the Node server (fastReadsFirst): a kept read, a single command
  const reads = fastRead(deps, answers, buckets);
  const commands = fastCommand(deps, buckets);
  const readFast: FastAnswer = (incoming, outgoing) => (incoming.method === 'GET' ? reads(incoming, outgoing) : commands(incoming, outgoing));
  return Object.assign(app, { readFast });
};
