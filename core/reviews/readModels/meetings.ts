// Meetings as a list (GET /api/meetings): those of a period — held in it, or looking back on it
// (a monthly review of October held on 3 November belongs to both months) — of a team and the
// company's own, oldest first, each with its decisions and how many action items it agreed.
import { periodBounds, toMillis } from '../../shared/period';
import type { MeetingKind } from '../events';
import type { Reviews } from './reviews';

export interface MeetingListed {
  readonly meetingId: string;
  readonly kind: MeetingKind;
  readonly occurredAt: string;
  readonly recordedAt: string;
  /** the period it looks back on */
  readonly period: string;
  readonly teamId: string | null;
  readonly attendees: readonly string[];
  readonly notes: string | null;
  readonly decisions: readonly string[];
  readonly actionItems: number;
}

export interface MeetingQuery {
  readonly period?: string;
  /** a team's meetings and the company's (those naming no team) */
  readonly teamId?: string;
  readonly kind?: MeetingKind;
}

export const meetingsListed = (s: Reviews, q: MeetingQuery): MeetingListed[] => {
  const bounds = q.period ? periodBounds(q.period, s.zone) : undefined;
  const agreed = new Map<string, number>();
  for (const a of s.actions.values()) if (a.meetingId) agreed.set(a.meetingId, (agreed.get(a.meetingId) ?? 0) + 1);
  return [...s.meetings.values()]
    .filter((m) => q.kind === undefined || m.kind === q.kind)
    .filter((m) => q.teamId === undefined || m.teamId === undefined || m.teamId === q.teamId)
    .filter((m) => !bounds || m.period === q.period || (toMillis(m.occurredAt) >= bounds.start && toMillis(m.occurredAt) < bounds.end))
    .sort((a, b) => toMillis(a.occurredAt) - toMillis(b.occurredAt) || a.position - b.position)
    .map((m) => ({
      meetingId: m.meetingId, kind: m.kind, occurredAt: m.occurredAt, recordedAt: m.recordedAt, period: m.period, teamId: m.teamId ?? null,
      attendees: m.attendees, notes: m.notes ?? null, decisions: m.decisions, actionItems: agreed.get(m.meetingId) ?? 0,
    }));
};
