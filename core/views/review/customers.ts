// The customer side of a review: the pipeline of the period (deals by stage, weighted forecast,
// won and lost with reasons) and what customers said (satisfaction, complaints still open).
import { directoryProjection } from '../../teams/readModels/directory';
import { feedbackOf, feedbackProjection } from '../../feedback/readModels/feedback';
import { pipelineOf, pipelineProjection } from '../../pipeline/readModels/pipeline';
import { coversRep, coversTeam, shared, type ReviewContext } from './context';
import { defineSection } from './section';

/** Days after which an open complaint is flagged in the review. */
export const COMPLAINT_FLAG_DAYS = 7;

export const pipelineSection = defineSection('pipeline', (ctx) => {
  const answer = pipelineOf(ctx.world.get(pipelineProjection), (d) => coversTeam(ctx, d.teamId), ctx.period, ctx.atMs);
  const { deals, ...figures } = answer;
  // the meeting talks about the deals that slipped, not every deal
  return { ...figures, overdueDeals: deals.filter((d) => d.overdue) };
});

const feedbackFor = (ctx: ReviewContext) =>
  shared(ctx, 'feedback', () => {
    const customers = ctx.world.get(directoryProjection).customers;
    return feedbackOf(ctx.world.get(feedbackProjection), (id) => coversRep(ctx, customers.get(id)?.ownerRepId), ctx.period, ctx.zone, ctx.atMs, COMPLAINT_FLAG_DAYS);
  });

export const satisfactionSection = defineSection('satisfaction', (ctx) => {
  const f = feedbackFor(ctx);
  return { ...f.satisfaction, complaintsRaised: f.complaints.raised, complaintsResolved: f.complaints.resolved, averageResolutionDays: f.complaints.averageResolutionDays, suggestions: f.suggestions.length };
});

export const openComplaintsSection = defineSection('openComplaints', (ctx) => feedbackFor(ctx).openComplaints);
