// Events of goals. A target is always recorded resolved (an amount), with the growth rule and
// the baseline it came from when it was given as growth, so replay never needs the ledger.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

const TargetSpec = t.type({ growth: t.string, over: t.string }, 'TargetSpec');

export const GoalSet = t.intersection(
  [
    t.type({ goalId: t.string, title: t.string, owner: t.string, metric: t.string, period: t.string, target: t.number }),
    t.partial({ parentGoalId: t.string, relevance: t.string, description: t.string, targetSpec: TargetSpec, baseline: t.number }),
  ],
  'GoalSet',
);

const PeriodChild = t.type({ goalId: t.string, period: t.string, target: t.number }, 'PeriodChild');
const OwnerChild = t.type({ goalId: t.string, owner: t.string, target: t.number }, 'OwnerChild');

export const GoalDecomposed = t.intersection(
  // reference: the periods a seasonal split was weighed by (the same sub-periods a year before)
  [t.type({ goalId: t.string, into: t.string, method: t.string, weights: t.array(t.string), children: t.array(PeriodChild) }), t.partial({ fallback: t.string, reference: t.array(t.string) })],
  'GoalDecomposed',
);

export const GoalCascaded = t.intersection(
  [t.type({ goalId: t.string, method: t.string, weights: t.array(t.string), children: t.array(OwnerChild) }), t.partial({ fallback: t.string })],
  'GoalCascaded',
);

export const GoalRevised = t.intersection(
  [t.type({ goalId: t.string, from: t.number, to: t.number, reason: t.string }), t.partial({ targetSpec: TargetSpec, baseline: t.number })],
  'GoalRevised',
);

export type TargetSpec = t.TypeOf<typeof TargetSpec>;
export type GoalSetData = t.TypeOf<typeof GoalSet>;
export type GoalDecomposedData = t.TypeOf<typeof GoalDecomposed>;
export type GoalCascadedData = t.TypeOf<typeof GoalCascaded>;
export type GoalRevisedData = t.TypeOf<typeof GoalRevised>;

export type GoalEvent = EventsOf<typeof goalEventCodecs>;

export const goalEventCodecs = { GoalSet, GoalDecomposed, GoalCascaded, GoalRevised } as const;
