// A period review as known at a recorded moment, for the HTTP route and `tally replay --report
// review`: the World as of that moment, and for a quarter each month's World as of its own
// monthly-review meeting (the meeting event's recordedAt — asOf is recorded time).
import { composeReview, type ReviewRequest } from '../../core/views/review/compose';
import { composeRetro, monthMeetings } from '../../core/views/review/retro';
import type { World } from '../../core/fold/world';
import { parsePeriod, toMillis } from '../../core/shared/period';
import type { Projections } from './runner';

/** `worldAt` lets the HTTP route count the meetings' Worlds against the caller's as-of budget. */
export const reviewOf = async (projections: Projections, world: World, req: ReviewRequest, worldAt = (p: number) => projections.worldAt(p)) => {
  if (parsePeriod(req.period)?.kind !== 'quarter') return composeReview(world, req);
  const thenWorlds = new Map<string, World>();
  for (const { meeting } of monthMeetings(world, req)) {
    if (meeting) thenWorlds.set(meeting.meetingId, await worldAt(projections.positionAt(toMillis(meeting.recordedAt))));
  }
  return composeRetro(world, req, thenWorlds);
};
