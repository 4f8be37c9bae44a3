// GET /api/pipeline?owner=&period=&at=: deals by stage, the weighted forecast by month of
// expected close, won and lost with reasons and competitors, and coverage of the owner's revenue goal.
// A rep sees own deals, a manager its team's; a viewer none.
import { Hono } from 'hono';
import { pipelineOf, pipelineProjection, type PipelineAnswer } from '../../../core/pipeline/readModels/pipeline';
import type { World } from '../../../core/fold/world';
import { goalsProgress } from '../../../core/goals/readModels/goalProgress';
import { ratio } from '../../../core/shared/money';
import { toMillis } from '../../../core/shared/period';
import type { AppDeps, AppEnv } from '../env';
import { atParam, periodParam, worldFor } from '../query';
import { ownerKey, ownerSelection, repIn } from './crmScope';
import { coverageNoteIn } from '../answerWords';
import { langOf } from '../lang';

/**
 * Pipeline coverage: the open pipeline expected to close in the period over what is left of the
 * owner's revenue goal for that period (target − actual so far). Without a period or a goal the
 * goal part is absent.
 */
const coverageOf = (world: World, owner: string, period: string | undefined, at: string, p: PipelineAnswer) => {
  const base = { pipeline: p.open.amount, weighted: p.open.weighted };
  if (!period) return { ...base, goal: null, ratio: null, weightedRatio: null, note: 'give a period to measure coverage against the revenue goal of that period' };
  const goal = goalsProgress(world, { owner, period, metric: 'revenue' }, { at })[0];
  if (!goal) return { ...base, goal: null, ratio: null, weightedRatio: null, note: `no revenue goal for ${owner} in ${period}` };
  const remaining = Math.max(0, goal.target - goal.actual);
  return {
    ...base,
    goal: { goalId: goal.goalId, target: goal.target, actual: goal.actual, remaining },
    ratio: ratio(p.open.amount, remaining),
    weightedRatio: ratio(p.open.weighted, remaining),
  };
};

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
    const coverage = coverageOf(world, owner, period, at, answer);
    return c.json({ owner, period: period ?? null, at, asOf, ...answer, coverage: 'note' in coverage ? { ...coverage, note: coverageNoteIn(coverage.note, langOf(c)) } : coverage });
  });

  return app;
};
