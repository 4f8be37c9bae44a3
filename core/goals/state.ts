// Goal stream state. A goal set with SetGoal carries its definition in its own stream; a goal
// made by breaking another down is defined in its parent's stream, so its own stream holds only
// what happened to it later, and decide completes it from the goals read model (a fact).
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type GoalEvent, goalEventCodecs } from './events';

/** What a decision needs to know about an existing goal. */
export interface GoalFact {
  readonly goalId: string;
  readonly title: string;
  readonly owner: string;
  readonly metric: string;
  readonly period: string;
  readonly target: number;
  readonly brokenDown: boolean;
}

export interface GoalState {
  readonly status: 'none' | 'set';
  readonly def?: Omit<GoalFact, 'target' | 'brokenDown'>;
  /** latest target known from this stream (set or revised) */
  readonly target?: number;
  readonly brokenDown: boolean;
}

export const initialGoal = (): GoalState => ({ status: 'none', brokenDown: false });

export const evolveGoal = (s: GoalState, e: FoldedEvent<GoalEvent>): GoalState => {
  switch (e.type) {
    case 'GoalSet': {
      const d = e.data;
      return { status: 'set', def: { goalId: d.goalId, title: d.title, owner: d.owner, metric: d.metric, period: d.period }, target: d.target, brokenDown: false };
    }
    case 'GoalDecomposed':
    case 'GoalCascaded':
      return { ...s, brokenDown: true };
    case 'GoalRevised':
      return { ...s, target: e.data.to };
    default:
      return s;
  }
};

export const goalStream = streamKind('tally-goal-', initialGoal, evolveGoal, goalEventCodecs);

/** The goal as a decision sees it: its own stream first, the read model for what the stream lacks. */
export const knownGoal = (s: GoalState, fact: GoalFact | null | undefined): GoalFact | undefined => {
  if (s.def) return { ...s.def, target: s.target ?? 0, brokenDown: s.brokenDown };
  if (!fact) return undefined;
  return { ...fact, target: s.target ?? fact.target, brokenDown: s.brokenDown || fact.brokenDown };
};

/** `team:T-1` → ['team', 'T-1']; `company` → ['company', '']. */
export const ownerParts = (owner: string): ['company' | 'team' | 'rep', string] => {
  const i = owner.indexOf(':');
  return i < 0 ? ['company', ''] : [owner.slice(0, i) as 'team' | 'rep', owner.slice(i + 1)];
};

/** The id of a child goal: the parent's id and the sub-period or owner it covers. */
export const childGoalId = (parentId: string, part: string): string => `${parentId}.${part}`;
