// Rules for goals: one small function per command. Targets split by largest remainder so child
// targets always sum exactly to the parent's; a growth target is resolved here from the baseline
// the shell read from the sales ledger, and both are written into the event.
import * as E from 'fp-ts/Either';
import { Dec, largestRemainder, roundMinor } from '../shared/money';
import type { DecideContext, DecideTime, NewEvent } from '../shared/decider';
import { aYearBefore, localInstant, parsePeriod, periodBounds, subPeriods, type PeriodKind } from '../shared/period';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repHasLeft, repStream, teamStream } from '../teams/state';
import type { CascadeGoal, DecomposeGoal, ReviseGoal, SetGoal, Target } from './commands';
import type { GoalEvent, TargetSpec } from './events';
import { childGoalId, knownGoal, ownerParts, type GoalFact, type GoalState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<GoalEvent>[]>;

/** Facts the shell computes from read models for goal commands (see decider.ts). */
export type GoalFacts = {
  /** the goal as the read model knows it (a child made by a breakdown has no GoalSet of its own) */
  readonly goal?: GoalFact | null;
  /** the team of the goal's owner when the owner is a rep */
  readonly ownerTeam?: string | null;
  /** ids or owner/metric/period keys the new goals would take that are already taken */
  readonly conflicts?: readonly string[];
  /** the baseline actual of a growth target; null when the metric is not measured by Tally */
  readonly baseline?: number | null;
  /** past actuals that weigh a seasonal or history breakdown, one per part; null when unmeasured */
  readonly history?: readonly number[] | null;
};

/** What goal commands decide with: their stream states and the facts above. */
type GoalContext = DecideContext<GoalFacts>;

/** A refusal by a business rule that also names the field it concerns. */
const ruleAt = (rule: string, path: string, detail: string): Problem => ({ ...ruleBroken(rule, detail), errors: [{ path: `data.${path}`, message: detail }] });

const MAX_ID = 64;

const resolveTarget = (target: Target, period: string, metric: string, facts: GoalFacts): E.Either<Problem, { target: number; targetSpec?: TargetSpec; baseline?: number }> => {
  if (typeof target === 'number') return E.right({ target });
  const over = parsePeriod(target.over)!;
  if (over.kind !== parsePeriod(period)!.kind)
    return E.left(ruleAt('baseline-period-kind', 'target.over', `a growth target over ${target.over} (a ${over.kind}) cannot set a goal for ${period}: the baseline must be the same kind of period`));
  if (facts.baseline === null || facts.baseline === undefined)
    return E.left(ruleAt('baseline-not-measured', 'target.over', `Tally does not measure '${metric}', so a growth target has no baseline; give the target as an amount`));
  if (facts.baseline <= 0)
    return E.left(ruleAt('baseline-is-zero', 'target.over', `the actual ${metric} in ${target.over} is ${facts.baseline}, so growth over it gives no target; give the target as an amount`));
  const resolved = roundMinor(new Dec(facts.baseline).times(new Dec(1).plus(target.growth)));
  return E.right({ target: resolved, targetSpec: { growth: target.growth, over: target.over }, baseline: facts.baseline });
};

/** The owner of a new goal exists, and a rep owner is still here (`path` names the field). */
const ownerHere = (owner: string, path: string, ctx: GoalContext): Problem | undefined => {
  const [kind, id] = ownerParts(owner);
  if (kind === 'team' && ctx.state(teamStream, id).status === 'none') return notFound('team', id);
  if (kind === 'rep' && ctx.state(repStream, id).status === 'none') return notFound('rep', id);
  return kind === 'rep' ? repHasLeft(ctx.state(repStream, id), path) : undefined;
};

export const setGoal = (c: SetGoal, s: GoalState, ctx: GoalContext): Decision => {
  const facts = ctx.facts;
  if (s.status !== 'none' || facts.goal) return E.left(conflict(`goal '${c.goalId}' already exists; change its target with ReviseGoal`));
  const missing = ownerHere(c.owner, 'owner', ctx);
  if (missing) return E.left(missing);
  if (facts.conflicts && facts.conflicts.length > 0) return E.left(ruleAt('duplicate-goal', 'owner', `${facts.conflicts.join('; ')}: one goal per owner, metric and period — revise it instead`));
  if (c.parentGoalId === c.goalId) return E.left(ruleAt('goal-is-own-parent', 'parentGoalId', 'a goal cannot be its own parent'));
  const resolved = resolveTarget(c.target, c.period, c.metric, facts);
  if (E.isLeft(resolved)) return resolved;
  const { goalId, title, owner, metric, period, parentGoalId, relevance, description } = c;
  return E.right([
    {
      type: 'GoalSet',
      data: { goalId, title, owner, metric, period, ...resolved.right, ...(parentGoalId ? { parentGoalId } : {}), ...(relevance ? { relevance } : {}), ...(description ? { description } : {}) },
    },
  ]);
};

/** The goal a breakdown or revision acts on, or why it cannot. */
const breakable = (goalId: string, s: GoalState, ctx: GoalContext): E.Either<Problem, GoalFact> => {
  const g = knownGoal(s, ctx.facts.goal);
  if (!g) return E.left(notFound('goal', goalId));
  if (g.brokenDown) return E.left(ruleAt('already-broken-down', 'goalId', `goal '${goalId}' is already broken down; revise its children instead`));
  return E.right(g);
};

/** Weights for a breakdown over `n` parts, by method; `fallback` explains a seasonal fallback. */
const weightsFor = (
  method: string,
  given: readonly string[] | undefined,
  n: number,
  what: string,
  history: readonly number[] | null | undefined,
  historyName: string,
): E.Either<Problem, { weights: string[]; fallback?: string }> => {
  if (method !== 'weights' && given !== undefined) return E.left(invalidField('weights', `weights are given only with method 'weights', not '${method}'`));
  if (method === 'weights') {
    if (given === undefined) return E.left(invalidField('weights', `required with method 'weights': one weight for each of the ${n} ${what}`));
    if (given.length !== n) return E.left(ruleAt('weights-count', 'weights', `${n} ${what} need ${n} weights; ${given.length} were given`));
    if (given.every((w) => new Dec(w).isZero())) return E.left(ruleAt('weights-sum-zero', 'weights', 'the weights sum to zero; give at least one positive weight'));
    return E.right({ weights: [...given] });
  }
  if (method === 'even') return E.right({ weights: Array(n).fill('1') });
  const past = (history ?? []).map((v) => Math.max(0, v));
  if (past.length !== n || past.every((v) => v === 0))
    return E.right({ weights: Array(n).fill('1'), fallback: `no ${historyName} to weigh by, so the target was split evenly` });
  return E.right({ weights: past.map(String) });
};

/**
 * Seasonal weights: each sub-period by the owner's actual in the same sub-period a year before (a
 * quarter's months by the same three months last year, a year's quarters by last year's, ISO weeks
 * by the same week numbers). Where that reference is not all there — a sub-period not over when the
 * goal is broken down, or one with nothing in it — the split is even and says why.
 */
const seasonalWeights = (reference: readonly string[], history: readonly number[] | null | undefined, metric: string, time: DecideTime | undefined): { weights: string[]; fallback?: string } => {
  const even = (why: string) => ({ weights: reference.map(() => '1'), fallback: `${why}, so the target was split evenly` });
  const span = reference.length > 1 ? `${reference[0]} – ${reference[reference.length - 1]}` : reference[0];
  if (!history || history.length !== reference.length) return even(`Tally does not measure '${metric}', so there is no history a year before (${span}) to weigh by`);
  const open = time ? reference.filter((p) => periodBounds(p, time.zone).end > Date.parse(time.now)) : [];
  if (open.length > 0) {
    const until = localInstant(periodBounds(open[open.length - 1], time!.zone).end, time!.zone);
    return even(`the reference a year before (${span}) is not complete: ${open.join(', ')} ${open.length === 1 ? 'has' : 'have'} not ended, so ${localInstant(Date.parse(time!.now), time!.zone)} to ${until} is missing from it`);
  }
  const missing = reference.filter((_, i) => history[i] <= 0);
  if (missing.length > 0) return even(`the reference a year before (${span}) is missing ${missing.length === reference.length ? 'entirely' : 'in part'}: no ${metric} in ${missing.join(', ')}`);
  return { weights: history.map(String) };
};

const takenProblem = (ctx: GoalContext): Problem | undefined => {
  const taken = ctx.facts.conflicts ?? [];
  return taken.length > 0 ? ruleAt('duplicate-goal', 'goalId', `${taken.join('; ')}: one goal per owner, metric and period`) : undefined;
};

const idsFit = (goalId: string, parts: readonly string[]): Problem | undefined => {
  const long = parts.map((p) => childGoalId(goalId, p)).find((id) => id.length > MAX_ID);
  return long ? ruleAt('child-id-too-long', 'goalId', `the child goal id '${long}' would be longer than ${MAX_ID} characters; use a shorter goal id`) : undefined;
};

export const decomposeGoal = (c: DecomposeGoal, s: GoalState, ctx: GoalContext): Decision => {
  const g = breakable(c.goalId, s, ctx);
  if (E.isLeft(g)) return g;
  const { period } = g.right;
  const parts = subPeriods(period, c.into as PeriodKind);
  if (!parts) {
    const kind = parsePeriod(period)!.kind;
    return E.left(ruleAt('into-not-finer', 'into', `a ${kind} goal (${period}) cannot be broken into ${c.into}s: 'into' must be a shorter period than the goal's`));
  }
  const reference = parts.map(aYearBefore);
  const w = c.method === 'seasonal' && c.weights === undefined
    ? E.right(seasonalWeights(reference, ctx.facts.history, g.right.metric, ctx.time))
    : weightsFor(c.method, c.weights, parts.length, `${c.into}s of ${period}`, ctx.facts.history, `history for the ${c.into}s of the previous period`);
  if (E.isLeft(w)) return w;
  const tooLong = idsFit(c.goalId, parts) ?? takenProblem(ctx);
  if (tooLong) return E.left(tooLong);
  const targets = largestRemainder(g.right.target, w.right.weights);
  return E.right([
    {
      type: 'GoalDecomposed',
      data: {
        goalId: c.goalId, into: c.into, method: c.method, weights: w.right.weights,
        children: parts.map((p, i) => ({ goalId: childGoalId(c.goalId, p), period: p, target: targets[i] })),
        ...(w.right.fallback ? { fallback: w.right.fallback } : {}),
        ...(c.method === 'seasonal' ? { reference } : {}),
      },
    },
  ]);
};

/** Owners a goal may cascade to: company → teams and reps; a team → its own reps. */
const cascadeTargetsOk = (g: GoalFact, owners: readonly string[], ctx: GoalContext): Problem | undefined => {
  const [kind, id] = ownerParts(g.owner);
  if (kind === 'rep') return ruleAt('cascade-below-rep', 'goalId', `goal '${g.goalId}' belongs to a rep; there is no one below a rep to cascade it to`);
  if (new Set(owners).size !== owners.length) return invalidField('owners', 'each owner may appear once');
  for (const [i, o] of owners.entries()) {
    const [ok, oid] = ownerParts(o);
    if (ok === 'company') return ruleAt('cascade-to-company', `owners.${i}`, 'a goal cascades to teams or reps, not to the company');
    if (kind === 'team' && ok !== 'rep') return ruleAt('cascade-within-team', `owners.${i}`, `a team goal cascades to the team's reps, not to ${o}`);
    const missing = ownerHere(o, `owners.${i}`, ctx);
    if (missing) return missing;
    if (kind === 'team') {
      const rep = ctx.state(repStream, oid);
      if (rep.status === 'active' && rep.teamId !== id) return ruleAt('rep-not-in-team', `owners.${i}`, `rep '${oid}' is in team '${rep.teamId}', not in '${id}'`);
    }
  }
  return undefined;
};

export const cascadeGoal = (c: CascadeGoal, s: GoalState, ctx: GoalContext): Decision => {
  const g = breakable(c.goalId, s, ctx);
  if (E.isLeft(g)) return g;
  const bad = cascadeTargetsOk(g.right, c.owners, ctx);
  if (bad) return E.left(bad);
  const w = weightsFor(c.method, c.weights, c.owners.length, 'owners', ctx.facts.history, `history of these owners in the previous period`);
  if (E.isLeft(w)) return w;
  const tooLong = idsFit(c.goalId, c.owners) ?? takenProblem(ctx);
  if (tooLong) return E.left(tooLong);
  const targets = largestRemainder(g.right.target, w.right.weights);
  return E.right([
    {
      type: 'GoalCascaded',
      data: {
        goalId: c.goalId, method: c.method, weights: w.right.weights,
        children: c.owners.map((o, i) => ({ goalId: childGoalId(c.goalId, o), owner: o, target: targets[i] })),
        ...(w.right.fallback ? { fallback: w.right.fallback } : {}),
      },
    },
  ]);
};

export const reviseGoal = (c: ReviseGoal, s: GoalState, ctx: GoalContext): Decision => {
  const g = knownGoal(s, ctx.facts.goal);
  if (!g) return E.left(notFound('goal', c.goalId));
  const resolved = resolveTarget(c.target, g.period, g.metric, ctx.facts);
  if (E.isLeft(resolved)) return resolved;
  if (resolved.right.target === g.target) return E.left(ruleAt('target-unchanged', 'target', `goal '${c.goalId}' already has the target ${g.target}`));
  return E.right([{ type: 'GoalRevised', data: { goalId: c.goalId, from: g.target, to: resolved.right.target, reason: c.reason, ...(resolved.right.targetSpec ? { targetSpec: resolved.right.targetSpec, baseline: resolved.right.baseline } : {}) } }]);
};
