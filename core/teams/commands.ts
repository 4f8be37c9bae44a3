// Commands of teams and reps.
import * as t from 'io-ts';
import { closed, DateOnly, Id, Instant, Text } from '../shared/codec';

export const CreateTeam = closed('CreateTeam', { teamId: Id, name: Text(120) }, { managerId: Id });
export type CreateTeam = t.TypeOf<typeof CreateTeam>;

export const AddRep = closed('AddRep', { repId: Id, name: Text(120), teamId: Id, joinedAt: t.union([DateOnly, Instant], 'DateOrInstant') });
export type AddRep = t.TypeOf<typeof AddRep>;

/** A colleague of another department (marketing, product, service) who may own a follow-up. */
export const AddColleague = closed('AddColleague', { colleagueId: Id, name: Text(120), department: Text(120) });
export type AddColleague = t.TypeOf<typeof AddColleague>;

export const RenameTeam = closed('RenameTeam', { teamId: Id, name: Text(120) });
export type RenameTeam = t.TypeOf<typeof RenameTeam>;

/** `leftAt`: the moment the rep left, or its last day (a date: through the end of that local day). */
export const RemoveRep = closed('RemoveRep', { repId: Id, leftAt: t.union([DateOnly, Instant], 'DateOrInstant') });
export type RemoveRep = t.TypeOf<typeof RemoveRep>;

export const MoveRep = closed('MoveRep', { repId: Id, teamId: Id, reason: Text(500) });
export type MoveRep = t.TypeOf<typeof MoveRep>;
