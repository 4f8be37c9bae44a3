// Events of training.
import * as t from 'io-ts';

export const TrainingScheduled = t.intersection(
  [t.type({ trainingId: t.string, title: t.string, topic: t.string, date: t.string, repIds: t.array(t.string) }), t.partial({ trainer: t.string, location: t.string })],
  'TrainingScheduled',
);
export const TrainingAttended = t.intersection([t.type({ trainingId: t.string, repId: t.string }), t.partial({ score: t.string })], 'TrainingAttended');

export type TrainingScheduledData = t.TypeOf<typeof TrainingScheduled>;
export type TrainingAttendedData = t.TypeOf<typeof TrainingAttended>;

export type TrainingEvent = { type: 'TrainingScheduled'; data: TrainingScheduledData } | { type: 'TrainingAttended'; data: TrainingAttendedData };

export const trainingEventCodecs = { TrainingScheduled, TrainingAttended } as const;
