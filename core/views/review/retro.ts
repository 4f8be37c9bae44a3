// The quarterly retrospective: the quarter's review plus keep / stop / try lessons, the action
// items of the last retrospective and whether they were done, and each month's review as it was
// known at its own monthly-review meeting beside how it looks now.
import { parsePeriod, periodBounds, subPeriods, toMillis } from '../../shared/period';
import { actionItems, lessonsFor, meetingsBefore, meetingsFor, reviewsProjection, type MeetingRow, type TeamFilter } from '../../reviews/readModels/reviews';
import type { World } from '../../fold/world';
import { composeReview, type ReviewRequest } from './compose';
import { reviewContext } from './context';
import { kpiStandings } from './kpis';

const teamFilter = (world: World, req: ReviewRequest): TeamFilter | undefined => reviewContext(world, req.period, req.at, req.teamId, req.goalPolicy).team;

/** The monthly-review meeting of each month of a quarter (the last one held, when several were). */
export const monthMeetings = (world: World, req: ReviewRequest): { period: string; meeting: MeetingRow | undefined }[] => {
  const s = world.get(reviewsProjection);
  const team = teamFilter(world, req);
  return (subPeriods(req.period, 'month') ?? []).map((period) => ({ period, meeting: meetingsFor(s, period, team, 'monthly-review').at(-1) }));
};

/** A month's KPIs against their goals in a World at a moment: only what then-and-now compares, not the month's whole review. */
const monthKpis = (world: World, req: ReviewRequest) => ({
  position: world.position,
  knownAt: world.recordedAt || null,
  at: req.at,
  kpis: kpiStandings(reviewContext(world, req.period, req.at, req.teamId, req.goalPolicy)),
});

/** A month's review then and now, and what moved in between. */
const monthThenAndNow = (world: World, req: ReviewRequest, period: string, meeting: MeetingRow | undefined, then: World | undefined) => {
  const monthReq = { ...req, period };
  const now = monthKpis(world, monthReq);
  const before = meeting && then ? monthKpis(then, { ...monthReq, at: meeting.occurredAt }) : undefined;
  const nowFigures = now.kpis;
  const thenFigures = before?.kpis;
  return {
    period,
    meeting: meeting ? { meetingId: meeting.meetingId, occurredAt: meeting.occurredAt, recordedAt: meeting.recordedAt } : null,
    then: before && thenFigures ? { position: before.position, knownAt: before.knownAt, at: before.at, kpis: thenFigures } : null,
    now: { position: now.position, at: now.at, kpis: nowFigures },
    changes: thenFigures
      ? nowFigures.map((k, i) => ({ metric: k.metric, then: thenFigures[i].actual, now: k.actual, delta: k.actual - thenFigures[i].actual })).filter((c) => c.delta !== 0)
      : [],
  };
};

/** The last retrospective before this quarter's, and its action items as they stand at `at`. */
const lastRetro = (world: World, req: ReviewRequest) => {
  const s = world.get(reviewsProjection);
  const team = teamFilter(world, req);
  const start = periodBounds(req.period, world.settings.zone).start;
  const earlier = meetingsBefore(s, 'quarterly-retro', Number.MAX_SAFE_INTEGER, team).filter((m) => periodBounds(m.period, world.settings.zone).end <= start);
  const m = earlier[0];
  if (!m) return null;
  const items = actionItems(s, toMillis(req.at), { meetingId: m.meetingId });
  return {
    meetingId: m.meetingId, period: m.period, occurredAt: m.occurredAt, decisions: m.decisions,
    actionItems: items, done: items.filter((i) => i.status === 'done').length, of: items.length,
  };
};

export const composeRetro = (world: World, req: ReviewRequest, thenWorlds: ReadonlyMap<string, World>) => {
  if (parsePeriod(req.period)?.kind !== 'quarter') throw new RangeError(`a retrospective is of a quarter, not ${req.period}`);
  const review = composeReview(world, req);
  const lessons = lessonsFor(world.get(reviewsProjection), req.period, teamFilter(world, req));
  const text = (kind: string) => lessons.filter((l) => l.kind === kind).map(({ lessonId, period, text: t, meetingId }) => ({ lessonId, period, text: t, meetingId: meetingId ?? null }));
  return {
    ...review,
    retrospective: {
      keep: text('keep'),
      stop: text('stop'),
      try: text('try'),
      lastRetro: lastRetro(world, req),
      months: monthMeetings(world, req).map(({ period, meeting }) => monthThenAndNow(world, req, period, meeting, meeting && thenWorlds.get(meeting.meetingId))),
    },
  };
};
