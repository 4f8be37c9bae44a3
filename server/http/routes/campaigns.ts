// GET /api/campaigns and GET /api/campaigns/:campaignId — each campaign's budget and spend
// against the revenue credited to it and the customers it won, with its ROI (core/views/campaigns.ts).
// Campaigns are the company's marketing, so every role but the viewer reads all of them (sums, no customer).
import { Hono } from 'hono';
import { campaignList, campaignsProjection } from '../../../core/campaigns/readModels/campaigns';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { saleTermsProjection } from '../../../core/sales/readModels/saleTerms';
import { attribution, campaignAnswer, type CampaignAnswer } from '../../../core/views/campaigns';
import type { World } from '../../../core/fold/world';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { worldFor } from '../query';

/** Every campaign's answer in one World, oldest first (the attribution is made once for all). */
const answers = (world: World): CampaignAnswer[] => {
  const campaigns = campaignList(world.get(campaignsProjection));
  const ledger = world.get(salesLedgerProjection);
  const terms = world.get(saleTermsProjection);
  const credited = attribution(campaigns, terms, ledger);
  return campaigns.map((c) => campaignAnswer(c, credited, terms, ledger));
};

export const campaignRoutes = (deps: AppDeps) => {
  const app = new Hono<AppEnv>();

  app.get('/campaigns', async (c) => {
    const { world, asOf } = await worldFor(c, deps);
    return c.json({ asOf, campaigns: answers(world) });
  });

  app.get('/campaigns/:campaignId', async (c) => {
    const id = c.req.param('campaignId');
    const { world, asOf } = await worldFor(c, deps);
    const answer = answers(world).find((a) => a.campaignId === id);
    if (!answer) throw HttpProblem.of(404, 'Not found', `unknown campaign '${id}'`);
    return c.json({ ...answer, asOf });
  });

  return app;
};
