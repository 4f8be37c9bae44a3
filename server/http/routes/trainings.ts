// GET /api/trainings and GET /api/trainings/:trainingId?metric=&days= — attendance and each
// member's metric before and after the session in equal windows. A manager sees their team's
// members, a rep only themselves.
import { Hono, type Context } from 'hono';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { METRICS } from '../../../core/ledger/salesLedger';
import { trainingRecord, trainingsList, trainingView } from '../../../core/training/readModels/trainings';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { atParam, intParam, oneOfParam, worldFor } from '../query';

/** The reps whose training figures the caller may see; undefined means all. */
const visibleRep = (c: Context<AppEnv>, deps: AppDeps): ((repId: string) => boolean) | undefined => {
  const actor = c.get('actor');
  if (actor.role === 'admin') return undefined;
  if (actor.role === 'rep') return (r) => r === actor.sub;
  const reps = deps.projections.world.get(directoryProjection).reps;
  return (r) => reps.get(r)?.teamId === actor.team;
};

export const trainingRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/trainings', async (c) => {
    const { world, asOf } = await worldFor(c, deps);
    return c.json({ asOf, trainings: trainingsList(world, { visible: visibleRep(c, deps) }) });
  });

  app.get('/trainings/:trainingId', async (c) => {
    const id = c.req.param('trainingId');
    const metric = oneOfParam(c, 'metric', METRICS, 'revenue')!;
    const days = intParam(c, 'days', deps.config.trainingWindowDays, 1, 366);
    const { world, asOf } = await worldFor(c, deps);
    const t = trainingRecord(world, id);
    if (!t) throw HttpProblem.of(404, 'Not found', `unknown training '${id}'`);
    const visible = visibleRep(c, deps);
    if (visible && !t.repIds.some(visible)) throw HttpProblem.of(403, 'Forbidden', `training '${id}' has none of the reps a ${c.get('actor').role} may see`);
    return c.json({ ...trainingView(world, id, { at: atParam(c, deps), metric, days, visible })!, asOf });
  });

  return app;
};
