// GET /api/stream: server-sent events, one message per appended batch `{ position, types,
// streams }` whose id is the batch's last position, so a reconnect resumes with Last-Event-ID.
// POST /api/stream/token mints the short-lived read-only token EventSource can carry in the URL.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { StoredEvent } from '../../../core/shared/envelope';
import { mintToken, STREAM_TOKEN_TTL_SECONDS } from '../auth';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';

const HEARTBEAT_MS = 15_000;

export interface StreamMessage {
  readonly position: number;
  readonly types: string[];
  readonly streams: string[];
}

export const messageOf = (batch: readonly StoredEvent[]): StreamMessage => ({
  position: batch[batch.length - 1].position,
  types: [...new Set(batch.map((e) => e.type))],
  streams: [...new Set(batch.map((e) => e.stream))],
});

/** Missed events regrouped by command, for a client resuming after `after`. */
const missedSince = async (deps: AppDeps, after: number): Promise<StreamMessage[]> => {
  const events = await deps.store.readAll({ after, limit: 10_000 });
  const groups: StoredEvent[][] = [];
  for (const e of events) {
    const g = groups[groups.length - 1];
    if (g && g[0].meta.commandId === e.meta.commandId) g.push(e);
    else groups.push([e]);
  }
  return groups.map(messageOf);
};

export const streamRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.post('/stream/token', async (c) => {
    const actor = c.get('actor');
    const ttlSeconds = Math.min(STREAM_TOKEN_TTL_SECONDS, deps.config.tokenMaxTtlSeconds);
    const token = await mintToken(deps.config.jwtSecret, { sub: actor.sub, role: actor.role, team: actor.team, ttlSeconds, scope: 'stream', now: deps.clock() });
    return c.json({ token, expiresIn: ttlSeconds });
  });

  app.get('/stream', (c) => {
    const lastId = c.req.header('last-event-id') ?? c.req.query('lastEventId');
    let after = deps.projections.position;
    if (lastId !== undefined && lastId !== '') {
      const n = Number(lastId);
      if (!Number.isSafeInteger(n) || n < 0) throw HttpProblem.badParam('Last-Event-ID', `expected a position, got '${lastId}'`);
      after = n;
    }
    return streamSSE(c, async (sse) => {
      const queue: StreamMessage[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.projections.onApplied((batch) => {
        queue.push(messageOf(batch));
        wake?.();
      });
      let open = true;
      sse.onAbort(() => {
        open = false;
        unsubscribe();
        wake?.();
      });
      if (after < deps.projections.position) queue.unshift(...(await missedSince(deps, after)));
      await sse.writeSSE({ event: 'ready', data: JSON.stringify({ position: deps.projections.position }), retry: 2000 });
      while (open) {
        const m = queue.shift();
        if (m) {
          if (m.position <= after) continue;
          after = m.position;
          await sse.writeSSE({ id: String(m.position), data: JSON.stringify(m) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, HEARTBEAT_MS).unref?.();
        });
        wake = undefined;
        if (open && queue.length === 0) await sse.write(': keep-alive\n\n');
      }
    });
  });

  return app;
};
