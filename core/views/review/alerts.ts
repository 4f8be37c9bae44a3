// The alerts of a review's period: those raised (recorded) within the period and by the review's
// moment, about the owners the review covers, newest first — what the scheduler pushed to the
// team while the period ran, for the meeting to walk through. Each names its owner, not only the id;
// the shell says each in the reader's language from its details (server/alerts/words.ts).
import { alertsWhere, type AlertRow } from '../../alerts/readModels/alerts';
import { directoryProjection, ownerNameOf } from '../../teams/readModels/directory';
import { ownerInReview, type ReviewContext } from './context';
import { defineSection } from './section';

export interface ReviewAlert {
  readonly alertId: string;
  readonly kind: string;
  readonly subject: AlertRow['subject'];
  readonly owner: string;
  /** the team's or rep's name; null for the company */
  readonly ownerName: string | null;
  /** when the condition began */
  readonly at: string;
  /** when Tally recorded it */
  readonly raisedAt: string;
  readonly details: AlertRow['details'];
}

export const alertsSection = defineSection('alerts', (ctx: ReviewContext): ReviewAlert[] => {
  const dir = ctx.world.get(directoryProjection);
  const covered = ownerInReview(ctx);
  const until = Math.min(ctx.bounds.end, ctx.atMs + 1);
  return alertsWhere(ctx.world, { sinceMs: ctx.bounds.start, visible: (a) => Date.parse(a.raisedAt) < until && covered(a.owner) }).map((a) => ({
    alertId: a.alertId, kind: a.kind, subject: a.subject, owner: a.owner, ownerName: ownerNameOf(dir, a.owner), at: a.at, raisedAt: a.raisedAt, details: a.details,
  }));
});
