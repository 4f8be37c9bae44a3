// GET /api/goals?owner=&period=&metric= and GET /api/goals/:goalId — GoalProgress (SPEC §4) with
// the SMART check, revisions, pace alerts, the alert raised about its pace as it stands, and (for
// one goal) the sparkline series. Answers come from incrementally kept read models; asOf picks the
// log position, at the business moment.
import { Hono } from 'hono';
import { openGoalAlert } from '../../../core/alerts/due';
import type { World } from '../../../core/fold/world';
import { goalProgress, goalsProgress, turnedOn, type GoalProgress } from '../../../core/goals/readModels/goalProgress';
import { goalRecord } from '../../../core/goals/readModels/goals';
import { goalIn } from '../answerWords';
import type { AppDeps, AppEnv } from '../env';
import { langOf } from '../lang';
import { HttpProblem } from '../problem';
import { atParam, periodParam, worldFor } from '../query';
import { ensureOwner, ownerFilter, ownerParam } from './ownerScope';

/** A goal with the alert raised about its pace as it stands (`openAlert`), or null: what the goal tracker marks. */
const withOpenAlert = <G extends GoalProgress>(world: World, g: G) => {
  // the few fields the alert's identity needs, not a copy of the whole goal for each goal listed
  const a = openGoalAlert(world, { goalId: g.goalId, period: g.period, pace: g.pace, since: turnedOn(g) });
  return { ...g, openAlert: a ? { alertId: a.alertId, kind: a.kind, at: a.at, raisedAt: a.raisedAt } : null };
};

const METRIC_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

export const goalRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/goals', async (c) => {
    const owner = ownerParam(c);
    const { world, asOf } = await worldFor(c, deps);
    const period = periodParam(c, 'period', false);
    const metric = c.req.query('metric') || undefined;
    if (metric !== undefined && !METRIC_NAME.test(metric)) throw HttpProblem.badParam('metric', `expected a metric name such as revenue, got '${metric}'`);
    const at = atParam(c, deps);
    const goals = goalsProgress(world, { owner, period, metric, visible: ownerFilter(c, deps) }, { at, policy: deps.config.goals });
    const lang = langOf(c);
    return c.json({ asOf, at, goals: goals.map((g) => withOpenAlert(world, goalIn(g, lang))) });
  });

  app.get('/goals/:goalId', async (c) => {
    const goalId = c.req.param('goalId');
    const { world } = await worldFor(c, deps);
    const g = goalRecord(world, goalId);
    if (!g) throw HttpProblem.of(404, 'Not found', `unknown goal '${goalId}'`);
    ensureOwner(c, deps, g.owner);
    const series = c.req.query('series') !== '0';
    const progress = goalProgress(world, goalId, { at: atParam(c, deps), policy: deps.config.goals, series });
    return c.json(progress && withOpenAlert(world, goalIn(progress, langOf(c))));
  });

  return app;
};
