// Training as read: who was invited and attended (with scores), and each member's metric in the
// days before the session against as many days after it. The after window is the days fully past
// by `at` (at most the configured length), and the before window is cut to the same length, so the
// two are always comparable. Invitees who did not attend are shown beside those who did.
import { growthOver } from '../../shared/growth';
import { Dec, ratio } from '../../shared/money';
import { toMillis } from '../../shared/period';
import type { TrainingScheduledData } from '../events';
import { directoryProjection } from '../../teams/readModels/directory';
import { epochDay, rangeValue } from '../../ledger/metricDays';
import { defineProjection } from '../../fold/projection';
import { dayId, localDay, salesLedgerProjection } from '../../ledger/salesLedger';
import type { World } from '../../fold/world';

interface Attendance {
  readonly score?: string;
  readonly occurredAt: string;
}

export interface TrainingRecord extends TrainingScheduledData {
  /** repId → attendance (of a programme: the first session it attended) */
  readonly attendance: Map<string, Attendance>;
  /** sessionId → repId → attendance, for a programme of sessions */
  readonly sessionAttendance: Map<string, Map<string, Attendance>>;
  /** milestoneId → the business time it was completed */
  readonly completed: Map<string, string>;
  readonly scheduledAt: string;
}

export interface TrainingsState {
  readonly trainings: Map<string, TrainingRecord>;
}

export const trainingsProjection = defineProjection({
  name: 'trainings',
  types: ['TrainingScheduled', 'TrainingAttended', 'TrainingMilestoneCompleted'],
  init: (): TrainingsState => ({ trainings: new Map() }),
  apply: (s, e) => {
    if (e.type === 'TrainingScheduled') {
      const d = e.data;
      s.trainings.set(d.trainingId, { ...d, attendance: new Map(), sessionAttendance: new Map(), completed: new Map(), scheduledAt: e.recordedAt });
    } else if (e.type === 'TrainingAttended') {
      const d = e.data;
      const t = s.trainings.get(d.trainingId);
      const a = { ...(d.score !== undefined ? { score: d.score } : {}), occurredAt: e.occurredAt };
      if (t && !t.attendance.has(d.repId)) t.attendance.set(d.repId, a);
      if (t && d.sessionId !== undefined) {
        let bySession = t.sessionAttendance.get(d.sessionId);
        if (!bySession) t.sessionAttendance.set(d.sessionId, (bySession = new Map()));
        bySession.set(d.repId, a);
      }
    } else if (e.type === 'TrainingMilestoneCompleted') {
      s.trainings.get(e.data.trainingId)?.completed.set(e.data.milestoneId, e.occurredAt);
    }
    return s;
  },
});

export interface TrainingMember {
  readonly repId: string;
  readonly name: string;
  readonly teamId: string | null;
  readonly attended: boolean;
  readonly score: string | null;
  readonly before: number | null;
  readonly after: number | null;
  readonly change: number | null;
  /** after / before − 1; null without a before above 0 (the one growth rule, shared/growth.ts) */
  readonly growth: number | null;
}

export interface GroupFigures {
  readonly members: number;
  readonly before: number;
  readonly after: number;
  readonly growth: number | null;
}

export interface TrainingView {
  readonly trainingId: string;
  readonly title: string;
  readonly topic: string;
  readonly date: string;
  readonly trainer: string | null;
  readonly location: string | null;
  readonly invited: number;
  readonly attended: number;
  readonly attendanceRate: number | null;
  readonly averageScore: string | null;
  readonly metric: string;
  /** days in each window; 0 until a whole day after the session has passed */
  readonly windowDays: number;
  readonly complete: boolean;
  readonly windows: { readonly before: { from: string; to: string }; readonly after: { from: string; to: string } } | null;
  readonly members: readonly TrainingMember[];
  readonly summary: { readonly attended: GroupFigures; readonly absent: GroupFigures };
  /** a programme's sessions, by date, each with who attended (empty for a training of one session) */
  readonly sessions: readonly TrainingSessionView[];
  /** a programme's milestones, by due date, done or overdue at `at` */
  readonly milestones: readonly TrainingMilestoneView[];
}

export interface TrainingSessionView {
  readonly sessionId: string;
  readonly date: string;
  readonly title: string | null;
  readonly attended: number;
  readonly attendanceRate: number | null;
  readonly attendance: readonly { readonly repId: string; readonly score: string | null; readonly occurredAt: string }[];
}

export interface TrainingMilestoneView {
  readonly milestoneId: string;
  readonly title: string;
  readonly due: string;
  /** completed by `at` */
  readonly done: boolean;
  readonly completedAt: string | null;
  /** not done and its due day had ended at `at` */
  readonly overdue: boolean;
}

/** Sessions by date (then id) with the attendance recorded for each, of the members `visible` keeps. */
const sessionsOf = (t: TrainingRecord, visible: (repId: string) => boolean): TrainingSessionView[] =>
  [...(t.sessions ?? [])]
    .sort((a, b) => a.date.localeCompare(b.date) || a.sessionId.localeCompare(b.sessionId))
    .map((x) => {
      const all = t.sessionAttendance.get(x.sessionId) ?? new Map<string, Attendance>();
      const attendance = [...all].filter(([repId]) => visible(repId)).sort(([a], [b]) => a.localeCompare(b)).map(([repId, a]) => ({ repId, score: a.score ?? null, occurredAt: a.occurredAt }));
      return { sessionId: x.sessionId, date: x.date, title: x.title ?? null, attended: all.size, attendanceRate: ratio(all.size, t.repIds.length), attendance };
    });

/** Milestones by due date: done when completed by `at`; overdue once the due day has ended in the zone and it is not done. */
const milestonesOf = (t: TrainingRecord, atMs: number, zone: string): TrainingMilestoneView[] => {
  const today = localDay(atMs, zone);
  return [...(t.milestones ?? [])]
    .sort((a, b) => a.due.localeCompare(b.due) || a.milestoneId.localeCompare(b.milestoneId))
    .map((m) => {
      const at = t.completed.get(m.milestoneId);
      const done = at !== undefined && toMillis(at) <= atMs;
      return { milestoneId: m.milestoneId, title: m.title, due: m.due, done, completedAt: done ? at! : null, overdue: !done && epochDay(m.due) < today };
    });
};

export interface TrainingQuery {
  readonly at: string | number;
  readonly metric: string;
  /** the full length of each window */
  readonly days: number;
  /** keep only these members (scoping); the summary covers those kept */
  readonly visible?: (repId: string) => boolean;
}

const growthOf = (after: number, before: number): number | null => growthOver(after, before).growth;

const group = (rows: readonly TrainingMember[]): GroupFigures => {
  const before = rows.reduce((a, r) => a + (r.before ?? 0), 0);
  const after = rows.reduce((a, r) => a + (r.after ?? 0), 0);
  return { members: rows.length, before, after, growth: rows.length === 0 ? null : growthOf(after, before) };
};

export const trainingRecord = (world: World, id: string): TrainingRecord | undefined => world.get(trainingsProjection).trainings.get(id);

export const trainingView = (world: World, id: string, q: TrainingQuery): TrainingView | undefined => {
  const t = trainingRecord(world, id);
  if (!t) return undefined;
  const zone = world.settings.zone;
  const ledger = world.get(salesLedgerProjection);
  const reps = world.get(directoryProjection).reps;
  const day = epochDay(t.date);
  const windowDays = Math.max(0, Math.min(q.days, localDay(toMillis(q.at), zone) - (day + 1)));
  const measured = windowDays > 0;
  const members: TrainingMember[] = t.repIds
    .filter((r) => !q.visible || q.visible(r))
    .map((repId) => {
      const a = t.attendance.get(repId);
      const before = measured ? (rangeValue(ledger, `rep:${repId}`, q.metric, day - windowDays, day) ?? null) : null;
      const after = measured ? (rangeValue(ledger, `rep:${repId}`, q.metric, day + 1, day + 1 + windowDays) ?? null) : null;
      return {
        repId, name: reps.get(repId)?.name ?? repId, teamId: reps.get(repId)?.teamId ?? null, attended: a !== undefined, score: a?.score ?? null,
        before, after, change: before === null || after === null ? null : after - before, growth: before === null || after === null ? null : growthOf(after, before),
      };
    });
  const scores = [...t.attendance.values()].flatMap((a) => (a.score === undefined ? [] : [new Dec(a.score)]));
  return {
    trainingId: t.trainingId, title: t.title, topic: t.topic, date: t.date, trainer: t.trainer ?? null, location: t.location ?? null,
    invited: t.repIds.length,
    attended: t.attendance.size,
    attendanceRate: ratio(t.attendance.size, t.repIds.length),
    averageScore: scores.length === 0 ? null : scores.reduce((a, b) => a.plus(b), new Dec(0)).dividedBy(scores.length).toDecimalPlaces(2).toString(),
    metric: q.metric,
    windowDays,
    complete: windowDays === q.days,
    windows: measured ? { before: { from: dayId(day - windowDays), to: dayId(day - 1) }, after: { from: dayId(day + 1), to: dayId(day + windowDays) } } : null,
    members,
    summary: { attended: group(members.filter((m) => m.attended)), absent: group(members.filter((m) => !m.attended)) },
    sessions: sessionsOf(t, q.visible ?? (() => true)),
    milestones: milestonesOf(t, toMillis(q.at), zone),
  };
};

/** Trainings, newest first, with attendance counts: for lists and reviews. */
export const trainingsList = (world: World, f: { from?: string; to?: string; visible?: (repId: string) => boolean } = {}) =>
  [...world.get(trainingsProjection).trainings.values()]
    .filter((t) => (f.from === undefined || t.date >= f.from) && (f.to === undefined || t.date <= f.to) && (!f.visible || t.repIds.some(f.visible)))
    .sort((a, b) => b.date.localeCompare(a.date) || a.trainingId.localeCompare(b.trainingId))
    .map((t) => ({ trainingId: t.trainingId, title: t.title, topic: t.topic, date: t.date, invited: t.repIds.length, attended: t.attendance.size }));
