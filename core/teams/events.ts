// Events of teams and reps.
import * as t from 'io-ts';
import { Id, Text } from '../shared/codec';

export const TeamCreated = t.type({ teamId: Id, name: t.string, managerId: t.union([t.string, t.null]) }, 'TeamCreated');
export const RepAdded = t.type({ repId: Id, name: t.string, teamId: Id, joinedAt: t.string }, 'RepAdded');
export const RepMoved = t.type({ repId: Id, fromTeamId: Id, toTeamId: Id, reason: Text(500) }, 'RepMoved');

export type TeamEvent =
  | { type: 'TeamCreated'; data: t.TypeOf<typeof TeamCreated> }
  | { type: 'RepAdded'; data: t.TypeOf<typeof RepAdded> }
  | { type: 'RepMoved'; data: t.TypeOf<typeof RepMoved> };

export const teamEventCodecs = { TeamCreated, RepAdded, RepMoved } as const;
