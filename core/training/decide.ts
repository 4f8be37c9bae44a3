// Rules for training: invitees are known reps, each once; attendance is recorded once per invitee
// and not before the session's date (read in the instant's own offset: decide knows no zone).
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repHasLeft, repStream } from '../teams/state';
import type { RecordTrainingAttendance, ScheduleTraining } from './commands';
import type { TrainingEvent } from './events';
import type { TrainingState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<TrainingEvent>[]>;

export const scheduleTraining = (c: ScheduleTraining, s: TrainingState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`training '${c.trainingId}' is already scheduled`));
  if (new Set(c.repIds).size !== c.repIds.length) return E.left(invalidField('repIds', 'each rep may be invited once'));
  const unknown = c.repIds.find((r) => ctx.state(repStream, r).status === 'none');
  if (unknown) return E.left(notFound('rep', unknown));
  const left = c.repIds.map((r, i) => repHasLeft(ctx.state(repStream, r), `repIds.${i}`)).find((p) => p !== undefined);
  if (left) return E.left(left);
  const { trainingId, title, topic, date, repIds, trainer, location } = c;
  return E.right([{ type: 'TrainingScheduled', data: { trainingId, title, topic, date, repIds, ...(trainer ? { trainer } : {}), ...(location ? { location } : {}) } }]);
};

export const recordTrainingAttendance = (c: RecordTrainingAttendance, s: TrainingState): Decision => {
  if (s.status === 'none') return E.left(notFound('training', c.trainingId));
  if (!s.invited.has(c.repId)) return E.left({ ...ruleBroken('not-invited', `rep '${c.repId}' was not invited to training '${c.trainingId}'`), errors: [{ path: 'data.repId', message: 'not invited to this training' }] });
  if (s.attended.has(c.repId)) return E.left(conflict(`the attendance of rep '${c.repId}' at training '${c.trainingId}' is already recorded`));
  if (c.occurredAt.slice(0, 10) < s.date)
    return E.left({ ...ruleBroken('attendance-before-training', `attendance on ${c.occurredAt.slice(0, 10)} is before the training on ${s.date}`), errors: [{ path: 'data.occurredAt', message: `before the training date ${s.date}` }] });
  return E.right([{ type: 'TrainingAttended', data: { trainingId: c.trainingId, repId: c.repId, ...(c.score !== undefined ? { score: c.score } : {}) }, occurredAt: c.occurredAt }]);
};
