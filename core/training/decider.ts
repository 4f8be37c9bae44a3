// Training: stream kind and command wiring. A manager trains their own team's reps.
import { defineCommand, factRef, type StreamRef } from '../shared/command';
import { repStream, repTeamsScope } from '../teams/state';
import { CompleteTrainingMilestone, RecordTrainingAttendance, ScheduleTraining } from './commands';
import { completeTrainingMilestone, recordTrainingAttendance, scheduleTraining } from './decide';
import { trainingStream } from './state';

export { trainingStream };

/** The teams of a training's invitees (the directory knows them): who may complete its milestones. */
export const TRAINING_TEAMS_FACT = factRef<{ trainingId: string }, string[] | undefined>('trainingTeams');

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
  defineCommand({
    type: 'CompleteTrainingMilestone',
    summary: "Mark a milestone of a training programme done at a business time.",
    codec: CompleteTrainingMilestone,
    kind: trainingStream,
    streamId: (c) => c.trainingId,
    facts: (c, source) => ({ teams: source.query(TRAINING_TEAMS_FACT, { trainingId: c.trainingId }) }),
    decide: (c, s) => completeTrainingMilestone(c, s),
    roles: ['admin', 'manager'],
    // the teams of the training's invitees, as for scheduling it; an unknown training is left to decide (404)
    scope: (_c, ctx) => ({ teams: ctx.facts.teams ?? [] }),
  }),
];
