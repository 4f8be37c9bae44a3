// GET /api/stream: server-sent events, one message per appended batch `{ position, types,
// streams }` whose id is the batch's last position, so a reconnect resumes with Last-Event-ID.
// Stream names are raw-event data (SPEC §5a): each subscriber hears the streams it may read (an
// admin all, a manager its own team's), a rep or viewer the event types only — enough for a widget
// to know what to fetch again.
// POST /api/stream/token mints the short-lived read-only token EventSource can carry in the URL.
import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { World } from '../../../core/fold/world';
import type { StoredEvent } from '../../../core/shared/envelope';
import { bearerOf, CLOCK_SKEW_SECONDS, mintToken, revokedToken, STREAM_TOKEN_TTL_SECONDS, tokenFingerprint } from '../auth';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { aboutOfEvent } from '../security/about';
import { mayRead, readerFor, type Reader } from '../security/readAccess';

const HEARTBEAT_MS = 15_000;

export interface StreamMessage {
  readonly position: number;
  readonly types: string[];
  /** absent when the subscriber may read none of the batch's streams */
  readonly streams?: string[];
}

export const messageFor = (reader: Reader, world: World, batch: readonly StoredEvent[]): StreamMessage => {
  const streams = [...new Set(batch.filter((e) => mayRead(reader, 'events', () => aboutOfEvent(e, world))).map((e) => e.stream))];
  return {
    position: batch[batch.length - 1].position,
    types: [...new Set(batch.map((e) => e.type))],
    ...(streams.length > 0 ? { streams } : {}),
  };
};

/** Missed events regrouped by command, for a client resuming after `after`. */
const missedSince = async (deps: AppDeps, after: number): Promise<StoredEvent[][]> => {
  const events = await deps.store.readAll({ after, limit: 10_000 });
  const groups: StoredEvent[][] = [];
  for (const e of events) {
    const g = groups[groups.length - 1];
    if (g && g[0].meta.commandId === e.meta.commandId) g.push(e);
    else groups.push([e]);
  }
  return groups;
};

export const streamRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.post('/stream/token', async (c) => {
    const actor = c.get('actor');
    const ttlSeconds = Math.min(STREAM_TOKEN_TTL_SECONDS, deps.config.tokenMaxTtlSeconds);
    // only a header token reaches here (a stream token may not mint), and its caps bind what it mints
    const mintedBy = tokenFingerprint(bearerOf(c.req.header('authorization')) ?? '');
    const token = await mintToken(deps.config.jwtSecret, { sub: actor.sub, role: actor.role, team: actor.team, ttlSeconds, scope: 'stream', mintedBy, now: deps.clock() });
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
    const reader = readerFor(c.get('actor'), deps.projections.world);
    // A stream lives no longer than its token: it ends when the token expires (with the clock skew
    // a request is allowed), saying so in a last `expired` event, and a reconnect needs a new token.
    const token = c.get('token');
    const closesAt = ((token?.exp ?? Infinity) + CLOCK_SKEW_SECONDS) * 1000;
    const msLeft = () => closesAt - deps.clock().getTime();
    return streamSSE(c, async (sse) => {
      const queue: (readonly StoredEvent[])[] = [];
      let wake: (() => void) | undefined;
      const unsubscribe = deps.projections.onApplied((batch) => {
        queue.push(batch);
        wake?.();
      });
      let open = true;
      // a stopping server ends the stream with a last `shutdown` event, so the client reconnects elsewhere
      let stopping = false;
      const leave = deps.lifecycle.openStream(() => {
        stopping = true;
        wake?.();
      });
      sse.onAbort(() => {
        open = false;
        unsubscribe();
        leave();
        wake?.();
      });
      if (after < deps.projections.position) queue.unshift(...(await missedSince(deps, after)));
      await sse.writeSSE({ event: 'ready', data: JSON.stringify({ position: deps.projections.position }), retry: 2000 });
      while (open) {
        if (stopping) {
          await sse.writeSSE({ event: 'shutdown', data: JSON.stringify({ position: after, reason: 'the server is shutting down; reconnect with Last-Event-ID' }) });
          break;
        }
        // a revocation folded while the stream is open ends it as an expiry does
        if (token && revokedToken(deps.projections.world, token)) {
          await sse.writeSSE({ event: 'expired', data: JSON.stringify({ reason: 'the token was revoked; reconnect with a new one' }) });
          break;
        }
        if (msLeft() <= 0) {
          await sse.writeSSE({ event: 'expired', data: JSON.stringify({ reason: 'the token has expired; reconnect with a fresh one' }) });
          break;
        }
        const batch = queue.shift();
        if (batch) {
          const m = messageFor(reader, deps.projections.world, batch);
          if (m.position <= after) continue;
          after = m.position;
          await sse.writeSSE({ id: String(m.position), data: JSON.stringify(m) });
          continue;
        }
        await new Promise<void>((resolve) => {
          wake = resolve;
          setTimeout(resolve, Math.max(0, Math.min(HEARTBEAT_MS, msLeft()))).unref?.();
        });
        wake = undefined;
        if (open && !stopping && queue.length === 0 && msLeft() > 0) await sse.write(': keep-alive\n\n');
      }
      unsubscribe();
      leave();
    });
  });

  return app;
};
