// GET /api/disputes?status=&rep= : disputes on statement lines. A rep sees their own, a manager
// their team's, an admin all; viewers none.
import { Hono } from 'hono';
import { disputesProjection, disputesWhere, type DisputeRecord } from '../../../core/incentives/readModels/disputes';
import type { AppDeps, AppEnv } from '../env';
import { oneOfParam, worldFor } from '../query';
import { scopeOf } from '../security/scope';

export const disputeRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/disputes', async (c) => {
    const status = oneOfParam(c, 'status', ['open', 'upheld', 'rejected'] as const);
    const rep = c.req.query('rep') || undefined;
    const actor = c.get('actor');
    const access = scopeOf(c);
    const visible = (d: DisputeRecord) =>
      (rep === undefined || d.repId === rep) && (access === 'all' || (access === 'own-team' ? d.teamId === actor.team : d.repId === actor.sub));
    const { world, asOf } = await worldFor(c, deps);
    return c.json({ status: status ?? null, asOf, disputes: disputesWhere(world.get(disputesProjection), status, visible) });
  });

  return app;
};
