// Commands of reviews (SPEC §3a: HoldMeeting, AddActionItem, CompleteActionItem, RecordLesson).
import * as t from 'io-ts';
import { boundedArray, closed, DateOnly, Id, Instant, literalUnion, Note, PeriodId, Text } from '../shared/codec';
import { LESSON_KINDS, MEETING_KINDS } from './events';

export const HoldMeeting = closed(
  'HoldMeeting',
  { meetingId: Id, kind: literalUnion('MeetingKind', MEETING_KINDS), occurredAt: Instant, attendees: boundedArray(Id, 200, 1) },
  { period: PeriodId, notes: Note(4000), decisions: boundedArray(Text(500), 50), teamId: Id },
);
export type HoldMeeting = t.TypeOf<typeof HoldMeeting>;

/** A due date (end of that day in the deployment zone) or an exact instant. */
export const Due = t.union([DateOnly, Instant], 'Due');

export const AddActionItem = closed(
  'AddActionItem',
  { actionId: Id, title: Text(300), due: Due },
  // occurredAt: when it was agreed (default: its meeting's time, else when it is recorded)
  // an owner: a rep, or a colleague of another department (AddColleague), not both
  { ownerRepId: Id, ownerColleagueId: Id, source: Text(200), teamId: Id, period: PeriodId, occurredAt: Instant },
);
export type AddActionItem = t.TypeOf<typeof AddActionItem>;

export const CompleteActionItem = closed('CompleteActionItem', { actionId: Id, occurredAt: Instant }, { outcome: Text(1000) });
export type CompleteActionItem = t.TypeOf<typeof CompleteActionItem>;

export const RecordLesson = closed(
  'RecordLesson',
  { lessonId: Id, period: PeriodId, kind: literalUnion('LessonKind', LESSON_KINDS), text: Text(1000) },
  { teamId: Id, meetingId: Id },
);
export type RecordLesson = t.TypeOf<typeof RecordLesson>;
