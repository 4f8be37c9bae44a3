// GET /api/pipeline?owner=&period=&at=: deals by stage, the weighted forecast by month of
// expected close, won and lost with reasons and competitors, and coverage of the owner's goal.
// A rep sees own deals, a manager its team's; a viewer none.
import { Hono } from 'hono';
import { pipelineOf, pipelineProjection, type PipelineAnswer } from '../../../core/readModels/pipeline';
import type { World } from '../../../core/readModels/world';
import { toMillis } from '../../../core/shared/period';
import type { AppDeps, AppEnv } from '../env';
import { atParam, periodParam, worldFor } from '../query';
import { ownerKey, ownerSelection, repIn } from './crmScope';

/**
 * Pipeline coverage: open pipeline over what is left of the owner's revenue goal for the period.
 * Goals are not built yet, so the goal part is reported absent.
 */
const coverageOf = (_world: World, _owner: string, period: string | undefined, p: PipelineAnswer) => ({
  pipeline: p.open.amount,
  weighted: p.open.weighted,
  goal: null,
  remaining: null,
  ratio: null as number | null,
  note: period ? 'no revenue goals are available to measure coverage against yet' : 'give a period to measure coverage against the goal of that period',
});

export const pipelineRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/pipeline', async (c) => {
    const period = periodParam(c, 'period', false);
    const sel = ownerSelection(c, deps);
    const at = atParam(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const mine = repIn(world, sel);
    const answer = pipelineOf(world.get(pipelineProjection), (d) => mine(d.repId), period, toMillis(at));
    const owner = ownerKey(sel);
    return c.json({ owner, period: period ?? null, at, asOf, ...answer, coverage: coverageOf(world, owner, period, answer) });
  });

  return app;
};
