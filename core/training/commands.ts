// Commands of training: schedule a session for reps, record who attended (and their score).
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import Decimal from 'decimal.js';
import { boundedArray, closed, DateOnly, decimalSchema, DecimalString, Id, Instant, Text, withSchema } from '../shared/codec';

/** A score from 0 to 100, as an exact decimal. */
export const Score = withSchema(new t.Type<string, string, unknown>(
  'Score',
  (u): u is string => typeof u === 'string',
  (u, c) => E.flatMap(DecimalString.validate(u, c), (s) => (new Decimal(s).gte(0) && new Decimal(s).lte(100) ? t.success(s) : t.failure(u, c, `expected a score from 0 to 100, got ${s}`))),
  t.identity,
), decimalSchema('a score from 0 to 100', ['86.5']));

/** One session of a programme, on its own day. */
export const TrainingSession = closed('TrainingSession', { sessionId: Id, date: DateOnly }, { title: Text(200) });
/** A step the programme should reach by a day (materials sent, exam passed). */
export const TrainingMilestone = closed('TrainingMilestone', { milestoneId: Id, title: Text(200), due: DateOnly });

/** A training on `date`; with `sessions`, a programme of several sessions from that day on, with its own milestones. */
export const ScheduleTraining = closed(
  'ScheduleTraining',
  { trainingId: Id, title: Text(200), topic: Text(200), date: DateOnly, repIds: boundedArray(Id, 500, 1, 'RepIds') },
  { trainer: Text(120), location: Text(200), sessions: boundedArray(TrainingSession, 50, 1, 'Sessions'), milestones: boundedArray(TrainingMilestone, 50, 1, 'TrainingMilestones') },
);
export type ScheduleTraining = t.TypeOf<typeof ScheduleTraining>;

/** `sessionId`: which session of a programme (required when the training has sessions). */
export const RecordTrainingAttendance = closed('RecordTrainingAttendance', { trainingId: Id, repId: Id, occurredAt: Instant }, { score: Score, sessionId: Id });
export type RecordTrainingAttendance = t.TypeOf<typeof RecordTrainingAttendance>;

export const CompleteTrainingMilestone = closed('CompleteTrainingMilestone', { trainingId: Id, milestoneId: Id, occurredAt: Instant });
export type CompleteTrainingMilestone = t.TypeOf<typeof CompleteTrainingMilestone>;
