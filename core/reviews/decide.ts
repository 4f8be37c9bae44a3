// Rules for meetings, action items and lessons. An action item that names a meeting as its source
// is linked to it and inherits its team and period, so "the last retro's action items" is a
// question about data, not about wording.
import * as E from 'fp-ts/Either';
import { ID_PATTERN } from '../shared/codec';
import type { DecideContext, NewEvent } from '../shared/decider';
import { parsePeriod } from '../shared/period';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { colleagueStream, repHasLeft, repStream, teamOfRep, teamStream } from '../teams/state';
import type { AddActionItem, CompleteActionItem, HoldMeeting, RecordLesson } from './commands';
import type { ReviewEvent } from './events';
import { meetingStream, type ActionState, type LessonState, type MeetingState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<ReviewEvent>[]>;

/** The period kind a review meeting looks back on. */
const REVIEWED_KIND: Partial<Record<string, string>> = { 'monthly-review': 'month', 'quarterly-retro': 'quarter' };

const unknownTeam = (teamId: string | undefined, ctx: DecideContext): Problem | undefined =>
  teamId !== undefined && ctx.state(teamStream, teamId).status === 'none' ? notFound('team', teamId) : undefined;

/** The meeting an action item's `source` names, when it names one. */
export const sourceMeeting = (source: string | undefined): string | undefined => (source !== undefined && ID_PATTERN.test(source) ? source : undefined);

/** An action item's team: given, else its meeting's, else its owner's. */
export const itemTeam = (c: AddActionItem, ctx: DecideContext): string | undefined => {
  if (c.teamId) return c.teamId;
  const m = sourceMeeting(c.source);
  const meeting = m ? ctx.state(meetingStream, m) : undefined;
  if (meeting?.status === 'held' && meeting.teamId) return meeting.teamId;
  return c.ownerRepId ? teamOfRep(ctx.state(repStream, c.ownerRepId)) : undefined;
};

export const holdMeeting = (c: HoldMeeting, s: MeetingState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`meeting '${c.meetingId}' is already recorded`));
  const want = REVIEWED_KIND[c.kind];
  if (want && c.period && parsePeriod(c.period)?.kind !== want)
    return E.left(ruleBroken('review-period-kind', `a ${c.kind} looks back on a ${want}, not on '${c.period}'`));
  const team = unknownTeam(c.teamId, ctx);
  if (team) return E.left(team);
  const { occurredAt, ...data } = c;
  return E.right([{ type: 'MeetingHeld', data, occurredAt }]);
};

export const addActionItem = (c: AddActionItem, s: ActionState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`action item '${c.actionId}' is already recorded`));
  if (c.ownerRepId && c.ownerColleagueId) return E.left(invalidField('ownerColleagueId', 'give ownerRepId or ownerColleagueId, not both'));
  const owner = c.ownerRepId ? ctx.state(repStream, c.ownerRepId) : undefined;
  if (c.ownerRepId && owner?.status === 'none') return E.left(notFound('rep', c.ownerRepId));
  const left = owner && repHasLeft(owner, 'ownerRepId');
  if (left) return E.left(left);
  if (c.ownerColleagueId && ctx.state(colleagueStream, c.ownerColleagueId).status === 'none') return E.left(notFound('colleague', c.ownerColleagueId));
  const team = unknownTeam(c.teamId, ctx);
  if (team) return E.left(team);
  const m = sourceMeeting(c.source);
  const meeting = m ? ctx.state(meetingStream, m) : undefined;
  const held = meeting?.status === 'held' ? meeting : undefined;
  const teamId = itemTeam(c, ctx);
  const period = c.period ?? held?.period;
  const { occurredAt, ...data } = c;
  // an item agreed at a meeting was added when the meeting was held
  const addedAt = occurredAt ?? held?.occurredAt;
  return E.right([
    {
      type: 'ActionItemAdded',
      data: { ...data, ...(held ? { meetingId: held.meetingId } : {}), ...(teamId ? { teamId } : {}), ...(period ? { period } : {}) },
      ...(addedAt ? { occurredAt: addedAt } : {}),
    },
  ]);
};

export const completeActionItem = (c: CompleteActionItem, s: ActionState): Decision => {
  if (s.status === 'none') return E.left(notFound('action item', c.actionId));
  if (s.status === 'done') return E.left(ruleBroken('action-already-done', `action item '${c.actionId}' was already completed on ${s.completedAt}`));
  const { occurredAt, ...data } = c;
  return E.right([{ type: 'ActionItemCompleted', data, occurredAt }]);
};

export const recordLesson = (c: RecordLesson, s: LessonState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`lesson '${c.lessonId}' is already recorded`));
  const team = unknownTeam(c.teamId, ctx);
  if (team) return E.left(team);
  if (c.meetingId && ctx.state(meetingStream, c.meetingId).status === 'none') return E.left(notFound('meeting', c.meetingId));
  return E.right([{ type: 'LessonRecorded', data: c }]);
};
