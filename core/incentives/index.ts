// Incentives (payouts, disputes, contests, badges): what the shell installs
// from this area — its commands, the read models it keeps current, and the read-model queries
// (facts) its commands decide on. core/catalog.ts collects it.
import { answers, type FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import type { StartContest } from './commands';
import { CONTEST_RANKING_FACT, incentiveCommands } from './decider';
import { payoutsProjection } from './readModels/payouts';
import { disputesProjection } from './readModels/disputes';
import { contestRanking, contestsProjection } from './readModels/contests';
import { badgesProjection } from './readModels/badges';

export const commands = incentiveCommands;
export const projections: readonly Projection<any>[] = [payoutsProjection, disputesProjection, contestsProjection, badgesProjection];
// The payout statement fact (ApprovePayout, OpenDispute) carries a SHA-256 hash, which is the
// shell's to compute: server/projections/statements.ts adds it.
export const facts: FactQueries = [answers(CONTEST_RANKING_FACT, (world, { rules }) => contestRanking(world, rules))];
