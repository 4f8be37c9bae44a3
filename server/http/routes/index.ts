// Every /api route module, mounted in one place. A new resource adds one line here and its
// entries in openapi.ts (a test checks the two agree).
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../env';
import { commandRoutes } from './commands';
import { eventRoutes } from './events';
import { streamRoutes } from './stream';
import { contestRoutes } from './contests';
import { disputeRoutes } from './disputes';
import { incentiveRoutes } from './incentives';
import { payoutRoutes } from './payouts';
import { analyticsRoutes } from './analytics';
import { careRoutes } from './care';
import { customerRoutes } from './customers';
import { feedbackRoutes } from './feedback';
import { pipelineRoutes } from './pipeline';
import { scorecardRoutes } from './scorecards';
import { goalRoutes } from './goals';
import { leaderboardRoutes } from './leaderboard';
import { planRoutes } from './plans';
import { insightRoutes } from './insights';
import { campaignRoutes } from './campaigns';
import { trainingRoutes } from './trainings';
import { reviewRoutes } from './reviews';
import { alertRoutes } from './alerts';
import { rosterRoutes } from './roster';
import { capacityRoutes } from './capacity';
import { webhookRoutes } from './webhooks';

export const apiRoutes = (deps: AppDeps) => {
  const api = new Hono<AppEnv>();
  api.route('/', commandRoutes(deps));
  api.route('/', eventRoutes(deps));
  api.route('/', streamRoutes(deps));
  api.route('/', rosterRoutes(deps));
  api.route('/', capacityRoutes(deps));
  for (const routes of [customerRoutes, pipelineRoutes, careRoutes, feedbackRoutes, analyticsRoutes]) api.route('/', routes(deps));
  api.route('/', scorecardRoutes(deps));
  for (const routes of [goalRoutes, leaderboardRoutes, planRoutes, campaignRoutes, insightRoutes, trainingRoutes]) api.route('/', routes(deps));
  api.route('/', reviewRoutes(deps));
  api.route('/', alertRoutes(deps));
  api.route('/', webhookRoutes(deps));
  for (const routes of [payoutRoutes, incentiveRoutes, contestRoutes, disputeRoutes]) api.route('/', routes(deps));
  return api;
};
