// Read scoping for route handlers, from the matrix: whose data the caller may see on the route it
// called. The route guard already refused a foreign owner named in the request; handlers use
// these to narrow lists the request did not narrow itself.
import type { Context } from 'hono';
import { routePath } from 'hono/route';
import { directoryProjection, repsOfTeam } from '../../../core/teams/readModels/directory';
import { ID_PATTERN } from '../../../core/shared/codec';
import type { Actor } from '../../engine/actor';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { routeAccess, routeDocOf, type Access, type OwnerRef } from './matrix';

/** The caller's access on the route being handled ('denied' never reaches a handler). */
export const scopeOf = (c: Context<AppEnv>): Access => {
  const doc = routeDocOf(c.req.method === 'HEAD' ? 'GET' : c.req.method, routePath(c));
  return doc ? routeAccess(doc, c.get('actor').role) : 'denied';
};

const teamOfRep = (deps: AppDeps, repId: string): string | undefined => deps.projections.world.get(directoryProjection).reps.get(repId)?.teamId;

/** The reps whose data the caller may see here; undefined means everyone. */
export const visibleReps = (c: Context<AppEnv>, deps: AppDeps): ReadonlySet<string> | undefined => {
  const actor = c.get('actor');
  switch (scopeOf(c)) {
    case 'all':
      return undefined;
    case 'own-team':
      return new Set(actor.team ? repsOfTeam(deps.projections.world.get(directoryProjection), actor.team) : []);
    default:
      return new Set([actor.sub]);
  }
};

export type Subject = { readonly rep: string } | { readonly team: string } | { readonly company: true };

/**
 * May the actor with this access see the subject's data? A rep unknown to the directory is left
 * to the handler (which answers 404), as commands leave unknown entities to decide.
 */
export const reaches = (deps: AppDeps, actor: Actor, access: Access, s: Subject): boolean => {
  if (access === 'all') return true;
  if (access === 'denied') return false;
  if ('company' in s) return false;
  if ('team' in s) return access === 'own-team' && s.team === actor.team;
  if (access === 'own-rep') return s.rep === actor.sub;
  const team = teamOfRep(deps, s.rep);
  return team === undefined || team === actor.team;
};

/** Refuse with 403 unless the caller may see the subject's data on this route. */
export const ensureReaches = (c: Context<AppEnv>, deps: AppDeps, s: Subject): void => {
  const actor = c.get('actor');
  if (!reaches(deps, actor, scopeOf(c), s)) throw forbiddenFor(actor, s);
};

export const forbiddenFor = (actor: Actor, s: Subject): HttpProblem => {
  const what = 'company' in s ? 'company-wide data' : 'team' in s ? `team '${s.team}'` : `rep '${s.rep}'`;
  const own = actor.role === 'manager' ? `their own team '${actor.team}'` : actor.role === 'rep' ? `their own data (rep '${actor.sub}')` : 'what their token allows';
  return HttpProblem.of(403, 'Forbidden', `a ${actor.role} may read only ${own}, not ${what}`);
};

/** The subject a request value names, by the kind its OwnerRef declares; undefined when malformed. */
export const subjectOf = (ref: OwnerRef, value: string): Subject | undefined => {
  if (ref.kind === 'rep') return { rep: value };
  if (ref.kind === 'team') return { team: value };
  if (value === 'company') return { company: true };
  const m = /^(rep|team):(.+)$/.exec(value);
  if (m) return m[1] === 'rep' ? { rep: m[2] } : { team: m[2] };
  // a bare id is a rep (the CRM routes take `owner=R-1`); anything else the handler explains with a 400
  return ID_PATTERN.test(value) && !value.includes(':') ? { rep: value } : undefined;
};
