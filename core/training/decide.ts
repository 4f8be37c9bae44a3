// Rules for training: invitees are known reps, each once; a programme's sessions and milestones
// each have their own id, and no session is before the training's date; attendance is recorded once
// per invitee and session, not before the session's date (read in the instant's own offset: decide
// knows no zone) and — like every fact — not later than now (shared/businessTime, in the engine).
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repHasLeft, repStream } from '../teams/state';
import type { CompleteTrainingMilestone, RecordTrainingAttendance, ScheduleTraining } from './commands';
import type { TrainingEvent } from './events';
import { attendanceKey, type TrainingState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<TrainingEvent>[]>;

export const scheduleTraining = (c: ScheduleTraining, s: TrainingState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`training '${c.trainingId}' is already scheduled`));
  if (new Set(c.repIds).size !== c.repIds.length) return E.left(invalidField('repIds', 'each rep may be invited once'));
  const unknown = c.repIds.find((r) => ctx.state(repStream, r).status === 'none');
  if (unknown) return E.left(notFound('rep', unknown));
  const left = c.repIds.map((r, i) => repHasLeft(ctx.state(repStream, r), `repIds.${i}`)).find((p) => p !== undefined);
  if (left) return E.left(left);
  const twice = firstRepeated((c.sessions ?? []).map((x) => x.sessionId), 0) ?? firstRepeated((c.milestones ?? []).map((m) => m.milestoneId), 1);
  if (twice) return E.left(invalidField(twice.list === 0 ? `sessions.${twice.index}.sessionId` : `milestones.${twice.index}.milestoneId`, `'${twice.id}' is given twice`));
  const early = (c.sessions ?? []).findIndex((x) => x.date < c.date);
  if (early >= 0)
    return E.left({ ...ruleBroken('session-before-training', `session '${c.sessions![early].sessionId}' on ${c.sessions![early].date} is before the training's date ${c.date}`), errors: [{ path: `data.sessions.${early}.date`, message: `before the training's date ${c.date}` }] });
  const { trainingId, title, topic, date, repIds, trainer, location, sessions, milestones } = c;
  return E.right([{ type: 'TrainingScheduled', data: { trainingId, title, topic, date, repIds, ...(trainer ? { trainer } : {}), ...(location ? { location } : {}), ...(sessions ? { sessions } : {}), ...(milestones ? { milestones } : {}) } }]);
};

/** The first id given twice in a list (sessions: list 0, milestones: list 1). */
const firstRepeated = (ids: readonly string[], list: number): { list: number; index: number; id: string } | undefined => {
  const seen = new Set<string>();
  for (let i = 0; i < ids.length; i++) {
    if (seen.has(ids[i])) return { list, index: i, id: ids[i] };
    seen.add(ids[i]);
  }
  return undefined;
};

export const recordTrainingAttendance = (c: RecordTrainingAttendance, s: TrainingState): Decision => {
  if (s.status === 'none') return E.left(notFound('training', c.trainingId));
  if (!s.invited.has(c.repId)) return E.left({ ...ruleBroken('not-invited', `rep '${c.repId}' was not invited to training '${c.trainingId}'`), errors: [{ path: 'data.repId', message: 'not invited to this training' }] });
  const session = sessionOf(c, s);
  if (E.isLeft(session)) return session;
  const { sessionId, date } = session.right;
  if (s.attended.has(attendanceKey(c.repId, sessionId)))
    return E.left(conflict(`the attendance of rep '${c.repId}' at ${sessionId ? `session '${sessionId}' of ` : ''}training '${c.trainingId}' is already recorded`));
  if (c.occurredAt.slice(0, 10) < date)
    return E.left({ ...ruleBroken('attendance-before-training', `attendance on ${c.occurredAt.slice(0, 10)} is before the training on ${date}`), errors: [{ path: 'data.occurredAt', message: `before the training date ${date}` }] });
  return E.right([{ type: 'TrainingAttended', data: { trainingId: c.trainingId, repId: c.repId, ...(c.score !== undefined ? { score: c.score } : {}), ...(sessionId ? { sessionId } : {}) }, occurredAt: c.occurredAt }]);
};

/** The session an attendance is for: one of a programme's (named), or a training's only one (none named). */
const sessionOf = (c: RecordTrainingAttendance, s: Extract<TrainingState, { status: 'scheduled' }>): E.Either<Problem, { sessionId?: string; date: string }> => {
  const named = (rule: string, detail: string, message: string): E.Either<Problem, never> => E.left({ ...ruleBroken(rule, detail), errors: [{ path: 'data.sessionId', message }] });
  if (c.sessionId === undefined)
    return s.sessions.size === 0 ? E.right({ date: s.date }) : named('session-required', `training '${c.trainingId}' has ${s.sessions.size} sessions: say which one was attended`, `one of ${[...s.sessions.keys()].join(', ')}`);
  const date = s.sessions.get(c.sessionId);
  return date === undefined ? named('unknown-session', `training '${c.trainingId}' has no session '${c.sessionId}'`, 'not a session of this training') : E.right({ sessionId: c.sessionId, date });
};

export const completeTrainingMilestone = (c: CompleteTrainingMilestone, s: TrainingState): Decision => {
  if (s.status === 'none') return E.left(notFound('training', c.trainingId));
  if (!s.milestones.has(c.milestoneId))
    return E.left({ ...ruleBroken('unknown-milestone', `training '${c.trainingId}' has no milestone '${c.milestoneId}'`), errors: [{ path: 'data.milestoneId', message: 'not a milestone of this training' }] });
  if (s.completed.has(c.milestoneId)) return E.left(conflict(`milestone '${c.milestoneId}' of training '${c.trainingId}' is already completed`));
  return E.right([{ type: 'TrainingMilestoneCompleted', data: { trainingId: c.trainingId, milestoneId: c.milestoneId }, occurredAt: c.occurredAt }]);
};
