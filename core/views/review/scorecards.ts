// Scorecard results of the period and appraisals still waiting for the rep's acknowledgement
// (issue 11), for the reps the review covers.
import { parsePeriod } from '../../shared/period';
import { appraisalsWithDrift, scorecardRows, scorecardsProjection, versionFor } from '../../scorecards/readModels/scorecards';
import type { ReviewContext } from './context';
import { defineSection } from './section';

/** Scorecards that measure periods of this review's kind (a monthly review shows monthly cards). */
export const scorecardsSection = defineSection('scorecards', (ctx: ReviewContext) => {
  const kind = parsePeriod(ctx.period)!.kind;
  const out = [];
  for (const [scorecardId, versions] of ctx.world.get(scorecardsProjection).cards) {
    if (versionFor(versions, ctx.period)?.period !== kind) continue;
    const result = scorecardRows(ctx.world, scorecardId, ctx.period, ctx.team?.teamId);
    if (result && result.rows.length > 0) out.push(result);
  }
  return out;
});

export const appraisalsSection = defineSection('pendingAppraisals', (ctx: ReviewContext) =>
  appraisalsWithDrift(ctx.world, { teamId: ctx.team?.teamId, period: ctx.period })
    .filter((a) => a.pendingAcknowledgement)
    .map((a) => ({ appraisalId: a.appraisalId, repId: a.repId, teamId: a.teamId, scorecardId: a.scorecardId, rating: a.rating, score: a.frozen.score, recordedAt: a.recordedAt, scoreChange: a.scoreChange })),
);
