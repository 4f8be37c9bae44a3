// GET /api/leaderboard?period=&metric=&team=&limit=&rankBy= (SPEC §4). The ranking is memoised per
// log position; a request filters, slices and shapes it. Callers see attainment and growth only
// for reps in their own scope (a rep: themselves, a manager: their team); a rep also gets their own
// entry as `me` even outside the limit.
import { Hono } from 'hono';
import { directoryProjection } from '../../../core/readModels/directory';
import { RANK_BY, rankedEntries, type LeaderboardEntry } from '../../../core/readModels/leaderboard';
import { METRICS } from '../../../core/readModels/salesLedger';
import { periodOf } from '../../../core/shared/period';
import type { Actor } from '../../engine/actor';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { intParam, oneOfParam, periodParam, worldFor } from '../query';

/** May the caller see this rep's attainment and growth, not only name and value? */
const fullView = (actor: Actor, e: LeaderboardEntry): boolean =>
  actor.role === 'admin' || (actor.role === 'manager' && e.teamId === actor.team) || (actor.role === 'rep' && e.repId === actor.sub);

const shaped = (actor: Actor, e: LeaderboardEntry) => (fullView(actor, e) ? e : { rank: e.rank, repId: e.repId, name: e.name, teamId: e.teamId, value: e.value });

export const leaderboardRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/leaderboard', async (c) => {
    const actor = c.get('actor');
    const period = periodParam(c, 'period', false) ?? periodOf('month', deps.clock().getTime(), deps.config.zone);
    const metric = oneOfParam(c, 'metric', METRICS, 'revenue')!;
    const rankBy = oneOfParam(c, 'rankBy', RANK_BY, 'value')!;
    const limit = intParam(c, 'limit', 100, 1, 1000);
    const { world, asOf } = await worldFor(c, deps);
    const team = c.req.query('team') || undefined;
    if (team !== undefined && !world.get(directoryProjection).teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
    const ranked = rankedEntries(world, { period, metric, rankBy, team });
    const entries = ranked.slice(0, limit).map((e) => shaped(actor, e));
    const body: Record<string, unknown> = { period, metric, rankBy, asOf, team: team ?? null, total: ranked.length, entries };
    if (actor.role === 'rep') body.me = ranked.find((e) => e.repId === actor.sub) ?? null;
    return c.json(body);
  });

  return app;
};
