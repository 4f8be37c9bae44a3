// GET /api/insights?kind=&tag=&salesPlanId=&from=&to= — market research, newest first, with the
// tags in use; an insight with a market size shows our revenue in its scope and our share. Insights are shared knowledge: every role but the viewer reads all of them.
import { Hono } from 'hono';
import { INSIGHT_KINDS } from '../../../core/insights/commands';
import { insightsWhere, insightTags } from '../../../core/insights/readModels/insights';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { ID_PATTERN } from '../../../core/shared/codec';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { marketShare } from '../../../core/views/marketShare';
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
    const ledger = world.get(salesLedgerProjection);
    const directory = world.get(directoryProjection);
    const noShare: { ourRevenue: number | null; share: string | null } = { ourRevenue: null, share: null };
    const insights = all.slice(0, limit).map((i) => ({ ...i, ...(i.marketSize ? marketShare(ledger, directory, i.marketSize) : noShare) }));
    return c.json({ asOf, total: all.length, insights, tags: insightTags(world) });
  });

  return app;
};
