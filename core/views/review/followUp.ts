// The follow-up half of a review: action items (open, done, overdue at `at`), lessons and the
// meetings held about the period — what the manager walks through at the end of the meeting.
import { actionItemsForPeriod, countByStatus, lessonsFor, meetingsFor, reviewsProjection, type ActionView } from '../../reviews/readModels/reviews';
import { ownerNameIn, shared, type ReviewContext } from './context';
import { defineSection } from './section';

const itemsOf = (ctx: ReviewContext): ActionView[] =>
  shared(ctx, 'actionItems', () => actionItemsForPeriod(ctx.world.get(reviewsProjection), ctx.period, ctx.atMs, ctx.team));

export const actionItemsSection = defineSection('actionItems', (ctx) => itemsOf(ctx).map((a) => ({ ...a, ownerName: ownerNameIn(ctx, a) })));

export const actionSummarySection = defineSection('actionSummary', (ctx) => countByStatus(itemsOf(ctx)));

export const lessonsSection = defineSection('lessons', (ctx) =>
  lessonsFor(ctx.world.get(reviewsProjection), ctx.period, ctx.team).map(({ lessonId, period, kind, text, teamId, meetingId, recordedAt }) => ({
    lessonId, period, kind, text, teamId: teamId ?? null, meetingId: meetingId ?? null, recordedAt,
  })),
);

export const meetingsSection = defineSection('meetings', (ctx) =>
  meetingsFor(ctx.world.get(reviewsProjection), ctx.period, ctx.team).map(({ meetingId, kind, occurredAt, recordedAt, attendees, notes, decisions, teamId }) => ({
    meetingId, kind, occurredAt, recordedAt, attendees, notes: notes ?? null, decisions, teamId: teamId ?? null,
  })),
);
