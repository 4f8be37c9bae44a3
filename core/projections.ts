// Every read model the shell keeps current. Add a projection here and it is folded on start,
// kept up to date after each append, and available to asOf queries.
import type { Projection } from './fold/projection';
import { directoryProjection } from './teams/readModels/directory';
import { salesLedgerProjection } from './ledger/salesLedger';
import { careProjection } from './care/readModels/care';
import { customersProjection } from './customers/readModels/customers';
import { feedbackProjection } from './feedback/readModels/feedback';
import { pipelineProjection } from './pipeline/readModels/pipeline';
import { reviewsProjection } from './reviews/readModels/reviews';
import { activityProjection } from './scorecards/readModels/activity';
import { scorecardsProjection } from './scorecards/readModels/scorecards';
import { goalsProjection } from './goals/readModels/goals';
import { plansProjection } from './plans/readModels/plans';
import { insightsProjection } from './insights/readModels/insights';
import { trainingsProjection } from './training/readModels/trainings';
import { payoutsProjection } from './incentives/readModels/payouts';
import { disputesProjection } from './incentives/readModels/disputes';
import { contestsProjection } from './incentives/readModels/contests';
import { badgesProjection } from './incentives/readModels/badges';

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
