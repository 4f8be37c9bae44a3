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

export const ScheduleTraining = closed(
  'ScheduleTraining',
  { trainingId: Id, title: Text(200), topic: Text(200), date: DateOnly, repIds: boundedArray(Id, 500, 1, 'RepIds') },
  { trainer: Text(120), location: Text(200) },
);
export type ScheduleTraining = t.TypeOf<typeof ScheduleTraining>;

export const RecordTrainingAttendance = closed('RecordTrainingAttendance', { trainingId: Id, repId: Id, occurredAt: Instant }, { score: Score });
export type RecordTrainingAttendance = t.TypeOf<typeof RecordTrainingAttendance>;
