// Stream states of reviews: a meeting, an action item and a lesson each have their own stream.
import { type FoldedEvent, type StreamKind, streamKind } from '../shared/decider';
import { type MeetingKind, type ReviewEvent, reviewEventCodecs } from './events';

export type MeetingState = { status: 'none' } | { status: 'held'; meetingId: string; kind: MeetingKind; occurredAt: string; teamId?: string; period?: string };

export type ActionState =
  | { status: 'none' }
  | { status: 'open' | 'done'; actionId: string; ownerRepId?: string; teamId?: string; addedAt: string; completedAt?: string };

export type LessonState = { status: 'none' } | { status: 'recorded'; lessonId: string };

export const evolveMeeting = (s: MeetingState, e: FoldedEvent<ReviewEvent>): MeetingState =>
  e.type === 'MeetingHeld' ? { status: 'held', meetingId: e.data.meetingId, kind: e.data.kind, occurredAt: e.occurredAt, teamId: e.data.teamId, period: e.data.period } : s;

export const evolveAction = (s: ActionState, e: FoldedEvent<ReviewEvent>): ActionState => {
  switch (e.type) {
    case 'ActionItemAdded':
      return { status: 'open', actionId: e.data.actionId, ownerRepId: e.data.ownerRepId, teamId: e.data.teamId, addedAt: e.occurredAt };
    case 'ActionItemCompleted':
      return s.status === 'open' ? { ...s, status: 'done', completedAt: e.occurredAt } : s;
    default:
      return s;
  }
};

export const evolveLesson = (s: LessonState, e: FoldedEvent<ReviewEvent>): LessonState =>
  e.type === 'LessonRecorded' ? { status: 'recorded', lessonId: e.data.lessonId } : s;

const kind = <S>(prefix: string, initial: S, evolve: (s: S, e: FoldedEvent<ReviewEvent>) => S): StreamKind<S> =>
  streamKind(prefix, () => initial, evolve, reviewEventCodecs);

export const meetingStream = kind<MeetingState>('tally-meeting-', { status: 'none' }, evolveMeeting);
export const actionStream = kind<ActionState>('tally-action-', { status: 'none' }, evolveAction);
export const lessonStream = kind<LessonState>('tally-lesson-', { status: 'none' }, evolveLesson);
