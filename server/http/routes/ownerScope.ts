// Whose goals and plans a caller may read, by the authorization matrix (security/scope.ts): a rep
// their own, a manager their team's and its reps', admins and viewers everything.
import type { Context } from 'hono';
import { Owner } from '../../../core/goals/commands';
import { splitOwner } from '../../../core/ledger/salesLedger';
import type { AppDeps, AppEnv } from '../env';
import { HttpProblem } from '../problem';
import { forbiddenFor, reaches, scopeOf, type Subject } from '../security/scope';

export const subjectOfOwner = (owner: string): Subject => {
  const [kind, id] = splitOwner(owner);
  return kind === 'team' ? { team: id } : kind === 'rep' ? { rep: id } : { company: true };
};

/** A predicate on owners for lists the request did not narrow itself. */
export const ownerFilter = (c: Context<AppEnv>, deps: AppDeps): ((owner: string) => boolean) => {
  const actor = c.get('actor');
  const access = scopeOf(c);
  return (owner) => reaches(deps, actor, access, subjectOfOwner(owner));
};

/** 403 unless the caller may read this owner's goals or plans. */
export const ensureOwner = (c: Context<AppEnv>, deps: AppDeps, owner: string): void => {
  if (!reaches(deps, c.get('actor'), scopeOf(c), subjectOfOwner(owner))) throw forbiddenFor(c.get('actor'), subjectOfOwner(owner));
};

/** `?owner=` checked: 400 when malformed (the route guard already refused a foreign one). */
export const ownerParam = (c: Context<AppEnv>): string | undefined => {
  const value = c.req.query('owner');
  if (value === undefined || value === '') return undefined;
  if (!Owner.is(value)) throw HttpProblem.badParam('owner', `expected company, team:ID or rep:ID, got '${value}'`);
  return value;
};
