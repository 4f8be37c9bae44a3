// Incentives: stream kinds and command wiring. Payout statements come in as the
// `payoutStatement` fact (computed by the shell from the payouts read model, with its hash).
import { defineCommand, factRef, type FactSource, type StreamRef } from '../shared/command';
import { repScope, repStream, repTeamsScope, teamStream } from '../teams/state';
import { ApprovePayout, AwardBadge, OpenDispute, PublishIncentivePlan, ResolveDispute, StartContest } from './commands';
import { approvePayout, awardBadge, openDispute, publishIncentivePlan, resolveDispute, startContest, type ContestRankingFact, type StatementFact, type StatementFacts } from './decide';
import { badgeStream, contestStream, disputeStream, payoutId, payoutStream, planStream } from './state';

export { badgeStream, contestStream, disputeStream, payoutStream, planStream };

/** StartContest's fact: whom its rules could rank. */
export const CONTEST_RANKING_FACT = factRef<{ rules: StartContest }, ContestRankingFact>('contestRanking');

/** A rep's statement for a period as GET /api/payouts shows it, with its hash: the shell answers it (server/projections/statements.ts). */
export const PAYOUT_STATEMENT_FACT = factRef<{ repId: string; period: string }, StatementFact>('payoutStatement');

const statementOf = (c: { repId: string; period: string }, source: FactSource): StatementFacts => ({
  statement: source.query(PAYOUT_STATEMENT_FACT, { repId: c.repId, period: c.period }),
});

export const incentiveCommands = [
  defineCommand({
    type: 'PublishIncentivePlan',
    summary: 'Publish a version of an incentive plan (SPEC §6a); a change is a new, higher version with its own effectiveFrom.',
    codec: PublishIncentivePlan,
    kind: planStream,
    streamId: (c) => c.planId,
    reads: (c) => [...(c.appliesTo?.reps ?? []).map((r): StreamRef => [repStream, r]), ...(c.appliesTo?.teams ?? []).map((t): StreamRef => [teamStream, t])],
    decide: publishIncentivePlan,
    roles: ['admin'],
  }),
  defineCommand({
    type: 'ApprovePayout',
    summary: "Approve a rep's statement for a period, pinning the statementHash read from GET /api/payouts/:repId (422 if it changed).",
    codec: ApprovePayout,
    kind: payoutStream,
    streamId: (c) => payoutId(c.repId, c.period),
    reads: (c) => [[repStream, c.repId]],
    facts: statementOf,
    decide: approvePayout,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => repTeamsScope(ctx, [c.repId]),
  }),
  defineCommand({
    type: 'OpenDispute',
    summary: 'Dispute one line of a statement, with a reason; the rep for their own statement, or their manager.',
    codec: OpenDispute,
    kind: disputeStream,
    streamId: (c) => c.disputeId,
    reads: (c) => [[repStream, c.repId]],
    facts: statementOf,
    decide: openDispute,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => repScope(ctx, [c.repId]),
  }),
  defineCommand({
    type: 'ResolveDispute',
    summary: "Resolve a dispute: upheld with an adjustment amount in the next open period, or rejected with a note; the rep's manager.",
    codec: ResolveDispute,
    kind: disputeStream,
    streamId: (c) => c.disputeId,
    decide: (c, s) => resolveDispute(c, s),
    roles: ['admin', 'manager'],
    scope: (c, ctx) => {
      const d = ctx.state(disputeStream, c.disputeId);
      return d.status === 'none' ? {} : { teams: [d.teamId] };
    },
  }),
  defineCommand({
    type: 'StartContest',
    summary: 'Start a sales contest (metric, window, rankBy, prizes by rank or threshold); its rules are frozen once started.',
    codec: StartContest,
    kind: contestStream,
    streamId: (c) => c.contestId,
    reads: (c) => (c.teams ?? []).map((t): StreamRef => [teamStream, t]),
    facts: (c, source) => ({ ranking: source.query(CONTEST_RANKING_FACT, { rules: c }) }),
    decide: startContest,
    roles: ['admin', 'manager'],
    // a manager runs contests for their own team only; a company-wide contest is the admin's
    scope: (c) => ({ teams: c.teams && c.teams.length > 0 ? c.teams : ['(every team)'] }),
  }),
  defineCommand({
    type: 'AwardBadge',
    summary: 'Award a rep a badge by hand (automatic badges are derived, see GET /api/badges).',
    codec: AwardBadge,
    kind: badgeStream,
    streamId: (c) => c.badgeId,
    reads: (c) => [[repStream, c.repId]],
    decide: awardBadge,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => repTeamsScope(ctx, [c.repId]),
  }),
];
