// Every JSON answer of a GET says when the log holds events no figure counts (an older version's
// period of the year 1000, say: core/fold/outOfRange.ts): a `warnings` line naming them.
// The answer is parsed again only then, so a clean log costs one comparison per request.
import type { MiddlewareHandler } from 'hono';
import { leftOutWarning } from '../../core/fold/outOfRange';
import { leftOutWarningIn } from './answerWords';
import type { AppDeps, AppEnv } from './env';
import { problemLangOf } from './lang';

export const leftOutWarnings = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  await next();
  if (c.req.method !== 'GET' || c.res.status !== 200 || !c.res.headers.get('content-type')?.startsWith('application/json')) return;
  const live = deps.projections.world;
  const { listed, more } = live.leftOut(c.get('answeredAt') ?? live.position);
  if (listed.length + more === 0) return;
  const body: unknown = await c.res.clone().json();
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return;
  const earlier = (body as { warnings?: unknown }).warnings;
  // in the reader's language; a `lang` Tally does not write was refused before an answer was made
  const warnings = [...(Array.isArray(earlier) ? earlier : []), leftOutWarningIn(leftOutWarning(listed, more), problemLangOf(c))];
  const headers = new Headers(c.res.headers);
  headers.delete('content-length');
  const status = c.res.status;
  c.res = undefined;
  c.res = new Response(JSON.stringify({ ...body, warnings }), { status, headers });
};
