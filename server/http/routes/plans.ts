// GET /api/plans?period=&owner= and GET /api/plans/:salesPlanId — a sales plan's budget against
// expenses by category, resources, milestones (overdue at `at`), contingencies, linked goals'
// progress and the insights that inform it. Scoped like goals, by the plan's owner.
import { Hono } from 'hono';
import { budgetOf, overdueMilestones, planRecord, plansWhere, planView } from '../../../core/plans/readModels/plans';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { atParam, periodParam, worldFor } from '../query';
import { ensureOwner, ownerFilter, ownerParam } from './ownerScope';

export const planRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/plans', async (c) => {
    const owner = ownerParam(c);
    const period = periodParam(c, 'period', false);
    const at = atParam(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const filter = { owner, period, visible: ownerFilter(c, deps) };
    const overdue = overdueMilestones(world, filter, at);
    const plans = plansWhere(world, filter).map((p) => {
      const budget = budgetOf(p, Date.parse(at));
      return {
        salesPlanId: p.salesPlanId, title: p.title, period: p.period, owner: p.owner, goalIds: p.goalIds,
        budget: { allocated: budget.allocated, spent: budget.spent, remaining: budget.remaining, overBudget: budget.overBudget, reserve: budget.reserve },
        milestones: { total: p.milestones.size, overdue: overdue.filter((m) => m.salesPlanId === p.salesPlanId).length },
      };
    });
    return c.json({ asOf, at, plans });
  });

  app.get('/plans/:salesPlanId', async (c) => {
    const id = c.req.param('salesPlanId');
    const { world, asOf } = await worldFor(c, deps);
    const p = planRecord(world, id);
    if (!p) throw HttpProblem.of(404, 'Not found', `unknown sales plan '${id}'`);
    ensureOwner(c, deps, p.owner);
    return c.json({ ...planView(world, id, { at: atParam(c, deps), policy: deps.config.goals })!, asOf });
  });

  return app;
};
