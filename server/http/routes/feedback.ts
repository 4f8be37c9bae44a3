// GET /api/feedback?period=&owner=&flagAfterDays=&at=: satisfaction (average, NPS), complaints
// with time to resolution, open complaints older than N days flagged, suggestions. A rep sees
// own customers' feedback, a manager its team's; a viewer none.
import { Hono } from 'hono';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { feedbackOf, feedbackProjection } from '../../../core/feedback/readModels/feedback';
import { periodOf, toMillis } from '../../../core/shared/period';
import type { AppDeps, AppEnv } from '../env';
import { atParam, intParam, periodParam, worldFor } from '../query';
import { customerIn, ownerKey, ownerSelection } from './crmScope';

export const feedbackRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/feedback', async (c) => {
    const at = atParam(c, deps);
    const period = periodParam(c, 'period', false) ?? periodOf('month', at, deps.config.zone);
    const flagAfterDays = intParam(c, 'flagAfterDays', 7, 0, 3650);
    const sel = ownerSelection(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const answer = feedbackOf(world.get(feedbackProjection), customerIn(world, sel), period, deps.config.zone, toMillis(at), flagAfterDays);
    const names = world.get(directoryProjection).customers;
    const named = <T extends { customerId: string }>(rows: readonly T[]) => rows.map((r) => ({ ...r, customerName: names.get(r.customerId)?.name ?? r.customerId }));
    return c.json({
      owner: ownerKey(sel), period, at, asOf, flagAfterDays,
      satisfaction: answer.satisfaction,
      complaints: { ...answer.complaints, items: named(answer.complaints.items) },
      openComplaints: named(answer.openComplaints),
      suggestions: named(answer.suggestions),
    });
  });

  return app;
};
