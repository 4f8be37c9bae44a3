// The sets of child goals that must add up to a goal's target: its breakdown (DecomposeGoal or
// CascadeGoal), and the goals set with it as their parentGoalId — those on its period for other
// owners (an owner split: the company's month into its teams' months) and those of its own owner
// that cover its period with sub-periods of one kind (a period split set by hand). A set whose
// targets do not sum to the goal's is a mismatch, with its amount. Linked goals that cover only
// part of the period (one month of a year) are no set: there is nothing they should add up to.
import { money } from '../../incentives/calculate/format';
import { periodKind, subPeriods } from '../../shared/period';
import type { Directory } from '../../teams/readModels/directory';
import type { GoalRecord, GoalsState } from './goals';

export interface ChildSet {
  /** how the children were linked: made by the goal's breakdown, or set naming it as parent */
  readonly via: 'decomposed' | 'cascaded' | 'parentGoalId';
  readonly kind: 'period' | 'owners';
  readonly children: readonly string[];
  readonly childrenTotal: number;
  /** target − childrenTotal: above 0 the children fall short, below 0 they go over */
  readonly difference: number;
  readonly mismatch: boolean;
}

const setOf = (g: GoalRecord, via: ChildSet['via'], kind: ChildSet['kind'], children: readonly GoalRecord[]): ChildSet => {
  const childrenTotal = children.reduce((a, c) => a + c.target, 0);
  return { via, kind, children: children.map((c) => c.goalId), childrenTotal, difference: g.target - childrenTotal, mismatch: childrenTotal !== g.target };
};

/** Every set of children that should sum to the goal's target, its breakdown first. */
export const childSets = (s: GoalsState, g: GoalRecord): ChildSet[] => {
  const out: ChildSet[] = [];
  if (g.breakdown) {
    const made = g.children.map((id) => s.goals.get(id)).filter((c): c is GoalRecord => c !== undefined);
    out.push(setOf(g, g.breakdown.kind === 'period' ? 'decomposed' : 'cascaded', g.breakdown.kind, made));
  }
  const linked = (s.linked.get(g.goalId) ?? []).map((id) => s.goals.get(id)).filter((c): c is GoalRecord => c !== undefined && c.metric === g.metric);
  const owners = linked.filter((c) => c.period === g.period && c.owner !== g.owner);
  if (owners.length > 0) out.push(setOf(g, 'parentGoalId', 'owners', owners));
  const byKind = new Map<string, GoalRecord[]>();
  for (const c of linked) {
    const kind = c.owner === g.owner ? periodKind(c.period) : undefined;
    if (kind && subPeriods(g.period, kind)?.includes(c.period)) byKind.set(kind, [...(byKind.get(kind) ?? []), c]);
  }
  for (const [kind, parts] of byKind) {
    const periods = new Set(parts.map((c) => c.period));
    if (subPeriods(g.period, kind as 'month')!.every((p) => periods.has(p))) out.push(setOf(g, 'parentGoalId', 'period', parts.sort((a, b) => a.period.localeCompare(b.period))));
  }
  return out;
};

/** The warning for a set that does not add up, with its amounts (revenue as money, CNY 1,140.00, not 114000) and what to do. */
export const mismatchWarning = (g: GoalRecord, set: ChildSet, currency: string): string => {
  const amount = (v: number): string => (g.metric === 'revenue' ? money(v, currency) : String(v));
  const which =
    set.via === 'parentGoalId'
      ? `the ${set.kind === 'owners' ? `goals of other owners for ${g.period}` : 'goals of its sub-periods'} that name it as parent (${set.children.join(', ')})`
      : "the children's targets";
  const gap = `${set.difference > 0 ? 'short by' : 'over by'} ${amount(Math.abs(set.difference))}`;
  return `mismatch: ${which} sum to ${amount(set.childrenTotal)}, not to the target ${amount(g.target)} (${gap}); revise the children or the target`;
};

/**
 * A goal's title as a reader reads it: a cascaded child is titled by its parent's title and the
 * owner it went to (`Q4 · team:T-1 · rep:R-01`); each owner ref of a known team or rep is shown
 * as its name as of the world read (`Q4 · 华东销售部 · 张伟`), so a renamed team reads right.
 */
export const titleWithNames = (title: string, directory: Directory): string =>
  title
    .split(' · ')
    .map((part) => {
      const ref = /^(team|rep):(.+)$/.exec(part);
      const known = ref && (ref[1] === 'team' ? directory.teams.get(ref[2]) : directory.reps.get(ref[2]));
      return known ? known.name : part;
    })
    .join(' · ');
