// Events of reviews: meetings held, action items added and completed, lessons recorded (SPEC §3a).
import * as t from 'io-ts';

export const MEETING_KINDS = ['weekly', 'monthly-review', 'quarterly-retro', 'one-on-one'] as const;
export type MeetingKind = (typeof MEETING_KINDS)[number];
export const LESSON_KINDS = ['keep', 'stop', 'try'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export const MeetingHeld = t.intersection(
  [
    t.type({ meetingId: t.string, kind: t.string, attendees: t.array(t.string) }),
    t.partial({ period: t.string, notes: t.string, decisions: t.array(t.string), teamId: t.string }),
  ],
  'MeetingHeld',
);

export const ActionItemAdded = t.intersection(
  [
    t.type({ actionId: t.string, title: t.string, due: t.string }),
    // meetingId: the meeting `source` named, when it named one; teamId and period follow from it
    t.partial({ ownerRepId: t.string, ownerColleagueId: t.string, source: t.string, meetingId: t.string, teamId: t.string, period: t.string }),
  ],
  'ActionItemAdded',
);

export const ActionItemCompleted = t.intersection([t.type({ actionId: t.string }), t.partial({ outcome: t.string })], 'ActionItemCompleted');

export const LessonRecorded = t.intersection(
  [t.type({ lessonId: t.string, period: t.string, kind: t.string, text: t.string }), t.partial({ teamId: t.string, meetingId: t.string })],
  'LessonRecorded',
);

export type MeetingHeldData = t.TypeOf<typeof MeetingHeld> & { kind: MeetingKind };
export type ActionItemAddedData = t.TypeOf<typeof ActionItemAdded>;
export type ActionItemCompletedData = t.TypeOf<typeof ActionItemCompleted>;
export type LessonRecordedData = t.TypeOf<typeof LessonRecorded> & { kind: LessonKind };

export type ReviewEvent =
  | { type: 'MeetingHeld'; data: MeetingHeldData }
  | { type: 'ActionItemAdded'; data: ActionItemAddedData }
  | { type: 'ActionItemCompleted'; data: ActionItemCompletedData }
  | { type: 'LessonRecorded'; data: LessonRecordedData };

export const reviewEventCodecs = { MeetingHeld, ActionItemAdded, ActionItemCompleted, LessonRecorded } as const;
