// Rules for teams and reps.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, notFound, ruleBroken, type Problem } from '../shared/problem';
import type { AddRep, CreateTeam, MoveRep } from './commands';
import type { TeamEvent } from './events';
import { teamStream, type RepState, type TeamState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<TeamEvent>[]>;

export const createTeam = (c: CreateTeam, s: TeamState): Decision =>
  s.status !== 'none'
    ? E.left(conflict(`team '${c.teamId}' already exists`))
    : E.right([{ type: 'TeamCreated', data: { teamId: c.teamId, name: c.name, managerId: c.managerId ?? null } }]);

export const addRep = (c: AddRep, s: RepState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`rep '${c.repId}' already exists`));
  if (ctx.state(teamStream, c.teamId).status === 'none') return E.left(notFound('team', c.teamId));
  return E.right([{ type: 'RepAdded', data: { repId: c.repId, name: c.name, teamId: c.teamId, joinedAt: c.joinedAt } }]);
};

export const moveRep = (c: MoveRep, s: RepState, ctx: DecideContext): Decision => {
  if (s.status === 'none') return E.left(notFound('rep', c.repId));
  if (ctx.state(teamStream, c.teamId).status === 'none') return E.left(notFound('team', c.teamId));
  if (s.teamId === c.teamId) return E.left(ruleBroken('rep-already-in-team', `rep '${c.repId}' is already in team '${c.teamId}'`));
  return E.right([{ type: 'RepMoved', data: { repId: c.repId, fromTeamId: s.teamId, toTeamId: c.teamId, reason: c.reason } }]);
};
