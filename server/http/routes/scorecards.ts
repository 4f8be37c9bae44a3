// GET /api/scorecards/:scorecardId?period=&team= and GET /api/appraisals?rep=&team=&period=.
// A rep sees only their own row and appraisals; a manager their team; a viewer neither.
import { Hono } from 'hono';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { appraisalsWithDrift, periodMismatch, scorecardRows } from '../../../core/scorecards/readModels/scorecards';
import { parsePeriod } from '../../../core/shared/period';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { periodParam, worldFor } from '../query';
import { scopeOf } from '../security/scope';

export const scorecardRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/scorecards/:scorecardId', async (c) => {
    const period = periodParam(c)!;
    const kind = parsePeriod(period)!.kind;
    if (kind === 'week' || kind === 'day') throw HttpProblem.badParam('period', 'a scorecard measures a month, a quarter or a year');
    const actor = c.get('actor');
    const access = scopeOf(c);
    const team = access === 'own-team' ? actor.team : c.req.query('team') || undefined;
    const { world, asOf } = await worldFor(c, deps);
    if (team !== undefined && !world.get(directoryProjection).teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
    const mismatch = periodMismatch(world, c.req.param('scorecardId'), period);
    if (mismatch) throw HttpProblem.badParam('period', mismatch);
    const result = scorecardRows(world, c.req.param('scorecardId'), period, team);
    if (!result) throw HttpProblem.of(404, 'Not found', `unknown scorecard '${c.req.param('scorecardId')}' (or none in force for ${period})`);
    const rows = access === 'own-rep' ? result.rows.filter((r) => r.repId === actor.sub) : result.rows;
    return c.json({ ...result, team: team ?? null, asOf, rows });
  });

  app.get('/appraisals', async (c) => {
    const actor = c.get('actor');
    const access = scopeOf(c);
    const period = periodParam(c, 'period', false);
    const repId = access === 'own-rep' ? actor.sub : c.req.query('rep') || undefined;
    const teamId = access === 'own-team' ? actor.team : c.req.query('team') || undefined;
    const { world, asOf } = await worldFor(c, deps);
    return c.json({ asOf, appraisals: appraisalsWithDrift(world, { repId, teamId, period }) });
  });

  return app;
};
