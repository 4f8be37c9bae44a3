// What every section of a period review is computed from: one World (the read models at one
// position of the log), the period, the business moment `at`, and optionally one team.
import { elapsedFraction, parsePeriod, periodBounds, previousPeriod, toMillis, type PeriodKind } from '../../shared/period';
import { directoryProjection, ownerNameOf, repsOfTeam } from '../../teams/readModels/directory';
import type { GoalPolicy } from '../../goals/readModels/goalProgress';
import type { TeamFilter } from '../../reviews/readModels/reviews';
import type { World } from '../../fold/world';

export interface ReviewContext {
  readonly world: World;
  readonly period: string;
  readonly kind: PeriodKind;
  readonly previous: string;
  /** `company` or `team:ID`: the owner whose goals and sales the review measures */
  readonly owner: string;
  readonly team?: TeamFilter;
  readonly at: string;
  readonly atMs: number;
  readonly zone: string;
  readonly bounds: { readonly start: number; readonly end: number };
  /** share of the period elapsed at `at` (1 once it has ended) */
  readonly elapsed: number;
  /** pace thresholds (TALLY_PACE_*), undefined for the defaults */
  readonly goalPolicy?: GoalPolicy;
  /** answers one section computes and another reuses (the KPIs feed deviations and pace) */
  readonly shared: Map<string, unknown>;
}

export const reviewContext = (world: World, period: string, at: string, teamId?: string, goalPolicy?: GoalPolicy): ReviewContext => {
  const p = parsePeriod(period);
  if (!p) throw new RangeError(`not a period id: ${period}`);
  const zone = world.settings.zone;
  const team = teamId ? { teamId, reps: new Set(repsOfTeam(world.get(directoryProjection), teamId)) } : undefined;
  return {
    world, period, kind: p.kind, previous: previousPeriod(period), owner: teamId ? `team:${teamId}` : 'company', team, at, atMs: toMillis(at), zone,
    bounds: periodBounds(period, zone), elapsed: elapsedFraction(period, at, zone), goalPolicy, shared: new Map(),
  };
};

/** Compute once per review, reuse across sections. */
export const shared = <V>(ctx: ReviewContext, key: string, compute: () => V): V => {
  if (!ctx.shared.has(key)) ctx.shared.set(key, compute());
  return ctx.shared.get(key) as V;
};

/** Is this rep's data part of the review (everyone for a company review)? */
export const coversRep = (ctx: ReviewContext, repId: string | undefined): boolean => !ctx.team || (repId !== undefined && ctx.team.reps.has(repId));

/** Is this team's data part of the review? */
export const coversTeam = (ctx: ReviewContext, teamId: string | undefined): boolean => !ctx.team || teamId === ctx.team.teamId;

/** Is an owner (`company`, `team:ID`, `rep:ID`) one the review covers? A team review leaves the company's out. */
export const ownerInReview = (ctx: ReviewContext) => (owner: string): boolean => {
  if (!ctx.team) return true;
  if (owner.startsWith('rep:')) return coversRep(ctx, owner.slice(4));
  return owner.startsWith('team:') && coversTeam(ctx, owner.slice(5));
};

/** The name people know an item's owner by: the rep's, or the colleague's (null: no owner). */
export const ownerNameIn = (ctx: ReviewContext, item: { readonly ownerRepId?: string | null; readonly ownerColleague?: { readonly name: string } | null }): string | null =>
  item.ownerRepId ? ownerNameOf(ctx.world.get(directoryProjection), `rep:${item.ownerRepId}`) : (item.ownerColleague?.name ?? null);
