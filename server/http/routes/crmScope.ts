// Whose customers, deals and contacts a CRM read may cover: the `owner` a request names
// (`company`, `team:ID`, `rep:ID`, or a bare rep id), or by default all the caller may see —
// an admin the company, a manager its team, a rep itself. Team membership is the rep's team now.
import type { Context } from 'hono';
import { directoryProjection } from '../../../core/teams/readModels/directory';
import type { World } from '../../../core/fold/world';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { ensureReaches, scopeOf } from '../security/scope';

export type OwnerSelection = { readonly kind: 'company' } | { readonly kind: 'team'; readonly teamId: string } | { readonly kind: 'rep'; readonly repId: string };

const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

const parseOwner = (raw: string): OwnerSelection | undefined => {
  if (raw === 'company') return { kind: 'company' };
  const m = /^(rep|team):(.+)$/.exec(raw);
  if (m && ID.test(m[2])) return m[1] === 'rep' ? { kind: 'rep', repId: m[2] } : { kind: 'team', teamId: m[2] };
  return ID.test(raw) && !raw.includes(':') ? { kind: 'rep', repId: raw } : undefined;
};

/** The owner the request names, checked against the caller's scope, or the caller's whole scope. */
export const ownerSelection = (c: Context<AppEnv>, deps: AppDeps, name = 'owner'): OwnerSelection => {
  const raw = c.req.query(name);
  const actor = c.get('actor');
  if (raw === undefined || raw === '') {
    const access = scopeOf(c);
    if (access === 'all') return { kind: 'company' };
    if (access === 'own-team') return { kind: 'team', teamId: actor.team ?? '' };
    return { kind: 'rep', repId: actor.sub };
  }
  const sel = parseOwner(raw);
  if (!sel) throw HttpProblem.badParam(name, `expected company, team:ID, rep:ID or a rep id, got '${raw}'`);
  ensureReaches(c, deps, sel.kind === 'company' ? { company: true } : sel.kind === 'team' ? { team: sel.teamId } : { rep: sel.repId });
  return sel;
};

/** The goal-owner key of a selection (`company`, `team:T-1`, `rep:R-1`). */
export const ownerKey = (sel: OwnerSelection): string => (sel.kind === 'company' ? 'company' : sel.kind === 'team' ? `team:${sel.teamId}` : `rep:${sel.repId}`);

/** Is a rep inside the selection (by the team it is in now, in this world)? */
export const repIn = (world: World, sel: OwnerSelection) => {
  const reps = world.get(directoryProjection).reps;
  return (repId: string): boolean => sel.kind === 'company' || (sel.kind === 'rep' ? repId === sel.repId : reps.get(repId)?.teamId === sel.teamId);
};

/** Is a customer inside the selection (by its owner rep now)? */
export const customerIn = (world: World, sel: OwnerSelection) => {
  const customers = world.get(directoryProjection).customers;
  const rep = repIn(world, sel);
  return (customerId: string): boolean => {
    const owner = customers.get(customerId)?.ownerRepId;
    return owner !== undefined && rep(owner);
  };
};
