// The read-model facts goal commands need (core/goals/decider.ts names them): the goal as the
// read model knows it, what new goals would collide with, baseline and seasonal actuals from
// the sales ledger, and a rep's team.
import { GOAL_FACTS, type ConflictArgs, type ValuesArgs } from './decider';
import { directoryProjection } from '../teams/readModels/directory';
import { goalConflicts, goalFact, goalRecord } from './readModels/goals';
import { isMetric, metricValue, salesLedgerProjection } from '../ledger/salesLedger';
import type { FactQueries } from '../fold/facts';

export const goalFacts: FactQueries = {
  [GOAL_FACTS.record]: (world, args) => {
    const g = goalRecord(world, String(args.goalId));
    return g ? goalFact(g) : null;
  },
  [GOAL_FACTS.conflicts]: (world, args) => goalConflicts(world, (args as unknown as ConflictArgs).goals),
  [GOAL_FACTS.values]: (world, args) => {
    const { metric, items } = args as unknown as ValuesArgs;
    if (!isMetric(metric)) return null;
    const ledger = world.get(salesLedgerProjection);
    return items.map((i) => metricValue(ledger, i.owner, metric, i.period));
  },
  [GOAL_FACTS.teamOfRep]: (world, args) => world.get(directoryProjection).reps.get(String(args.repId))?.teamId ?? null,
};
