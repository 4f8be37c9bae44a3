// Facts of customers, feedback, contests and scorecards that their commands decide on.
import { CUSTOMER_OWNER_FACT } from '../../core/customers/decider';
import { FEEDBACK_CUSTOMER_FACT } from '../../core/feedback/decider';
import type { StartContest } from '../../core/incentives/commands';
import { CONTEST_RANKING_FACT } from '../../core/incentives/decider';
import { contestRanking } from '../../core/incentives/readModels/contests';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { feedbackProjection } from '../../core/feedback/readModels/feedback';
import { frozenRowFor } from '../../core/scorecards/readModels/scorecards';
import type { FactQueries } from './facts';

export const crmFacts: FactQueries = {
  // Customer commands are scoped to the owner rep and that rep's team, which the directory knows.
  [CUSTOMER_OWNER_FACT]: (world, a) => {
    const dir = world.get(directoryProjection);
    const owner = dir.customers.get(String(a.customerId))?.ownerRepId;
    return owner === undefined ? undefined : { repId: owner, teamId: dir.reps.get(owner)?.teamId };
  },
  [FEEDBACK_CUSTOMER_FACT]: (world, a) => world.get(feedbackProjection).items.get(String(a.feedbackId))?.customerId,
  [CONTEST_RANKING_FACT]: (world, args) => contestRanking(world, args.rules as StartContest),
  // RecordAppraisal freezes the rep's scorecard row as it is when the command is decided.
  scorecardRow: (world, a) => frozenRowFor(world, String(a.scorecardId), String(a.repId), String(a.period)),
};
