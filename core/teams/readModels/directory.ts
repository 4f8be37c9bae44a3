// Who is who: teams, reps and customers by id, with their names — what most answers need to
// label their rows, and what the shell needs to scope a query to a team.
import { defineProjection } from '../../fold/projection';

export interface TeamInfo { readonly teamId: string; readonly name: string; readonly managerId: string | null; readonly position: number }
export interface RepInfo { readonly repId: string; readonly name: string; readonly teamId: string; readonly joinedAt: string; readonly position: number }
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

export const directoryProjection = defineProjection<Directory>({
  name: 'directory',
  types: ['TeamCreated', 'RepAdded', 'RepMoved', 'CustomerRegistered', 'CustomerProfileUpdated', 'CustomerReassigned'],
  init: () => ({ teams: new Map(), reps: new Map(), customers: new Map() }),
  apply: (s, e) => {
    const d = e.data as Record<string, any>;
    switch (e.type) {
      case 'TeamCreated':
        s.teams.set(d.teamId, { teamId: d.teamId, name: d.name, managerId: d.managerId ?? null, position: e.position });
        break;
      case 'RepAdded':
        s.reps.set(d.repId, { repId: d.repId, name: d.name, teamId: d.teamId, joinedAt: d.joinedAt, position: e.position });
        break;
      case 'RepMoved': {
        const r = s.reps.get(d.repId);
        if (r) s.reps.set(d.repId, { ...r, teamId: d.toTeamId });
        break;
      }
      case 'CustomerRegistered':
        s.customers.set(d.customerId, {
          customerId: d.customerId, name: d.name, ownerRepId: d.ownerRepId, region: d.region, industry: d.industry, birthday: d.birthday, position: e.position,
        });
        break;
      case 'CustomerProfileUpdated': {
        const c = s.customers.get(d.customerId);
        const { customerId: _id, contacts: _contacts, ...changed } = d;
        if (c) s.customers.set(d.customerId, { ...c, ...changed });
        break;
      }
      case 'CustomerReassigned': {
        const c = s.customers.get(d.customerId);
        if (c) s.customers.set(d.customerId, { ...c, ownerRepId: d.toRepId });
        break;
      }
    }
    return s;
  },
});

export const repsOfTeam = (dir: Directory, teamId: string): string[] => [...dir.reps.values()].filter((r) => r.teamId === teamId).map((r) => r.repId);
