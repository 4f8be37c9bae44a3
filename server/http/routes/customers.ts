// GET /api/customers?tier=&owner=&at= and GET /api/customers/:customerId?at=: profiles, figures
// and tiers as of a business moment (`at`) and of what was known then (`asOf`). A rep sees own
// customers, a manager its team's; a viewer none (customer data is personal).
import { Hono } from 'hono';
import { TIERS } from '../../../core/care/commands';
import { customerDetail, customerRows } from '../../../core/views/customerView';
import { toMillis } from '../../../core/shared/period';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { atParam, intParam, oneOfParam, worldFor } from '../query';
import { customerIn, ownerSelection } from './crmScope';
import { forbiddenFor, scopeOf } from '../security/scope';
import { rfmIn, tierReasonIn, tierRuleIn } from '../answerWords';
import { langOf } from '../lang';

export const customerRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/customers', async (c) => {
    const tier = oneOfParam(c, 'tier', TIERS);
    const limit = intParam(c, 'limit', 1000, 1, 10_000);
    const offset = intParam(c, 'offset', 0, 0, Number.MAX_SAFE_INTEGER);
    const sel = ownerSelection(c, deps);
    const at = atParam(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const inScope = customerIn(world, sel);
    const all = customerRows(world, toMillis(at), (info) => sel.kind === 'company' || inScope(info.customerId));
    const rows = tier ? all.rows.filter((r) => r.tier === tier) : all.rows;
    const lang = langOf(c);
    const page = rows.slice(offset, offset + limit).map((r) => ({ ...r, rfm: rfmIn(r.rfm, lang) }));
    return c.json({
      at, asOf, owner: c.req.query('owner') || null, tier: tier ?? null,
      policy: { ...all.policy, rule: tierRuleIn(all.rule, lang), ranked: all.ranked },
      total: rows.length, customers: page, next: offset + page.length < rows.length ? offset + page.length : null,
    });
  });

  app.get('/customers/:customerId', async (c) => {
    const customerId = c.req.param('customerId');
    const at = atParam(c, deps);
    const { world, asOf } = await worldFor(c, deps);
    const detail = customerDetail(world, customerId, toMillis(at));
    if (!detail) throw HttpProblem.of(404, 'Not found', `unknown customer '${customerId}'`);
    const access = scopeOf(c);
    const actor = c.get('actor');
    if (access !== 'all' && !customerIn(world, access === 'own-team' ? { kind: 'team', teamId: actor.team ?? '' } : { kind: 'rep', repId: actor.sub })(customerId))
      throw forbiddenFor(actor, { rep: detail.ownerRepId });
    const lang = langOf(c);
    return c.json({ at, asOf, ...detail, rfm: rfmIn(detail.rfm, lang), tier: { ...detail.tier, reason: tierReasonIn(detail.tier.reason, lang), rule: tierRuleIn(detail.tier.rule, lang) } });
  });

  return app;
};
