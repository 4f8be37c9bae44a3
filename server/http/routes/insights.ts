// GET /api/insights?kind=&tag=&salesPlanId=&from=&to= — market research, newest first, with the
// tags in use. Insights are shared knowledge: every role but the viewer reads all of them.
import { Hono } from 'hono';
import { INSIGHT_KINDS } from '../../../core/insights/commands';
import { insightsWhere, insightTags } from '../../../core/insights/readModels/insights';
import { ID_PATTERN } from '../../../core/shared/codec';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { instantParam, intParam, oneOfParam, worldFor } from '../query';

export const insightRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/insights', async (c) => {
    const kind = oneOfParam(c, 'kind', INSIGHT_KINDS);
    const tag = c.req.query('tag') || undefined;
    if (tag !== undefined && tag.length > 40) throw HttpProblem.badParam('tag', 'expected a tag of at most 40 characters');
    const salesPlanId = c.req.query('salesPlanId') || undefined;
    if (salesPlanId !== undefined && !ID_PATTERN.test(salesPlanId)) throw HttpProblem.badParam('salesPlanId', `expected a plan id, got '${salesPlanId}'`);
    const from = instantParam(c, 'from');
    const to = instantParam(c, 'to');
    const limit = intParam(c, 'limit', 100, 1, 1000);
    const { world, asOf } = await worldFor(c, deps);
    const all = insightsWhere(world, { kind, tag, salesPlanId, from: from ? Date.parse(from) : undefined, to: to ? Date.parse(to) : undefined });
    return c.json({ asOf, total: all.length, insights: all.slice(0, limit), tags: insightTags(world) });
  });

  return app;
};
