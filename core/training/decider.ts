// Training: stream kind and command wiring. A manager trains their own team's reps.
import { defineCommand, type StreamRef } from '../shared/command';
import { repStream, repTeamsScope } from '../teams/state';
import { RecordTrainingAttendance, ScheduleTraining } from './commands';
import { recordTrainingAttendance, scheduleTraining } from './decide';
import { trainingStream } from './state';

export { trainingStream };

export const trainingCommands = [
  defineCommand({
    type: 'ScheduleTraining',
    summary: 'Schedule a training session on a date for a list of reps.',
    codec: ScheduleTraining,
    kind: trainingStream,
    streamId: (c) => c.trainingId,
    reads: (c) => c.repIds.map((r): StreamRef => [repStream, r]),
    decide: scheduleTraining,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => repTeamsScope(ctx, c.repIds),
  }),
  defineCommand({
    type: 'RecordTrainingAttendance',
    summary: "Record an invited rep's attendance at a training, with an optional score (0-100).",
    codec: RecordTrainingAttendance,
    kind: trainingStream,
    streamId: (c) => c.trainingId,
    reads: (c) => [[repStream, c.repId]],
    decide: (c, s) => recordTrainingAttendance(c, s),
    roles: ['admin', 'manager'],
    scope: (c, ctx) => repTeamsScope(ctx, [c.repId]),
  }),
];
