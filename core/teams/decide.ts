// Rules for teams and reps.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, notFound, ruleBroken, type Problem } from '../shared/problem';
import { periodBounds } from '../shared/period';
import type { AddColleague, AddRep, CreateTeam, MoveRep, RemoveRep, RenameTeam } from './commands';
import type { TeamEvent } from './events';
import { repHasLeft, teamStream, type ColleagueState, type RepState, type TeamState } from './state';


type Decision = E.Either<Problem, readonly NewEvent<TeamEvent>[]>;

export const createTeam = (c: CreateTeam, s: TeamState): Decision =>
  s.status !== 'none'
    ? E.left(conflict(`team '${c.teamId}' already exists`))
    : E.right([{ type: 'TeamCreated', data: { teamId: c.teamId, name: c.name, managerId: c.managerId ?? null } }]);

export const addColleague = (c: AddColleague, s: ColleagueState): Decision =>
  s.status !== 'none'
    ? E.left(conflict(`colleague '${c.colleagueId}' already exists`))
    : E.right([{ type: 'ColleagueAdded', data: { colleagueId: c.colleagueId, name: c.name, department: c.department } }]);

export const renameTeam = (c: RenameTeam, s: TeamState): Decision => {
  if (s.status === 'none') return E.left(notFound('team', c.teamId));
  if (s.name === c.name) return E.left({ ...ruleBroken('team-name-unchanged', `team '${c.teamId}' is already called '${c.name}'`), errors: [{ path: 'data.name', message: 'the same as the current name' }] });
  return E.right([{ type: 'TeamRenamed', data: { teamId: c.teamId, from: s.name, name: c.name } }]);
};

export const addRep = (c: AddRep, s: RepState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`rep '${c.repId}' already exists`));
  if (ctx.state(teamStream, c.teamId).status === 'none') return E.left(notFound('team', c.teamId));
  return E.right([{ type: 'RepAdded', data: { repId: c.repId, name: c.name, teamId: c.teamId, joinedAt: c.joinedAt } }]);
};

export const moveRep = (c: MoveRep, s: RepState, ctx: DecideContext): Decision => {
  if (s.status === 'none') return E.left(notFound('rep', c.repId));
  if (ctx.state(teamStream, c.teamId).status === 'none') return E.left(notFound('team', c.teamId));
  const left = repHasLeft(s, 'repId');
  if (left) return E.left(left);
  if (s.teamId === c.teamId) return E.left(ruleBroken('rep-already-in-team', `rep '${c.repId}' is already in team '${c.teamId}'`));
  return E.right([{ type: 'RepMoved', data: { repId: c.repId, fromTeamId: s.teamId, toTeamId: c.teamId, reason: c.reason } }]);
};

/** The first instant after a rep's last moment: an instant as given, a date's next local midnight. */
const creditUntilOf = (leftAt: string, zone: string): string => (leftAt.length === 10 ? new Date(periodBounds(leftAt, zone).end).toISOString() : leftAt);

/** The start of what joinedAt names, to compare leftAt with. */
const startOf = (at: string, zone: string): number => (at.length === 10 ? periodBounds(at, zone).start : Date.parse(at));

export const removeRep = (c: RemoveRep, s: RepState, ctx: DecideContext): Decision => {
  if (s.status === 'none') return E.left(notFound('rep', c.repId));
  const left = repHasLeft(s, 'repId');
  if (left) return E.left({ ...left, rule: 'rep-already-removed', detail: `rep '${c.repId}' was already removed (left at ${s.leftAt})` });
  // without the shell's calendar (a unit test) dates are read in UTC
  const zone = ctx.time?.zone ?? 'UTC';
  const creditUntil = creditUntilOf(c.leftAt, zone);
  if (Date.parse(creditUntil) <= startOf(s.joinedAt, zone)) {
    const detail = `a rep cannot leave (${c.leftAt}) before joining (${s.joinedAt})`;
    return E.left({ ...ruleBroken('left-before-joined', detail), errors: [{ path: 'data.leftAt', message: `before joinedAt ${s.joinedAt}` }] });
  }
  return E.right([{ type: 'RepRemoved', data: { repId: c.repId, teamId: s.teamId, leftAt: c.leftAt, creditUntil } }]);
};
