// Reviews: stream kinds and command wiring. Managers run meetings and record lessons for their
// team; a rep may add and complete their own action items.
import { COMPANY, defineCommand, type StreamRef } from '../shared/command';
import type { DecideContext } from '../shared/decider';
import { colleagueStream, repStream, repTeamsScope, teamOfRep, teamStream } from '../teams/state';
import { AddActionItem, CompleteActionItem, HoldMeeting, RecordLesson } from './commands';
import { addActionItem, completeActionItem, holdMeeting, itemTeam, recordLesson, sourceMeeting } from './decide';
import { actionStream, lessonStream, meetingStream } from './state';

export { actionStream, lessonStream, meetingStream };

const teamRef = (teamId: string | undefined): StreamRef[] => (teamId ? [[teamStream, teamId]] : []);

/** The team of the meeting an item or a lesson follows up, when that meeting names one. */
const meetingTeam = (meetingId: string | undefined, ctx: DecideContext): string | undefined => {
  const m = meetingId ? ctx.state(meetingStream, meetingId) : undefined;
  return m?.status === 'held' ? m.teamId : undefined;
};

export const reviewCommands = [
  defineCommand({
    type: 'HoldMeeting',
    summary: 'Record a meeting (weekly, monthly-review, quarterly-retro, one-on-one): attendees, the period it looks back on, notes and decisions.',
    codec: HoldMeeting,
    kind: meetingStream,
    streamId: (c) => c.meetingId,
    reads: (c) => [...teamRef(c.teamId), ...c.attendees.map((a): StreamRef => [repStream, a])],
    decide: holdMeeting,
    roles: ['admin', 'manager'],
    // a meeting that names no team is the company's, in every team's review; a rep attending is
    // of the manager's team (attendees that are not reps — managers, colleagues — name no team)
    scope: (c, ctx) => ({ teams: [c.teamId ?? COMPANY, ...repTeamsScope(ctx, c.attendees).teams ?? []] }),
  }),
  defineCommand({
    type: 'AddActionItem',
    summary: 'Add an action item with a due date and an owner; a source naming a meeting links it to that meeting.',
    codec: AddActionItem,
    kind: actionStream,
    streamId: (c) => c.actionId,
    reads: (c) => {
      const m = sourceMeeting(c.source);
      return [...teamRef(c.teamId), ...(c.ownerRepId ? [[repStream, c.ownerRepId] as StreamRef] : []), ...(c.ownerColleagueId ? [[colleagueStream, c.ownerColleagueId] as StreamRef] : []), ...(m ? [[meetingStream, m] as StreamRef] : [])];
    },
    decide: addActionItem,
    roles: ['admin', 'manager', 'rep'],
    // its team (with no team and no owner, the company's), its owner's team and its meeting's
    scope: (c, ctx) => ({
      reps: c.ownerRepId ? [c.ownerRepId] : [],
      teams: [itemTeam(c, ctx) ?? (c.ownerRepId ? undefined : COMPANY), c.ownerRepId ? teamOfRep(ctx.state(repStream, c.ownerRepId)) : undefined, meetingTeam(sourceMeeting(c.source), ctx)],
    }),
  }),
  defineCommand({
    type: 'CompleteActionItem',
    summary: 'Mark an action item done, with when and what came of it.',
    codec: CompleteActionItem,
    kind: actionStream,
    streamId: (c) => c.actionId,
    decide: (c, s) => completeActionItem(c, s),
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => {
      const s = ctx.state(actionStream, c.actionId);
      return s.status === 'none' ? {} : { reps: s.ownerRepId ? [s.ownerRepId] : [], teams: [s.teamId] };
    },
  }),
  defineCommand({
    type: 'RecordLesson',
    summary: 'Record a lesson of a period: keep, stop or try.',
    codec: RecordLesson,
    kind: lessonStream,
    streamId: (c) => c.lessonId,
    reads: (c) => [...teamRef(c.teamId), ...(c.meetingId ? [[meetingStream, c.meetingId] as StreamRef] : [])],
    decide: recordLesson,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => ({ teams: [c.teamId ?? COMPANY, meetingTeam(c.meetingId, ctx)] }),
  }),
];
