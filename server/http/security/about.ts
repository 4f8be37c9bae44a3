// Whom a datum is about, read off its own fields: an answer's row (repId, teamId, customerId,
// owner…) or an event (its data, and for events that name only an aggregate — a deal, a goal, a
// sales plan, an action item — that aggregate's rep, team or owner in the World).
import { goalsOf } from '../../../core/goals/readModels/goals';
import { pipelineProjection } from '../../../core/pipeline/readModels/pipeline';
import { plansProjection } from '../../../core/plans/readModels/plans';
import { reviewsProjection } from '../../../core/reviews/readModels/reviews';
import type { World } from '../../../core/fold/world';
import type { About } from './readAccess';

const REP_FIELDS = ['repId', 'ownerRepId', 'fromRepId', 'toRepId'] as const;
const TEAM_FIELDS = ['teamId', 'fromTeamId', 'toTeamId'] as const;

class Subjects {
  readonly reps = new Set<string>();
  readonly teams = new Set<string>();
  readonly customers = new Set<string>();
  unresolved = false;

  /** `rep:R-1`, `team:T-1` (goal and plan owners); `company` names nobody. */
  owner(v: unknown): void {
    if (typeof v !== 'string') return;
    if (v.startsWith('rep:')) this.reps.add(v.slice(4));
    else if (v.startsWith('team:')) this.teams.add(v.slice(5));
  }

  /** The subject fields of one object, not of what it nests. */
  fields(o: Record<string, unknown>): this {
    for (const k of REP_FIELDS) if (typeof o[k] === 'string') this.reps.add(o[k] as string);
    for (const k of TEAM_FIELDS) if (typeof o[k] === 'string') this.teams.add(o[k] as string);
    if (typeof o.customerId === 'string') this.customers.add(o.customerId);
    for (const r of strings(o.repIds)) this.reps.add(r);
    this.owner(o.owner);
    return this;
  }

  get about(): About {
    return { reps: [...this.reps], teams: [...this.teams], customers: [...this.customers], ...(this.unresolved ? { unresolved: true } : {}) };
  }
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const objects = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null) : []);

/** An answer's row: whom its own fields name (nothing: it is about what its parent is about). */
export const aboutOfRow = (o: Record<string, unknown>): About => new Subjects().fields(o).about;

/** Does an About name anyone (or fail to place someone)? */
export const namesAnyone = (a: About): boolean => !!(a.unresolved || a.reps?.length || a.teams?.length || a.customers?.length);

/**
 * An event: the reps, teams and customers its data names (credits of a sale, the owners of a
 * goal's children, the reps and teams a plan or contest applies to), and the subjects of the deal,
 * goal, sales plan or action item it belongs to. An aggregate the World does not know is unresolved.
 */
export const aboutOfEvent = (e: { readonly data?: unknown }, world: World): About => {
  const d = (typeof e.data === 'object' && e.data !== null ? e.data : {}) as Record<string, unknown>;
  const s = new Subjects().fields(d);
  for (const nested of [...objects(d.credits), ...objects(d.splits), ...objects(d.children)]) s.fields(nested);
  const applies = (typeof d.appliesTo === 'object' && d.appliesTo !== null ? d.appliesTo : {}) as Record<string, unknown>;
  for (const r of strings(applies.reps)) s.reps.add(r);
  for (const t of [...strings(applies.teams), ...strings(d.teams)]) s.teams.add(t);
  const lookup = <T>(id: unknown, find: (id: string) => T | undefined, add: (found: T) => void) => {
    if (typeof id !== 'string') return;
    const found = find(id);
    if (found === undefined) s.unresolved = true;
    else add(found);
  };
  lookup(d.dealId, (id) => world.get(pipelineProjection).deals.get(id), (deal) => s.fields({ repId: deal.repId, teamId: deal.teamId, customerId: deal.customerId }));
  lookup(d.goalId, (id) => goalsOf(world).goals.get(id), (goal) => s.owner(goal.owner));
  lookup(d.salesPlanId, (id) => world.get(plansProjection).plans.get(id), (plan) => s.fields({ owner: plan.owner, teamId: plan.teamId }));
  lookup(d.actionId, (id) => world.get(reviewsProjection).actions.get(id), (action) => s.fields({ ownerRepId: action.ownerRepId, teamId: action.teamId }));
  return s.about;
};
