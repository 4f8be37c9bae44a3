// Teams and reps: stream kinds and command wiring.
import { defineCommand } from '../shared/command';
import { AddColleague, AddRep, CreateTeam, MoveRep, RemoveRep, RenameTeam } from './commands';
import { addColleague, addRep, createTeam, moveRep, removeRep, renameTeam } from './decide';
import { colleagueStream, repStream, repTeamsScope, teamStream } from './state';

export { colleagueStream, repStream, teamStream, teamOfRep } from './state';


export const teamCommands = [
  defineCommand({
    type: 'CreateTeam',
    summary: 'Create a sales team, optionally naming its manager.',
    codec: CreateTeam,
    kind: teamStream,
    streamId: (c) => c.teamId,
    decide: createTeam,
    roles: ['admin'],
  }),
  defineCommand({
    type: 'AddColleague',
    summary: 'Add a colleague of another department (marketing, product, service) who may own action items; company directory data, so the admin\'s.',
    codec: AddColleague,
    kind: colleagueStream,
    streamId: (c) => c.colleagueId,
    decide: addColleague,
    roles: ['admin'],
  }),
  defineCommand({
    type: 'RenameTeam',
    summary: 'Rename a team; answers as of before the renaming keep the old name.',
    codec: RenameTeam,
    kind: teamStream,
    streamId: (c) => c.teamId,
    decide: renameTeam,
    roles: ['admin'],
  }),
  defineCommand({
    type: 'AddRep',
    summary: 'Add a sales rep to a team.',
    codec: AddRep,
    kind: repStream,
    streamId: (c) => c.repId,
    reads: (c) => [[teamStream, c.teamId]],
    decide: addRep,
    roles: ['admin', 'manager'],
    scope: (c) => ({ teams: [c.teamId] }),
  }),
  defineCommand({
    type: 'MoveRep',
    summary: 'Move a rep to another team; past sales stay credited to the team of their time.',
    codec: MoveRep,
    kind: repStream,
    streamId: (c) => c.repId,
    reads: (c) => [[teamStream, c.teamId]],
    decide: moveRep,
    roles: ['admin'],
  }),
  defineCommand({
    type: 'RemoveRep',
    summary: 'Record that a rep left (leftAt: an instant, or the last day): the rep and its history stay; no sale after leftAt may be credited to it, and no new work (deals, customers, action items, goals, trainings) given to it.',
    codec: RemoveRep,
    kind: repStream,
    streamId: (c) => c.repId,
    decide: removeRep,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => repTeamsScope(ctx, [c.repId]),
  }),
];
