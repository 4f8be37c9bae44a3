// Every read model the shell keeps current. Add a projection here and it is folded on start,
// kept up to date after each append, and available to asOf queries.
import type { Projection } from './projection';
import { directoryProjection } from './directory';
import { salesLedgerProjection } from './salesLedger';
import { careProjection } from './care';
import { customersProjection } from './customers';
import { feedbackProjection } from './feedback';
import { pipelineProjection } from './pipeline';
import { reviewsProjection } from './reviews';
import { activityProjection } from './activity';
import { scorecardsProjection } from './scorecards';
import { goalsProjection } from './goals';
import { plansProjection } from './plans';
import { insightsProjection } from './insights';
import { trainingsProjection } from './trainings';
import { payoutsProjection } from './payouts';
import { disputesProjection } from './disputes';
import { contestsProjection } from './contests';
import { badgesProjection } from './badges';

export const allProjections: readonly Projection<any>[] = [
  directoryProjection,
  salesLedgerProjection,
  customersProjection, pipelineProjection, careProjection, feedbackProjection,
  reviewsProjection,
  activityProjection,
  scorecardsProjection,
  goalsProjection, plansProjection, insightsProjection, trainingsProjection,
  payoutsProjection, disputesProjection, contestsProjection, badgesProjection,
];
