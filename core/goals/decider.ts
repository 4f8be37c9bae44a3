// Goals: stream kind, the facts each command needs from read models, and command wiring.
// Their fact queries are in facts.ts, which index.ts hands to the shell.
import type { FactSource, Scope, StreamRef, StreamStates } from '../shared/command';
import { defineCommand, factRef } from '../shared/command';
import type { DecideContext } from '../shared/decider';
import { aYearBefore, previousPeriod, subPeriods, type PeriodKind } from '../shared/period';
import { repStream, teamStream } from '../teams/state';
import { CascadeGoal, DecomposeGoal, ReviseGoal, SetGoal } from './commands';
import { cascadeGoal, decomposeGoal, reviseGoal, setGoal, type GoalFacts } from './decide';
import { childGoalId, goalStream, knownGoal, ownerParts, type GoalFact } from './state';

export { goalStream };

/** Arguments of GOAL_FACTS.values: one actual per item; null when the metric is not measured. */
export interface ValuesArgs {
  readonly metric: string;
  readonly items: readonly { owner: string; period: string }[];
}

/** Arguments of GOAL_FACTS.conflicts: goals about to be made; answers why any cannot be. */
export interface ConflictArgs {
  readonly goals: readonly { goalId: string; owner: string; metric: string; period: string }[];
}

/** The read-model queries goal commands decide on (answered in facts.ts). */
export const GOAL_FACTS = {
  /** the goal as the read model knows it, or null */
  record: factRef<{ goalId: string }, GoalFact | null>('goals.record'),
  /** why any of these goals could not be made (one per owner, metric and period) */
  conflicts: factRef<ConflictArgs, string[]>('goals.conflicts'),
  /** the actuals of each item, or null when the metric is not measured */
  values: factRef<ValuesArgs, number[] | null>('goals.metricValues'),
  /** a rep's team now, or null */
  teamOfRep: factRef<{ repId: string }, string | null>('goals.teamOfRep'),
};

const ownerRead = (owner: string): StreamRef[] => {
  const [kind, id] = ownerParts(owner);
  return kind === 'team' ? [[teamStream, id]] : kind === 'rep' ? [[repStream, id]] : [];
};

const ownerTeam = (owner: string, src: FactSource): string | null => {
  const [kind, id] = ownerParts(owner);
  return kind === 'team' ? id : kind === 'rep' ? src.query(GOAL_FACTS.teamOfRep, { repId: id }) : null;
};

/** Managers act on their own team's goals (the company's are not theirs); reps on their own. */
const ownerScope = (owner: string, team: string | null | undefined): Scope => {
  const [kind, id] = ownerParts(owner);
  if (kind === 'company') return { teams: ['company'] };
  if (kind === 'team') return { teams: [id] };
  return { reps: [id], teams: [team ?? undefined] };
};

/** The goal a command names, and who owns it, from its stream or else the read model. */
const existingGoalFacts = (goalId: string, src: FactSource, streams: StreamStates): { goal: GoalFact | null; known?: GoalFact; ownerTeam?: string | null } => {
  const goal = src.query(GOAL_FACTS.record, { goalId });
  const known = knownGoal(streams.state(goalStream, goalId), goal);
  return { goal, known, ownerTeam: known ? ownerTeam(known.owner, src) : undefined };
};

/** Facts for a breakdown: the goal, its owner's team, the children's conflicts and, if weighed by history, the past actuals. */
const breakdownFacts = (
  goalId: string,
  src: FactSource,
  streams: StreamStates,
  plan: (g: GoalFact) => { children: ConflictArgs['goals']; history?: ValuesArgs['items'] },
): GoalFacts => {
  const { goal, known, ownerTeam: team } = existingGoalFacts(goalId, src, streams);
  if (!known) return { goal };
  const { children, history } = plan(known);
  return {
    goal,
    ownerTeam: team,
    conflicts: src.query(GOAL_FACTS.conflicts, { goals: children }),
    ...(history ? { history: src.query(GOAL_FACTS.values, { metric: known.metric, items: history }) } : {}),
  };
};

const goalScope = (goalId: string, ctx: DecideContext<GoalFacts>): Scope => {
  const f = ctx.facts;
  const g = knownGoal(ctx.state(goalStream, goalId), f.goal);
  return g ? ownerScope(g.owner, f.ownerTeam) : {};
};

export const goalCommands = [
  defineCommand({
    type: 'SetGoal',
    summary: 'Set a SMART goal for the company, a team or a rep on a metric and period; target as an amount or { growth, over }.',
    codec: SetGoal,
    kind: goalStream,
    streamId: (c) => c.goalId,
    reads: (c) => ownerRead(c.owner),
    facts: (c, src): GoalFacts => ({
      goal: src.query(GOAL_FACTS.record, { goalId: c.goalId }),
      conflicts: src.query(GOAL_FACTS.conflicts, { goals: [{ goalId: c.goalId, owner: c.owner, metric: c.metric, period: c.period }] }),
      ...(typeof c.target === 'object'
        ? { baseline: src.query(GOAL_FACTS.values, { metric: c.metric, items: [{ owner: c.owner, period: c.target.over }] })?.[0] ?? null }
        : {}),
    }),
    decide: setGoal,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => {
      const [kind, id] = ownerParts(c.owner);
      const rep = kind === 'rep' ? ctx.state(repStream, id) : undefined;
      return ownerScope(c.owner, rep?.status === 'active' ? rep.teamId : undefined);
    },
  }),
  defineCommand({
    type: 'DecomposeGoal',
    summary: 'Break a goal into quarters, months or ISO weeks (even, seasonal from the same sub-periods a year before, or explicit weights); child targets sum exactly.',
    codec: DecomposeGoal,
    kind: goalStream,
    streamId: (c) => c.goalId,
    facts: (c, src, streams) =>
      breakdownFacts(c.goalId, src, streams, (g) => {
        const parts = subPeriods(g.period, c.into as PeriodKind) ?? [];
        return {
          children: parts.map((p) => ({ goalId: childGoalId(c.goalId, p), owner: g.owner, metric: g.metric, period: p })),
          // a sub-period is weighed by the same one a year before (decide.ts, seasonalWeights)
          history: c.method === 'seasonal' ? parts.map((p) => ({ owner: g.owner, period: aYearBefore(p) })) : undefined,
        };
      }),
    decide: decomposeGoal,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => goalScope(c.goalId, ctx),
  }),
  defineCommand({
    type: 'CascadeGoal',
    summary: "Cascade a goal to the owners below it (company → teams or reps, team → its reps) by even split, weights, or the owners' previous-period actuals.",
    codec: CascadeGoal,
    kind: goalStream,
    streamId: (c) => c.goalId,
    reads: (c) => c.owners.flatMap(ownerRead),
    facts: (c, src, streams) =>
      breakdownFacts(c.goalId, src, streams, (g) => ({
        children: c.owners.map((o) => ({ goalId: childGoalId(c.goalId, o), owner: o, metric: g.metric, period: g.period })),
        history: c.method === 'history' ? c.owners.map((o) => ({ owner: o, period: previousPeriod(g.period) })) : undefined,
      })),
    decide: cascadeGoal,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => {
      const own = goalScope(c.goalId, ctx);
      const teams = c.owners.map((o) => {
        const [kind, id] = ownerParts(o);
        if (kind === 'team') return id;
        const rep = kind === 'rep' ? ctx.state(repStream, id) : undefined;
        return rep?.status === 'active' ? rep.teamId : undefined;
      });
      return { ...own, teams: [...(own.teams ?? []), ...teams] };
    },
  }),
  defineCommand({
    type: 'ReviseGoal',
    summary: 'Change a goal\'s target with a reason; the old target stays in its history and in as-of answers.',
    codec: ReviseGoal,
    kind: goalStream,
    streamId: (c) => c.goalId,
    facts: (c, src, streams): GoalFacts => {
      const { goal, known, ownerTeam: team } = existingGoalFacts(c.goalId, src, streams);
      if (!known || typeof c.target === 'number') return { goal, ownerTeam: team };
      const baseline = src.query(GOAL_FACTS.values, { metric: known.metric, items: [{ owner: known.owner, period: c.target.over }] });
      return { goal, ownerTeam: team, baseline: baseline?.[0] ?? null };
    },
    decide: reviseGoal,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => goalScope(c.goalId, ctx),
  }),
];
