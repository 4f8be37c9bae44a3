// GET /api/teams, GET /api/reps?team= and GET /api/colleagues — who is on which team, as of
// asOf, and who is still on it at `at`; and the colleagues of other departments who may own a
// follow-up. Names, teams, departments and headcounts are what every role may read (SPEC §5a), so
// every role gets the whole roster.
import { Hono } from 'hono';
import { reviewsProjection } from '../../../core/reviews/readModels/reviews';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { repRows, teamRows } from '../../../core/teams/readModels/roster';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { atParam, worldFor } from '../query';

export const rosterRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/teams', async (c) => {
    const { world, asOf } = await worldFor(c, deps);
    const at = atParam(c, deps);
    return c.json({ asOf, at, teams: teamRows(world.get(directoryProjection), Date.parse(at)) });
  });

  app.get('/reps', async (c) => {
    const team = c.req.query('team') || undefined;
    const { world, asOf } = await worldFor(c, deps);
    const dir = world.get(directoryProjection);
    if (team !== undefined && !dir.teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
    const at = atParam(c, deps);
    return c.json({ asOf, at, team: team ?? null, reps: repRows(dir, Date.parse(at), team) });
  });

  app.get('/colleagues', async (c) => {
    const { world, asOf } = await worldFor(c, deps);
    const colleagues = [...world.get(reviewsProjection).colleagues.values()].sort((a, b) => (a.colleagueId < b.colleagueId ? -1 : a.colleagueId > b.colleagueId ? 1 : 0));
    return c.json({ asOf, colleagues: colleagues.map(({ colleagueId, name, department }) => ({ colleagueId, name, department })) });
  });

  return app;
};
