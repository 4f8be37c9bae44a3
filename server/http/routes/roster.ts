// GET /api/teams and GET /api/reps?team= — who is on which team, as of asOf. Names, teams and
// headcounts are what every role may read (SPEC §5a), so every role gets the whole roster.
import { Hono } from 'hono';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { repRows, teamRows } from '../../../core/teams/readModels/roster';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { worldFor } from '../query';

export const rosterRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/teams', async (c) => {
    const { world, asOf } = await worldFor(c, deps);
    return c.json({ asOf, teams: teamRows(world.get(directoryProjection)) });
  });

  app.get('/reps', async (c) => {
    const team = c.req.query('team') || undefined;
    const { world, asOf } = await worldFor(c, deps);
    const dir = world.get(directoryProjection);
    if (team !== undefined && !dir.teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
    return c.json({ asOf, team: team ?? null, reps: repRows(dir, team) });
  });

  return app;
};
