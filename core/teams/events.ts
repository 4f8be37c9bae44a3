// Events of teams and reps.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';
import { Id, Text } from '../shared/codec';

export const TeamCreated = t.type({ teamId: Id, name: t.string, managerId: t.union([t.string, t.null]) }, 'TeamCreated');
export const RepAdded = t.type({ repId: Id, name: t.string, teamId: Id, joinedAt: t.string }, 'RepAdded');
export const RepMoved = t.type({ repId: Id, fromTeamId: Id, toTeamId: Id, reason: Text(500) }, 'RepMoved');
export const ColleagueAdded = t.type({ colleagueId: Id, name: t.string, department: t.string }, 'ColleagueAdded');
export const TeamRenamed = t.type({ teamId: Id, from: t.string, name: t.string }, 'TeamRenamed');
/** `creditUntil`: the first instant no sale may be credited to the rep (leftAt, or the end of its local day) */
export const RepRemoved = t.type({ repId: Id, teamId: Id, leftAt: t.string, creditUntil: t.string }, 'RepRemoved');

export type TeamEvent = EventsOf<typeof teamEventCodecs>;

export const teamEventCodecs = { TeamCreated, RepAdded, RepMoved, RepRemoved, TeamRenamed, ColleagueAdded } as const;
