// The goals read model: every goal with its current target, breakdown, children and revision
// history, indexed by owner and by (owner, metric, period). Progress is computed from it and the
// sales ledger in goalProgress.ts. Children made by a breakdown exist only here (their
// definition is in the parent's GoalDecomposed / GoalCascaded event).
import type { TargetSpec } from '../events';
import type { GoalFact } from '../state';
import { periodKind } from '../../shared/period';
import { defineProjection, unchanged } from '../../fold/projection';
import type { World } from '../../fold/world';

export interface GoalRevision {
  readonly from: number;
  readonly to: number;
  readonly reason: string;
  readonly recordedAt: string;
  readonly position: number;
  readonly targetSpec?: TargetSpec;
  readonly baseline?: number;
}

export interface GoalBreakdown {
  readonly kind: 'period' | 'owners';
  readonly into?: string;
  readonly method: string;
  readonly weights: readonly string[];
  readonly fallback?: string;
  /** the periods a seasonal split was weighed by (the same sub-periods a year before) */
  readonly reference?: readonly string[];
}

export interface GoalRecord {
  readonly goalId: string;
  readonly title: string;
  readonly owner: string;
  readonly metric: string;
  readonly period: string;
  target: number;
  targetSpec?: TargetSpec;
  baseline?: number;
  readonly parentGoalId?: string;
  readonly relevance?: string;
  readonly description?: string;
  /** how the goal came to be: set directly, or made by breaking its parent down */
  readonly origin: 'set' | 'decomposed' | 'cascaded';
  breakdown?: GoalBreakdown;
  children: string[];
  readonly revisions: GoalRevision[];
  /** recordedAt of the event that made it */
  readonly setAt: string;
  readonly position: number;
}

export interface GoalsState {
  readonly goals: Map<string, GoalRecord>;
  readonly byOwner: Map<string, string[]>;
  /** `owner|metric|period` → the first goal set on it */
  readonly byKey: Map<string, string>;
  /** goal id → the goals set with it as their parentGoalId (children made by its breakdown aside) */
  readonly linked: Map<string, string[]>;
}

export const goalKey = (owner: string, metric: string, period: string): string => `${owner}|${metric}|${period}`;

const add = (s: GoalsState, g: GoalRecord) => {
  if (s.goals.has(g.goalId)) return;
  s.goals.set(g.goalId, g);
  const list = s.byOwner.get(g.owner);
  if (list) list.push(g.goalId);
  else s.byOwner.set(g.owner, [g.goalId]);
  const key = goalKey(g.owner, g.metric, g.period);
  if (!s.byKey.has(key)) s.byKey.set(key, g.goalId);
};

interface ChildSpec {
  readonly goalId: string;
  readonly owner: string;
  readonly period: string;
  readonly target: number;
  /** what the child covers (a sub-period or an owner), for its title */
  readonly part: string;
}

/** A parent broken down by period or by owner: its breakdown, and a goal for each child. */
const breakDown = (s: GoalsState, parentId: string, breakdown: GoalBreakdown, children: (parent: GoalRecord) => ChildSpec[], recordedAt: string, position: number) => {
  const parent = s.goals.get(parentId);
  if (!parent) return;
  const specs = children(parent);
  parent.breakdown = breakdown;
  parent.children = specs.map((c) => c.goalId);
  for (const c of specs)
    add(s, {
      goalId: c.goalId, title: `${parent.title} · ${c.part}`, owner: c.owner, metric: parent.metric, period: c.period, target: c.target, parentGoalId: parent.goalId,
      ...(parent.relevance ? { relevance: parent.relevance } : {}), origin: breakdown.kind === 'period' ? 'decomposed' : 'cascaded', children: [], revisions: [], setAt: recordedAt, position,
    });
};

export const goalsProjection = defineProjection({
  name: 'goals',
  types: ['GoalSet', 'GoalCascaded', 'GoalDecomposed', 'GoalRevised'],
  init: (): GoalsState => ({ goals: new Map(), byOwner: new Map(), byKey: new Map(), linked: new Map() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'GoalSet': {
        const d = e.data;
        add(s, {
          goalId: d.goalId, title: d.title, owner: d.owner, metric: d.metric, period: d.period, target: d.target,
          ...(d.targetSpec ? { targetSpec: d.targetSpec, baseline: d.baseline } : {}),
          ...(d.parentGoalId ? { parentGoalId: d.parentGoalId } : {}), ...(d.relevance ? { relevance: d.relevance } : {}), ...(d.description ? { description: d.description } : {}),
          origin: 'set', children: [], revisions: [], setAt: e.recordedAt, position: e.position,
        });
        if (d.parentGoalId && s.goals.get(d.goalId)?.position === e.position) {
          const siblings = s.linked.get(d.parentGoalId);
          if (siblings) siblings.push(d.goalId);
          else s.linked.set(d.parentGoalId, [d.goalId]);
        }
        break;
      }
      case 'GoalDecomposed': {
        const d = e.data;
        breakDown(s, d.goalId, { kind: 'period', into: d.into, method: d.method, weights: d.weights, ...(d.fallback ? { fallback: d.fallback } : {}), ...(d.reference ? { reference: d.reference } : {}) },
          (parent) => d.children.map((c) => ({ goalId: c.goalId, owner: parent.owner, period: c.period, target: c.target, part: c.period })), e.recordedAt, e.position);
        break;
      }
      case 'GoalCascaded': {
        const d = e.data;
        breakDown(s, d.goalId, { kind: 'owners', method: d.method, weights: d.weights, ...(d.fallback ? { fallback: d.fallback } : {}) },
          (parent) => d.children.map((c) => ({ goalId: c.goalId, owner: c.owner, period: parent.period, target: c.target, part: c.owner })), e.recordedAt, e.position);
        break;
      }
      case 'GoalRevised': {
        const d = e.data;
        const g = s.goals.get(d.goalId);
        if (!g) break;
        g.revisions.push({ from: d.from, to: d.to, reason: d.reason, recordedAt: e.recordedAt, position: e.position, ...(d.targetSpec ? { targetSpec: d.targetSpec, baseline: d.baseline } : {}) });
        g.target = d.to;
        if (d.targetSpec) (g.targetSpec = d.targetSpec), (g.baseline = d.baseline);
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

// ---------- queries ----------

export const goalsOf = (world: World): GoalsState => world.get(goalsProjection);

export const goalRecord = (world: World, goalId: string): GoalRecord | undefined => goalsOf(world).goals.get(goalId);

/**
 * The goal of an owner on a metric for a period (the first one set when several exist), e.g. the
 * rep's quota for `quota: { fromGoal: true }` or the leaderboard's attainment.
 */
export const goalFor = (world: World, owner: string, metric: string, period: string): GoalRecord | undefined => {
  const s = goalsOf(world);
  const id = s.byKey.get(goalKey(owner, metric, period));
  return id === undefined ? undefined : s.goals.get(id);
};

/** The current target of that goal, or undefined when there is none. */
export const goalTarget = (world: World, owner: string, metric: string, period: string): number | undefined => goalFor(world, owner, metric, period)?.target;

export interface GoalFilter {
  readonly owner?: string;
  readonly period?: string;
  readonly metric?: string;
  /** keep only goals whose owner passes */
  readonly visible?: (owner: string) => boolean;
}

const KIND_ORDER: Record<string, number> = { company: 0, team: 1, rep: 2 };
const ownerRank = (owner: string) => KIND_ORDER[owner.split(':')[0]] ?? 3;
const PERIOD_ORDER: Record<string, number> = { year: 0, quarter: 1, month: 2, week: 3, day: 4 };
const kindRank = (period: string) => PERIOD_ORDER[periodKind(period) ?? 'day'];

/** Goals matching the filter: by period, then coarser periods first, company before teams before reps. */
export const goalsWhere = (world: World, f: GoalFilter): GoalRecord[] => {
  const s = goalsOf(world);
  const ids = f.owner !== undefined ? (s.byOwner.get(f.owner) ?? []) : [...s.goals.keys()];
  const out: GoalRecord[] = [];
  for (const id of ids) {
    const g = s.goals.get(id)!;
    if ((f.period === undefined || g.period === f.period) && (f.metric === undefined || g.metric === f.metric) && (!f.visible || f.visible(g.owner))) out.push(g);
  }
  return out.sort(
    (a, b) => a.period.slice(0, 4).localeCompare(b.period.slice(0, 4)) || kindRank(a.period) - kindRank(b.period) || a.period.localeCompare(b.period) ||
      ownerRank(a.owner) - ownerRank(b.owner) || a.owner.localeCompare(b.owner) || a.goalId.localeCompare(b.goalId),
  );
};

/** What a goal command's decision needs to know about an existing goal. */
export const goalFact = (g: GoalRecord): GoalFact => ({
  goalId: g.goalId, title: g.title, owner: g.owner, metric: g.metric, period: g.period, target: g.target, brokenDown: g.breakdown !== undefined,
});

/** Why any of these goals cannot be made: an id already used, or an owner/metric/period already with a goal. */
export const goalConflicts = (world: World, goals: readonly { goalId: string; owner: string; metric: string; period: string }[]): string[] => {
  const s = goalsOf(world);
  const out: string[] = [];
  for (const g of goals) {
    if (s.goals.has(g.goalId)) out.push(`goal '${g.goalId}' already exists`);
    const taken = s.byKey.get(goalKey(g.owner, g.metric, g.period));
    if (taken !== undefined && taken !== g.goalId) out.push(`${g.owner} already has a ${g.metric} goal for ${g.period} ('${taken}')`);
  }
  return out;
};
