// Meetings, action items and lessons as the review reads them: each action item with its owner,
// due moment and completion, so "open, done or overdue at `at`" is a pure question of the state.
import { parsePeriod, periodBounds, periodOf, toMillis, type PeriodKind } from '../../shared/period';
import type { LessonKind, MeetingKind } from '../events';
import { defineProjection, unchanged } from '../../fold/projection';

export interface MeetingRow {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: number;
  readonly attendees: readonly string[];
  /** the period it looks back on: given, else the one of its kind that holds occurredAt */
  readonly period: string;
  readonly notes?: string;
  readonly decisions: readonly string[];
  readonly teamId?: string;
}

export interface ActionRow {
  readonly actionId: string;
  readonly title: string;
  readonly due: string;
  /** the moment it falls due: the end of a due date in the zone, or the due instant */
  readonly dueMs: number;
  readonly ownerRepId?: string;
  /** a colleague of another department who owns it, as added (colleagues are never renamed) */
  readonly ownerColleague?: Colleague;
  readonly source?: string;
  readonly meetingId?: string;
  readonly teamId?: string;
  readonly period?: string;
  readonly addedAt: string;
  readonly position: number;
  readonly completedAt?: string;
  readonly completedMs?: number;
  readonly outcome?: string;
  readonly completedPosition?: number;
}

export interface LessonRow {
  readonly lessonId: string;
  readonly period: string;
  readonly kind: LessonKind;
  readonly text: string;
  readonly teamId?: string;
  readonly meetingId?: string;
  readonly recordedAt: string;
  readonly position: number;
}

export interface Colleague { readonly colleagueId: string; readonly name: string; readonly department: string }

export interface Reviews {
  readonly zone: string;
  /** colleagues of other departments, to name the owner of an item they own */
  readonly colleagues: Map<string, Colleague>;
  readonly meetings: Map<string, MeetingRow>;
  readonly actions: Map<string, ActionRow>;
  readonly lessons: Map<string, LessonRow>;
}

const MEETING_PERIOD: Record<MeetingKind, PeriodKind> = { weekly: 'week', 'monthly-review': 'month', 'quarterly-retro': 'quarter', 'one-on-one': 'month' };

/** A due date means the whole of that day in the deployment zone. */
export const dueMoment = (due: string, zone: string): number => (parsePeriod(due)?.kind === 'day' ? periodBounds(due, zone).end : toMillis(due));

export const reviewsProjection = defineProjection({
  name: 'reviews',
  types: ['MeetingHeld', 'ActionItemAdded', 'ActionItemCompleted', 'LessonRecorded', 'ColleagueAdded'],
  init: (settings): Reviews => ({ zone: settings.zone, colleagues: new Map(), meetings: new Map(), actions: new Map(), lessons: new Map() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'ColleagueAdded':
        s.colleagues.set(e.data.colleagueId, { colleagueId: e.data.colleagueId, name: e.data.name, department: e.data.department });
        break;
      case 'MeetingHeld': {
        const d = e.data;
        s.meetings.set(d.meetingId, {
          meetingId: d.meetingId, kind: d.kind, occurredAt: e.occurredAt, recordedAt: e.recordedAt, position: e.position, attendees: d.attendees,
          period: d.period ?? periodOf(MEETING_PERIOD[d.kind], e.occurredAt, s.zone), notes: d.notes, decisions: d.decisions ?? [], teamId: d.teamId,
        });
        break;
      }
      case 'ActionItemAdded': {
        const d = e.data;
        s.actions.set(d.actionId, {
          actionId: d.actionId, title: d.title, due: d.due, dueMs: dueMoment(d.due, s.zone), ownerRepId: d.ownerRepId,
          ownerColleague: d.ownerColleagueId ? s.colleagues.get(d.ownerColleagueId) : undefined, source: d.source,
          meetingId: d.meetingId, teamId: d.teamId, period: d.period, addedAt: e.occurredAt, position: e.position,
        });
        break;
      }
      case 'ActionItemCompleted': {
        const d = e.data;
        const a = s.actions.get(d.actionId);
        // a row is replaced, never changed in place, so a World cloned for asOf shares nothing mutable
        if (a) s.actions.set(d.actionId, { ...a, completedAt: e.occurredAt, completedMs: toMillis(e.occurredAt), outcome: d.outcome, completedPosition: e.position });
        break;
      }
      case 'LessonRecorded': {
        const d = e.data;
        s.lessons.set(d.lessonId, { lessonId: d.lessonId, period: d.period, kind: d.kind, text: d.text, teamId: d.teamId, meetingId: d.meetingId, recordedAt: e.recordedAt, position: e.position });
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

// ---------- queries ----------

export type ActionStatus = 'open' | 'done' | 'overdue';

export interface ActionView {
  readonly actionId: string;
  readonly title: string;
  readonly due: string;
  readonly ownerRepId: string | null;
  /** the colleague of another department who owns it, by name (AddActionItem.ownerColleagueId) */
  readonly ownerColleague: Colleague | null;
  readonly teamId: string | null;
  readonly meetingId: string | null;
  readonly source: string | null;
  readonly period: string | null;
  readonly addedAt: string;
  readonly status: ActionStatus;
  readonly overdue: boolean;
  /** the day of lateness `at` falls in: 1 on the first day after a due date (0 when not overdue) */
  readonly daysOverdue: number;
  readonly completedAt: string | null;
  readonly completedLate: boolean;
  readonly outcome: string | null;
}

/** Done when completed by `at` (business time); overdue when not done and its due moment has passed. */
export const actionStatus = (a: ActionRow, atMs: number): ActionStatus =>
  a.completedMs !== undefined && a.completedMs <= atMs ? 'done' : atMs >= a.dueMs ? 'overdue' : 'open';

export const actionView = (a: ActionRow, atMs: number): ActionView => {
  const status = actionStatus(a, atMs);
  return {
    actionId: a.actionId, title: a.title, due: a.due, ownerRepId: a.ownerRepId ?? null, ownerColleague: a.ownerColleague ?? null, teamId: a.teamId ?? null, meetingId: a.meetingId ?? null,
    source: a.source ?? null, period: a.period ?? null, addedAt: a.addedAt, status, overdue: status === 'overdue',
    daysOverdue: status === 'overdue' ? Math.floor((atMs - a.dueMs) / 86_400_000) + 1 : 0,
    completedAt: status === 'done' ? a.completedAt! : null,
    completedLate: status === 'done' && a.completedMs! > a.dueMs,
    outcome: status === 'done' ? a.outcome ?? null : null,
  };
};

/** Who a team-scoped question is about: the team itself and the reps in it. */
export interface TeamFilter {
  readonly teamId: string;
  readonly reps: ReadonlySet<string>;
}

const inTeam = (row: { teamId?: string; ownerRepId?: string }, team: TeamFilter | undefined): boolean =>
  !team || row.teamId === team.teamId || (row.teamId === undefined && row.ownerRepId !== undefined && team.reps.has(row.ownerRepId));

const byDueThenId = (a: ActionView, b: ActionView) => a.due.localeCompare(b.due) || a.actionId.localeCompare(b.actionId);

/**
 * The action items a period's review talks about: due in the period, added or completed in it,
 * belonging to it, or still open at its end though due before it (carried over).
 */
export const actionItemsForPeriod = (s: Reviews, period: string, atMs: number, team?: TeamFilter): ActionView[] => {
  const b = periodBounds(period, s.zone);
  const out: ActionView[] = [];
  for (const a of s.actions.values()) {
    if (!inTeam(a, team)) continue;
    const added = toMillis(a.addedAt);
    const relevant =
      a.period === period ||
      (a.dueMs > b.start && a.dueMs <= b.end) ||
      (added >= b.start && added < b.end) ||
      (a.completedMs !== undefined && a.completedMs >= b.start && a.completedMs < b.end) ||
      (a.dueMs <= b.end && added < b.end && !(a.completedMs !== undefined && a.completedMs < b.start));
    if (relevant) out.push(actionView(a, atMs));
  }
  return out.sort(byDueThenId);
};

export interface ActionQuery {
  readonly status?: ActionStatus;
  readonly ownerRepId?: string;
  readonly meetingId?: string;
  readonly team?: TeamFilter;
  /** only these owners (read scoping of a rep) */
  readonly owners?: ReadonlySet<string>;
}

export const actionItems = (s: Reviews, atMs: number, q: ActionQuery = {}): ActionView[] => {
  const out: ActionView[] = [];
  for (const a of s.actions.values()) {
    if (!inTeam(a, q.team)) continue;
    if (q.ownerRepId !== undefined && a.ownerRepId !== q.ownerRepId) continue;
    if (q.owners && !(a.ownerRepId !== undefined && q.owners.has(a.ownerRepId))) continue;
    if (q.meetingId !== undefined && a.meetingId !== q.meetingId) continue;
    const v = actionView(a, atMs);
    if (q.status === undefined || v.status === q.status) out.push(v);
  }
  return out.sort(byDueThenId);
};

export const countByStatus = (items: readonly ActionView[]): Record<ActionStatus, number> => {
  const out = { open: 0, done: 0, overdue: 0 };
  for (const i of items) out[i.status]++;
  return out;
};

const byTimeThenId = <R extends { position: number }>(a: R, b: R) => a.position - b.position;

/** Meetings that look back on the period (or, for `kind`, only those), oldest first. */
export const meetingsFor = (s: Reviews, period: string, team?: TeamFilter, kind?: MeetingKind): MeetingRow[] =>
  [...s.meetings.values()].filter((m) => m.period === period && (!kind || m.kind === kind) && (!team || m.teamId === undefined || m.teamId === team.teamId)).sort(byTimeThenId);

/** Meetings of a kind held before a moment (business time), latest first. */
export const meetingsBefore = (s: Reviews, kind: MeetingKind, beforeMs: number, team?: TeamFilter): MeetingRow[] =>
  [...s.meetings.values()]
    .filter((m) => m.kind === kind && toMillis(m.occurredAt) < beforeMs && (!team || m.teamId === undefined || m.teamId === team.teamId))
    .sort((a, b) => toMillis(b.occurredAt) - toMillis(a.occurredAt) || b.position - a.position);

/** Lessons recorded for the period or any period inside it (a quarter's retro reads its months'). */
export const lessonsFor = (s: Reviews, period: string, team?: TeamFilter): LessonRow[] => {
  const b = periodBounds(period, s.zone);
  return [...s.lessons.values()]
    .filter((l) => {
      const lb = periodBounds(l.period, s.zone);
      return lb.start >= b.start && lb.end <= b.end && (!team || l.teamId === undefined || l.teamId === team.teamId);
    })
    .sort(byTimeThenId);
};
