// Role and scope checks for commands, from the CommandSpec's data: roles say who may send a
// command at all; the scope says whose data it touches, which narrows managers and reps.
import type { CommandSpec, Scope } from '../../core/shared/command';
import { forbidden, type Problem } from '../../core/shared/problem';
import type { Actor } from './actor';

export const authorizeRole = (spec: CommandSpec, actor: Actor): Problem | undefined =>
  spec.roles.includes(actor.role) ? undefined : forbidden(`the ${actor.role} role may not send ${spec.type}`);

/** The known teams a scope names (an unknown entity is left to decide, which says 404). */
const knownTeams = (scope: Scope): string[] => (scope.teams ?? []).filter((t): t is string => t !== undefined);

/** Does the check of a rep's command need the rep's own team? Only when the command names a team. */
export const needsRepTeam = (actor: Actor, scope: Scope): boolean => actor.role === 'rep' && knownTeams(scope).length > 0;

/** `repTeam`: a rep caller's own team now (see needsRepTeam), undefined when it is in none. */
export const authorizeScope = (spec: CommandSpec, actor: Actor, scope: Scope, repTeam?: string): Problem | undefined => {
  switch (actor.role) {
    case 'admin':
      return undefined;
    case 'viewer':
      return forbidden('an embed (viewer) token is read-only');
    case 'rep': {
      // every rep the command touches must be the caller: a split crediting another rep, or a
      // sale on another rep's customer, is not the rep's own data even when it names the rep too
      const reps = scope.reps ?? [];
      if (reps.length === 0 || reps.some((r) => r !== actor.sub)) return forbidden(`a rep may send ${spec.type} only for their own data (rep '${actor.sub}')`);
      // and only into its own team: its own action item filed under another team (or another
      // team's meeting) would land in that team's review
      const foreign = knownTeams(scope).find((t) => t !== repTeam);
      return foreign === undefined ? undefined : forbidden(`a rep may send ${spec.type} only within their own team${repTeam ? ` '${repTeam}'` : ''}, not '${foreign}'`);
    }
    case 'manager': {
      if (!actor.team) return forbidden('this manager token names no team');
      const foreign = knownTeams(scope).find((t) => t !== actor.team);
      return foreign === undefined ? undefined : forbidden(`a manager may act only on their own team '${actor.team}', not '${foreign}'`);
    }
  }
};
