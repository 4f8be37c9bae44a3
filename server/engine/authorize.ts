// Role and scope checks for commands, from the CommandSpec's data: roles say who may send a
// command at all; the scope says whose data it touches, which narrows managers and reps.
import type { CommandSpec, Scope } from '../../core/shared/command';
import { forbidden, type Problem } from '../../core/shared/problem';
import type { Actor } from './actor';

export const authorizeRole = (spec: CommandSpec, actor: Actor): Problem | undefined =>
  spec.roles.includes(actor.role) ? undefined : forbidden(`the ${actor.role} role may not send ${spec.type}`);

export const authorizeScope = (spec: CommandSpec, actor: Actor, scope: Scope): Problem | undefined => {
  switch (actor.role) {
    case 'admin':
      return undefined;
    case 'viewer':
      return forbidden('an embed (viewer) token is read-only');
    case 'rep': {
      // every rep the command touches must be the caller: a split crediting another rep, or a
      // sale on another rep's customer, is not the rep's own data even when it names the rep too
      const reps = scope.reps ?? [];
      return reps.length > 0 && reps.every((r) => r === actor.sub)
        ? undefined
        : forbidden(`a rep may send ${spec.type} only for their own data (rep '${actor.sub}')`);
    }
    case 'manager': {
      if (!actor.team) return forbidden('this manager token names no team');
      const teams = (scope.teams ?? []).filter((t): t is string => t !== undefined);
      const foreign = teams.find((t) => t !== actor.team);
      return foreign === undefined ? undefined : forbidden(`a manager may act only on their own team '${actor.team}', not '${foreign}'`);
    }
  }
};
