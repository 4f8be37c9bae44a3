// The roster: every team with its headcount, and every rep with its team — names only, which
// every role may read (SPEC §5a). Headcount is the reps in the team at `at` who have not left by
// then; a rep who left stays listed, with the moment it left.
import type { Directory, RepInfo } from './directory';

export interface TeamRow { readonly teamId: string; readonly name: string; readonly managerId: string | null; readonly headcount: number }
export interface RepRow {
  readonly repId: string;
  readonly name: string;
  readonly teamId: string;
  readonly teamName: string | null;
  readonly joinedAt: string;
  /** as RemoveRep gave it; null while the rep has not been removed */
  readonly leftAt: string | null;
  /** false once `at` is past the moment it left */
  readonly active: boolean;
}

/** On the team at `at` (epoch ms): not yet past the moment it left. */
const activeAt = (r: RepInfo, atMs: number) => r.creditUntil === undefined || atMs < Date.parse(r.creditUntil);

const byId = <T>(id: (x: T) => string) => (a: T, b: T) => (id(a) < id(b) ? -1 : id(a) > id(b) ? 1 : 0);

export const teamRows = (dir: Directory, atMs: number): TeamRow[] => {
  const headcount = new Map<string, number>();
  for (const r of dir.reps.values()) if (activeAt(r, atMs)) headcount.set(r.teamId, (headcount.get(r.teamId) ?? 0) + 1);
  return [...dir.teams.values()].map((t) => ({ teamId: t.teamId, name: t.name, managerId: t.managerId, headcount: headcount.get(t.teamId) ?? 0 })).sort(byId((t) => t.teamId));
};

/** The reps of one team, or of every team, by repId. */
export const repRows = (dir: Directory, atMs: number, teamId?: string): RepRow[] =>
  [...dir.reps.values()]
    .filter((r) => teamId === undefined || r.teamId === teamId)
    .map((r) => ({ repId: r.repId, name: r.name, teamId: r.teamId, teamName: dir.teams.get(r.teamId)?.name ?? null, joinedAt: r.joinedAt, leftAt: r.leftAt ?? null, active: activeAt(r, atMs) }))
    .sort(byId((r) => r.repId));
