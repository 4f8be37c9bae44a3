// GET /api/capacity?period=&team=&at= — reps a team needs to reach its revenue goal for a period
// at its trailing attainable output per rep, and the gap to its headcount at `at` (default now).
// A team figure (SPEC §5a, team KPIs): admin and viewer any team, a manager or rep its own team.
import { Hono } from 'hono';
import { capacity } from '../../../core/views/capacity';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { ID_PATTERN } from '../../../core/shared/codec';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { atParam, periodParam, worldFor } from '../query';
import { forbiddenFor, scopeOf } from '../security/scope';

export const capacityRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/capacity', async (c) => {
    const period = periodParam(c)!;
    const team = c.req.query('team') || undefined;
    if (team === undefined) throw HttpProblem.badParam('team', 'required: the id of the team whose capacity to measure');
    if (!ID_PATTERN.test(team)) throw HttpProblem.badParam('team', `expected a team id, got '${team}'`);
    const at = atParam(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const directory = world.get(directoryProjection);
    const actor = c.get('actor');
    const own = scopeOf(c) === 'all' ? team : actor.role === 'rep' ? directory.reps.get(actor.sub)?.teamId : actor.team;
    if (own !== team) throw forbiddenFor(actor, { team });
    if (!directory.teams.has(team)) throw HttpProblem.of(404, 'Not found', `unknown team '${team}'`);
    return c.json({ asOf, at, ...capacity(world, world.get(salesLedgerProjection), directory, period, team, Date.parse(at)) });
  });

  return app;
};
