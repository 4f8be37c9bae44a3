// The period review: every section computed from one World at one business moment. Pure — the
// shell picks the World (live or as of a recorded moment) and the moment; the same inputs always
// give the same review.
import { parsePeriod } from '../../shared/period';
import { directoryProjection } from '../../teams/readModels/directory';
import type { GoalPolicy } from '../../goals/readModels/goalProgress';
import type { World } from '../../fold/world';
import { reviewContext } from './context';
import { isAbsent, type ReviewSection } from './section';
import { reviewSections } from './sections';

export interface ReviewRequest {
  readonly period: string;
  /** the business moment pace and due dates are measured at */
  readonly at: string;
  readonly teamId?: string;
  readonly goalPolicy?: GoalPolicy;
}

export interface Review {
  readonly period: string;
  readonly kind: 'month' | 'quarter' | 'year' | 'week' | 'day';
  readonly team: { readonly teamId: string; readonly name: string } | null;
  /** the log position the review was computed at, and the recorded time of its last event */
  readonly position: number;
  readonly knownAt: string | null;
  readonly at: string;
  /** sections that could not be computed in this build, with why */
  readonly absent: { readonly section: string; readonly note: string }[];
  readonly [section: string]: unknown;
}

export const composeReview = (world: World, req: ReviewRequest, sections: readonly ReviewSection[] = reviewSections): Review => {
  const ctx = reviewContext(world, req.period, req.at, req.teamId, req.goalPolicy);
  const team = req.teamId ? world.get(directoryProjection).teams.get(req.teamId) : undefined;
  const out: Record<string, unknown> = {
    period: req.period,
    kind: parsePeriod(req.period)!.kind,
    team: req.teamId ? { teamId: req.teamId, name: team?.name ?? req.teamId } : null,
    position: world.position,
    knownAt: world.recordedAt || null,
    at: req.at,
  };
  const missing: { section: string; note: string }[] = [];
  for (const s of sections) {
    const v = s.build(ctx);
    if (isAbsent(v)) missing.push({ section: s.key, note: v.note });
    out[s.key] = isAbsent(v) ? null : v;
  }
  return { ...out, absent: missing } as Review;
};
