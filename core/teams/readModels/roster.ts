// The roster: every team with its headcount, and every rep with its team — names only, which
// every role may read (SPEC §5a). Headcount is the reps in the team now.
import type { Directory } from './directory';

export interface TeamRow { readonly teamId: string; readonly name: string; readonly managerId: string | null; readonly headcount: number }
export interface RepRow { readonly repId: string; readonly name: string; readonly teamId: string; readonly teamName: string | null; readonly joinedAt: string }

const byId = <T>(id: (x: T) => string) => (a: T, b: T) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

export const teamRows = (dir: Directory): TeamRow[] => {
  const headcount = new Map<string, number>();
  for (const r of dir.reps.values()) headcount.set(r.teamId, (headcount.get(r.teamId) ?? 0) + 1);
  return [...dir.teams.values()].map((t) => ({ teamId: t.teamId, name: t.name, managerId: t.managerId, headcount: headcount.get(t.teamId) ?? 0 })).sort(byId((t) => t.teamId));
};

/** The reps of one team, or of every team, by repId. */
export const repRows = (dir: Directory, teamId?: string): RepRow[] =>
  [...dir.reps.values()]
    .filter((r) => teamId === undefined || r.teamId === teamId)
    .map((r) => ({ repId: r.repId, name: r.name, teamId: r.teamId, teamName: dir.teams.get(r.teamId)?.name ?? null, joinedAt: r.joinedAt }))
    .sort(byId((r) => r.repId));
