// GET /api/teams and GET /api/reps?team= — who is on which team, as of asOf, and who is still on
// it at `at`. Names, teams and headcounts are what every role may read (SPEC §5a), so every role
// gets the whole roster.
import { Hono } from 'hono';
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

  return app;
};
