// GET /api/analytics?period=&by=&owner=&at=&lang=: sales by rep, team, month, week, day, region, product,
// tier, channel, promotion or campaign with SPEC §4's columns, read from the sales ledger, to `at` (default now). A rep's rows cover its own credits, a
// manager's its team's (the team credited at the time of the sale); a viewer none.
import { Hono } from 'hono';
import { analytics, ANALYTICS_BY, type AnalyticsScope } from '../../../core/views/analytics';
import { classifyAt, customersProjection } from '../../../core/customers/readModels/customers';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { saleTermsProjection } from '../../../core/sales/readModels/saleTerms';
import { campaignList, campaignsProjection } from '../../../core/campaigns/readModels/campaigns';
import type { AppDeps, AppEnv } from '../env';
import { growthNoteIn } from '../answerWords';
import { langOf } from '../lang';
import { HttpProblem } from '../problem';
import { measuredAt, oneOfParam, periodParam, worldFor } from '../query';
import { ownerKey, ownerSelection } from './crmScope';

export const analyticsRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/analytics', async (c) => {
    const period = periodParam(c)!;
    const by = oneOfParam(c, 'by', ANALYTICS_BY);
    if (!by) throw HttpProblem.badParam('by', `required: one of ${ANALYTICS_BY.join(', ')}`);
    const sel = ownerSelection(c, deps);
    const scope: AnalyticsScope = sel.kind === 'company' ? { kind: 'all' } : sel.kind === 'team' ? { kind: 'team', teamId: sel.teamId } : { kind: 'rep', repId: sel.repId };
    const { world, asOf } = await worldFor(c, deps);
    const ledger = world.get(salesLedgerProjection);
    const customers = world.get(customersProjection);
    const tierAt = (atMs: number) => new Map([...classifyAt(customers, ledger, atMs).tiers].map(([id, t]) => [id, t.tier as string]));
    const at = measuredAt(c, deps);
    const answer = analytics({ ledger, directory: world.get(directoryProjection), tierAt, terms: world.get(saleTermsProjection), campaigns: campaignList(world.get(campaignsProjection)) }, period, by, scope, at);
    // why a row has no growth is said in the reader's language, as on the leaderboard
    const lang = langOf(c);
    const rows = answer.rows.map((r) => ({ ...r, growthNote: growthNoteIn(r.growthNote, lang) }));
    return c.json({ period, by, owner: ownerKey(sel), asOf, at: new Date(at).toISOString(), ...answer, rows });
  });

  return app;
};
