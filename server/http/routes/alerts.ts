// GET /api/alerts?owner=&since=: the alerts raised (AlertRaised events), newest first, each scoped
// like the data it is about — a goal's like the goal (the goal routes' owner scope), a milestone's
// and an action item's as team work, a deal's and a care task's as customer data, an appraisal's
// as pay (SPEC §5a) — so a rep sees its own, a manager its team's, a viewer goals and team work.
import { Hono } from 'hono';
import { alertsWhere, type AlertRow } from '../../../core/alerts/readModels/alerts';
import type { AppDeps, AppEnv } from '../env';
import { instantParam, worldFor } from '../query';
import { aboutOfRow } from '../security/about';
import { alertClass, mayRead, readerFor } from '../security/readAccess';
import { reaches, scopeOf } from '../security/scope';
import { ownerParam, subjectOfOwner } from './ownerScope';

export const alertRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/alerts', async (c) => {
    const owner = ownerParam(c);
    const since = instantParam(c, 'since');
    const { world, asOf } = await worldFor(c, deps);
    const actor = c.get('actor');
    const access = scopeOf(c);
    const reader = readerFor(actor, deps.projections.world);
    const visible = (a: AlertRow) =>
      reaches(deps, actor, access, subjectOfOwner(a.owner)) && mayRead(reader, alertClass(a.kind), () => aboutOfRow({ owner: a.owner }));
    const alerts = alertsWhere(world, { owner, sinceMs: since ? Date.parse(since) : undefined, visible });
    return c.json({ asOf, alerts });
  });

  return app;
};
