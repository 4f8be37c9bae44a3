// Events of training.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

// sessions, milestones and an attendance's sessionId came later: older trainings are one session on their date
const SessionData = t.intersection([t.type({ sessionId: t.string, date: t.string }), t.partial({ title: t.string })], 'TrainingSessionData');
const MilestoneData = t.type({ milestoneId: t.string, title: t.string, due: t.string }, 'TrainingMilestoneData');

export const TrainingScheduled = t.intersection(
  [
    t.type({ trainingId: t.string, title: t.string, topic: t.string, date: t.string, repIds: t.array(t.string) }),
    t.partial({ trainer: t.string, location: t.string, sessions: t.array(SessionData), milestones: t.array(MilestoneData) }),
  ],
  'TrainingScheduled',
);
export const TrainingAttended = t.intersection([t.type({ trainingId: t.string, repId: t.string }), t.partial({ score: t.string, sessionId: t.string })], 'TrainingAttended');
export const TrainingMilestoneCompleted = t.type({ trainingId: t.string, milestoneId: t.string }, 'TrainingMilestoneCompleted');

export type TrainingScheduledData = t.TypeOf<typeof TrainingScheduled>;
export type TrainingAttendedData = t.TypeOf<typeof TrainingAttended>;
export type TrainingMilestoneCompletedData = t.TypeOf<typeof TrainingMilestoneCompleted>;

export type TrainingEvent = EventsOf<typeof trainingEventCodecs>;

export const trainingEventCodecs = { TrainingScheduled, TrainingAttended, TrainingMilestoneCompleted } as const;
