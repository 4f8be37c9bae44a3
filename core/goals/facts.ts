// The read-model facts goal commands need (core/goals/decider.ts names them): the goal as the
// read model knows it, what new goals would collide with, baseline and seasonal actuals from
// the sales ledger, and a rep's team.
import { GOAL_FACTS } from './decider';
import { directoryProjection } from '../teams/readModels/directory';
import { goalConflicts, goalFact, goalRecord } from './readModels/goals';
import { isMetric, metricValue, salesLedgerProjection } from '../ledger/salesLedger';
import { answers, type FactQueries } from '../fold/facts';

export const goalFacts: FactQueries = [
  answers(GOAL_FACTS.record, (world, { goalId }) => {
    const g = goalRecord(world, goalId);
    return g ? goalFact(g) : null;
  }),
  answers(GOAL_FACTS.conflicts, (world, { goals }) => goalConflicts(world, goals)),
  answers(GOAL_FACTS.values, (world, { metric, items }) => {
    if (!isMetric(metric)) return null;
    const ledger = world.get(salesLedgerProjection);
    return items.map((i) => metricValue(ledger, i.owner, metric, i.period));
  }),
  answers(GOAL_FACTS.teamOfRep, (world, { repId }) => world.get(directoryProjection).reps.get(repId)?.teamId ?? null),
];
