// GET /api/webhooks/:webhookId (admin): a webhook as registered (its secret left out) and where its
// delivery stands — lastDelivered (the last position a receiver acknowledged), pending (events it
// takes that wait), failures (attempts failed since the last acknowledgement), lastError, nextAttemptAt.
import { Hono } from 'hono';
import { webhookRow } from '../../../core/webhooks/readModels/webhooks';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';

export const webhookRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/webhooks/:webhookId', async (c) => {
    const webhookId = c.req.param('webhookId');
    const w = webhookRow(deps.projections.world, webhookId);
    const status = await deps.webhooks.status(webhookId);
    if (!w || !status) throw HttpProblem.of(404, 'Not found', `unknown webhook '${webhookId}'`);
    return c.json({
      webhookId: w.webhookId,
      url: w.url,
      format: w.format,
      types: w.types ?? null,
      kinds: w.kinds ?? null,
      signed: w.secret !== undefined,
      registeredAt: w.registeredAt,
      removedAt: w.removedAt ?? null,
      ...status,
    });
  });

  return app;
};
