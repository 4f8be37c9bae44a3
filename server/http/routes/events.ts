// The log itself, for auditors: GET /api/events and GET /api/audit/verify (admin only).
import { Hono } from 'hono';
import { auditSaid } from '../../audit/auditWords';
import { verifyLog } from '../../audit/verifyLog';
import type { AppDeps, AppEnv } from '../env';
import { langOf } from '../lang';
import { HttpProblem } from '../problem';
import { intParam } from '../query';

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export const requireRole = (role: string, allowed: readonly string[]) => {
  if (!allowed.includes(role)) throw HttpProblem.of(403, 'Forbidden', `the ${role} role may not read this`);
};

export const eventRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/events', async (c) => {
    requireRole(c.get('actor').role, ['admin']);
    const after = intParam(c, 'after', 0, 0, Number.MAX_SAFE_INTEGER);
    const limit = intParam(c, 'limit', 100, 1, 1000);
    const stream = c.req.query('stream');
    if (stream !== undefined && !STREAM_NAME.test(stream)) throw HttpProblem.badParam('stream', 'expected a stream name such as tally-order-O-1001');
    const events = await deps.store.readAll({ after, limit, stream });
    const head = await deps.store.head();
    const last = events[events.length - 1]?.position;
    return c.json({ events, head: head.position, next: last !== undefined && events.length === limit ? last : null });
  });

  app.get('/audit/verify', async (c) => {
    requireRole(c.get('actor').role, ['admin']);
    const lang = langOf(c);
    const r = await verifyLog(deps.store);
    // the reason in the reader's language; `code` is what a client branches on
    return c.json(r.ok ? { ok: true, count: r.count, head: r.head } : { ok: false, count: r.count, head: r.head, badPosition: r.badPosition, code: r.code, reason: auditSaid(r.reason ?? '', lang) });
  });

  return app;
};

