// Who is who: teams, reps and customers by id, with their names — what most answers need to
// label their rows, and what the shell needs to scope a query to a team.
import { defineProjection, unchanged } from '../../fold/projection';

export interface TeamInfo { readonly teamId: string; readonly name: string; readonly managerId: string | null; readonly position: number }
/** A removed rep stays (its name labels its history) with `leftAt` as given and `creditUntil`, the instant it left. */
export interface RepInfo { readonly repId: string; readonly name: string; readonly teamId: string; readonly joinedAt: string; readonly position: number; readonly leftAt?: string; readonly creditUntil?: string }
export interface CustomerInfo {
  readonly customerId: string;
  readonly name: string;
  readonly ownerRepId: string;
  readonly region?: string;
  readonly industry?: string;
  readonly birthday?: string;
  readonly position: number;
}

export interface Directory {
  readonly teams: Map<string, TeamInfo>;
  readonly reps: Map<string, RepInfo>;
  readonly customers: Map<string, CustomerInfo>;
}

export const directoryProjection = defineProjection({
  name: 'directory',
  types: ['TeamCreated', 'TeamRenamed', 'RepAdded', 'RepMoved', 'RepRemoved', 'CustomerRegistered', 'CustomerProfileUpdated', 'CustomerReassigned'],
  init: (): Directory => ({ teams: new Map(), reps: new Map(), customers: new Map() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'TeamCreated':
        s.teams.set(e.data.teamId, { teamId: e.data.teamId, name: e.data.name, managerId: e.data.managerId ?? null, position: e.position });
        break;
      case 'TeamRenamed': {
        const team = s.teams.get(e.data.teamId);
        if (team) s.teams.set(e.data.teamId, { ...team, name: e.data.name });
        break;
      }
      case 'RepAdded':
        s.reps.set(e.data.repId, { repId: e.data.repId, name: e.data.name, teamId: e.data.teamId, joinedAt: e.data.joinedAt, position: e.position });
        break;
      case 'RepMoved': {
        const r = s.reps.get(e.data.repId);
        if (r) s.reps.set(e.data.repId, { ...r, teamId: e.data.toTeamId });
        break;
      }
      case 'RepRemoved': {
        const r = s.reps.get(e.data.repId);
        if (r) s.reps.set(e.data.repId, { ...r, leftAt: e.data.leftAt, creditUntil: e.data.creditUntil });
        break;
      }
      case 'CustomerRegistered':
        s.customers.set(e.data.customerId, {
          customerId: e.data.customerId, name: e.data.name, ownerRepId: e.data.ownerRepId, region: e.data.region, industry: e.data.industry, birthday: e.data.birthday, position: e.position,
        });
        break;
      case 'CustomerProfileUpdated': {
        const c = s.customers.get(e.data.customerId);
        const { customerId: _id, contacts: _contacts, ...changed } = e.data;
        if (c) s.customers.set(e.data.customerId, { ...c, ...changed });
        break;
      }
      case 'CustomerReassigned': {
        const c = s.customers.get(e.data.customerId);
        if (c) s.customers.set(e.data.customerId, { ...c, ownerRepId: e.data.toRepId });
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

export const repsOfTeam = (dir: Directory, teamId: string): string[] => [...dir.reps.values()].filter((r) => r.teamId === teamId).map((r) => r.repId);

/** An owner's name (`team:ID` → the team's, `rep:ID` → the rep's, its id when unknown); `company` has none: null. */
export const ownerNameOf = (dir: Directory, owner: string): string | null => {
  const [kind, id] = [owner.slice(0, owner.indexOf(':')), owner.slice(owner.indexOf(':') + 1)];
  return kind === 'team' ? dir.teams.get(id)?.name ?? id : kind === 'rep' ? dir.reps.get(id)?.name ?? id : null;
};
