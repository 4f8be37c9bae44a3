// A goal's progress (SPEC §4 GoalProgress): actual from the sales ledger — what occurred by `at` —,
// attainment, expected to date (linear in elapsed business time, or the sum of the children's),
// pace, run-rate forecast, the SMART check with its reasons, pace alerts and a sparkline series.
// What depends only on the log position is memoised per World; what depends on `at` is a few
// integer operations and the credits of the day of `at`.
import { money } from '../../incentives/calculate/format';
import { Dec, ratio } from '../../shared/money';
import { parsePeriod, periodBounds, shiftPeriod, toMillis, type PeriodKind } from '../../shared/period';
import type { TargetSpec } from '../events';
import { directoryProjection } from '../../teams/readModels/directory';
import { partialBaselineWarning } from './goalBaseline';
import { weekCoverageWarning } from './weekCoverage';
import { goalsOf, goalsWhere, type GoalBreakdown, type GoalFilter, type GoalRecord, type GoalRevision, type GoalsState } from './goals';
import { childSets, mismatchWarning, titleWithNames, type ChildSet } from './goalTree';
import { memoized } from '../../fold/memo';
import { cumulative, dailyIncrements, localDayStart, rangeValue, valueBy } from '../../ledger/metricDays';
import { dayId, dayRange, isMetric, localDay, metricValue, METRICS, salesLedgerProjection, splitOwner } from '../../ledger/salesLedger';
import type { World } from '../../fold/world';
import type { Steps } from '../../fold/steps';

export type Pace = 'ahead' | 'on-track' | 'at-risk' | 'behind';
export const PACES: readonly Pace[] = ['ahead', 'on-track', 'at-risk', 'behind'];

/** Thresholds, as decimal strings; the shell reads them from TALLY_* variables. */
export interface GoalPolicy {
  /** achievable: warn when the target exceeds this × the best comparable past period */
  readonly achievableFactor: string;
  /** achievable: warn when the target exceeds this × the trailing 90-day run-rate */
  readonly runRateFactor: string;
  /** pace from actual / expectedToDate: ahead ≥ paceAhead, on-track ≥ paceOnTrack, at-risk ≥ paceAtRisk, else behind */
  readonly paceAhead: string;
  readonly paceOnTrack: string;
  readonly paceAtRisk: string;
}

export const DEFAULT_GOAL_POLICY: GoalPolicy = { achievableFactor: '1.5', runRateFactor: '1.5', paceAhead: '1.10', paceOnTrack: '1.00', paceAtRisk: '0.90' };

// ---------- exact integer arithmetic (targets and actuals are integers; so are milliseconds) ----------

interface Rational {
  readonly n: bigint;
  readonly d: bigint;
}

const rational = (s: string): Rational => {
  const m = /^(-?)(\d+)(?:\.(\d+))?$/.exec(new Dec(s).toFixed())!;
  const frac = m[3] ?? '';
  return { n: BigInt(`${m[1]}${m[2]}${frac}`), d: 10n ** BigInt(frac.length) };
};

/** a × b / c rounded half away from zero, exactly (c > 0). */
export const mulDivRound = (a: number, b: number, c: number): number => {
  const n = BigInt(a) * BigInt(b);
  const d = BigInt(c);
  const abs = n < 0n ? -n : n;
  const q = Number((2n * abs + d) / (2n * d));
  return n < 0n ? -q : q;
};

/** value ≥ base × r, exactly */
const atLeast = (value: number, base: number, r: Rational): boolean => BigInt(value) * r.d >= BigInt(base) * r.n;

interface Compiled {
  readonly ahead: Rational;
  readonly onTrack: Rational;
  readonly atRisk: Rational;
  readonly achievable: Rational;
  readonly runRate: Rational;
}

const compiledPolicies = new WeakMap<GoalPolicy, Compiled>();
const compile = (p: GoalPolicy): Compiled => {
  let c = compiledPolicies.get(p);
  if (!c) {
    c = { ahead: rational(p.paceAhead), onTrack: rational(p.paceOnTrack), atRisk: rational(p.paceAtRisk), achievable: rational(p.achievableFactor), runRate: rational(p.runRateFactor) };
    compiledPolicies.set(p, c);
  }
  return c;
};

/**
 * Pace from actual against expected to date; null before the period starts. With nothing expected
 * yet (a zero target, or the first instant), any sale is ahead.
 */
export const paceOf = (actual: number, expected: number, started: boolean, policy: GoalPolicy = DEFAULT_GOAL_POLICY): Pace | null => {
  if (!started) return null;
  if (expected <= 0) return actual > 0 ? 'ahead' : actual === 0 ? 'on-track' : 'behind';
  const c = compile(policy);
  if (atLeast(actual, expected, c.ahead)) return 'ahead';
  if (atLeast(actual, expected, c.onTrack)) return 'on-track';
  if (atLeast(actual, expected, c.atRisk)) return 'at-risk';
  return 'behind';
};

// ---------- expected to date ----------

/** Expected by `ms`: linear over the goal's period, or the sum of its children's (each rounded). */
export const expectedAt = (s: GoalsState, g: GoalRecord, ms: number, zone: string): number => {
  if (g.children.length > 0) {
    let sum = 0;
    for (const id of g.children) {
      const c = s.goals.get(id);
      if (c) sum += expectedAt(s, c, ms, zone);
    }
    return sum;
  }
  const b = periodBounds(g.period, zone);
  if (ms <= b.start) return 0;
  if (ms >= b.end) return g.target;
  return mulDivRound(g.target, ms - b.start, b.end - b.start);
};

// ---------- what depends only on the log position ----------

export interface Smart {
  readonly specific: boolean;
  readonly measurable: boolean;
  readonly achievable: boolean;
  readonly relevant: boolean;
  readonly timeBound: boolean;
  readonly warnings: readonly string[];
}

export interface GoalHistory {
  /** the best of the comparable past periods (the same kind, just before this one) */
  readonly best: { readonly period: string; readonly value: number } | null;
  /** the 90 days before the period, scaled to its length (not for activeCustomers) */
  readonly runRate: number | null;
  readonly lookback: readonly string[];
}

const LOOKBACK: Record<PeriodKind, number> = { year: 3, quarter: 4, month: 12, week: 13, day: 28 };
const RUN_RATE_DAYS = 90;

interface Base {
  readonly g: GoalRecord;
  readonly measurable: boolean;
  /** over the whole period */
  readonly actual: number;
  readonly start: number;
  readonly end: number;
  readonly fromDay: number;
  readonly days: number;
  readonly history: GoalHistory;
  readonly breakdown: GoalProgress['breakdown'];
  readonly warnings: readonly string[];
}

/** The periods before a goal's whose best it shows. */
const lookbackOf = (g: GoalRecord): string[] => Array.from({ length: LOOKBACK[parsePeriod(g.period)!.kind] }, (_, i) => shiftPeriod(g.period, -(i + 1)));

/** A goal's metric over a whole period, memoised per position: each is a scan of the period's rows, and a long read makes them one step each. */
const metricOver = (world: World, g: GoalRecord, period: string): number =>
  memoized(world, 'goal-metric', `${g.owner}|${g.metric}|${period}`, () => metricValue(world.get(salesLedgerProjection), g.owner, g.metric as (typeof METRICS)[number], period));

const historyOf = (world: World, g: GoalRecord, fromDay: number, days: number): GoalHistory => {
  const ledger = world.get(salesLedgerProjection);
  const lookback = lookbackOf(g);
  let best: GoalHistory['best'] = null;
  for (const p of lookback) {
    const v = metricOver(world, g, p);
    if (v > 0 && (best === null || v > best.value)) best = { period: p, value: v };
  }
  // The run-rate is of the 90 days before the period, or before the goal was set when that is
  // earlier (a goal for next year must not count the days still to come as days without sales).
  const windowEnd = Math.min(fromDay, localDay(Date.parse(g.setAt), world.settings.zone));
  const recent = g.metric === 'activeCustomers' ? undefined : rangeValue(ledger, g.owner, g.metric, windowEnd - RUN_RATE_DAYS, windowEnd);
  const runRate = recent !== undefined && recent > 0 ? mulDivRound(recent, days, RUN_RATE_DAYS) : null;
  return { best, runRate, lookback };
};

const baseOf = (world: World, g: GoalRecord): Base =>
  memoized(world, 'goal-base', g.goalId, () => {
    const zone = world.settings.zone;
    const b = periodBounds(g.period, zone);
    const range = dayRange(g.period, zone);
    const measurable = isMetric(g.metric);
    const actual = measurable ? metricOver(world, g, g.period) : 0;
    const days = range.to - range.from;
    const history: GoalHistory = measurable ? historyOf(world, g, range.from, days) : { best: null, runRate: null, lookback: [] };
    const sets = childSets(goalsOf(world), g);
    const warnings = sets.filter((set) => set.mismatch).map((set) => mismatchWarning(g, set, world.settings.currency));
    if (g.breakdown?.fallback) warnings.push(`breakdown: ${g.breakdown.fallback}`);
    const partialBaseline = partialBaselineWarning(g, zone);
    if (partialBaseline) warnings.push(partialBaseline);
    const outsideWeeks = weekCoverageWarning(g, zone);
    if (outsideWeeks) warnings.push(outsideWeeks);
    // the goal's own breakdown, else the children that name it as parent
    const main = sets[0];
    const breakdown: GoalProgress['breakdown'] = !main
      ? null
      : {
          ...(g.breakdown ?? { kind: main.kind, method: 'linked', weights: [] }),
          childrenTotal: main.childrenTotal, difference: main.difference, mismatch: sets.some((set) => set.mismatch), sets,
        };
    return { g, measurable, actual, start: b.start, end: b.end, fromDay: range.from, days, history, breakdown, warnings };
  });

const smartOf = (world: World, base: Base, policy: GoalPolicy): Smart =>
  memoized(world, 'goal-smart', `${base.g.goalId}|${policy.achievableFactor}|${policy.runRateFactor}`, () => {
    const { g, history } = base;
    const warnings: string[] = [];
    const dir = world.get(directoryProjection);
    const [kind, id] = splitOwner(g.owner);
    const specific = kind === 'company' || (kind === 'team' ? dir.teams.has(id) : kind === 'rep' ? dir.reps.has(id) : false);
    if (!specific) warnings.push(`specific: ${g.owner} is not a known team or rep`);
    if (!base.measurable) warnings.push(`measurable: Tally does not measure '${g.metric}' (it measures ${METRICS.join(', ')}), so progress cannot be tracked`);
    let achievable = true;
    if (base.measurable) {
      const c = compile(policy);
      const periodKindName = parsePeriod(g.period)!.kind;
      // revenue is kept in minor units: a warning shows it as money (CNY 9,000,000.00, not 900000000)
      const amount = (v: number): string => (g.metric === 'revenue' ? money(v, world.settings.currency) : String(v));
      if (history.best === null && history.runRate === null) {
        warnings.push(`achievable: ${g.owner} has no ${g.metric} before ${g.period}, so the target cannot be judged against history yet`);
      }
      if (history.best !== null && !atLeast(history.best.value, g.target, invert(c.achievable))) {
        achievable = false;
        warnings.push(`achievable: the target ${amount(g.target)} is ${ratio(g.target, history.best.value, 2)}× the best ${periodKindName} of the last ${history.lookback.length} (${history.best.period}: ${amount(history.best.value)}); above ${policy.achievableFactor}× is a stretch`);
      }
      if (history.runRate !== null && !atLeast(history.runRate, g.target, invert(c.runRate))) {
        achievable = false;
        warnings.push(`achievable: the target ${amount(g.target)} is ${ratio(g.target, history.runRate, 2)}× the trailing run-rate (${amount(history.runRate)} per ${periodKindName}, from the ${RUN_RATE_DAYS} days before ${g.period} or before it was set); above ${policy.runRateFactor}× is a stretch`);
      }
    }
    const parentKnown = g.parentGoalId !== undefined && goalsOf(world).goals.has(g.parentGoalId);
    if (g.parentGoalId !== undefined && !parentKnown) warnings.push(`relevant: the parent goal '${g.parentGoalId}' is unknown`);
    const relevant = parentKnown || g.relevance !== undefined;
    if (!relevant && g.parentGoalId === undefined) warnings.push('relevant: link the goal to a parent goal (parentGoalId) or say why it matters (relevance)');
    if (toMillis(g.setAt) >= base.end) warnings.push(`timeBound: the period ${g.period} had already ended when the goal was set`);
    return { specific, measurable: base.measurable, achievable, relevant, timeBound: true, warnings };
  });

/** target ≤ factor × base  ⇔  base ≥ target / factor */
const invert = (r: Rational): Rational => ({ n: r.d, d: r.n });

/** The sparkline's checkpoints: the end of every day, or of every week or fortnight of a quarter or a year. */
const STRIDE: Record<PeriodKind, number> = { day: 1, week: 1, month: 1, quarter: 7, year: 14 };

interface Curves {
  /** day indexes of the checkpoints (the last day of the period always among them) */
  readonly idx: readonly number[];
  /** cumulative actual and expected at the end of each checkpoint's day */
  readonly points: readonly SeriesPoint[];
  /** cumulative actual at the end of every day */
  readonly cum: readonly number[];
}

const curvesOf = (world: World, base: Base): Curves =>
  memoized(world, 'goal-curves', base.g.goalId, () => {
    const zone = world.settings.zone;
    const inc = dailyIncrements(world.get(salesLedgerProjection), base.g.owner, base.g.metric, base.fromDay, base.fromDay + base.days) ?? new Array(base.days).fill(0);
    const cum = cumulative(inc);
    const s = goalsOf(world);
    const stride = STRIDE[parsePeriod(base.g.period)!.kind];
    const idx: number[] = [];
    for (let i = stride - 1; i < base.days - 1; i += stride) idx.push(i);
    idx.push(base.days - 1);
    const points = idx.map((i) => ({ date: dayId(base.fromDay + i), actual: cum[i], expected: expectedAt(s, base.g, localDayStart(base.fromDay + i + 1, zone), zone) }));
    return { idx, points, cum };
  });

/** The pace at each checkpoint, under a policy. */
const pacesOf = (world: World, base: Base, curves: Curves, policy: GoalPolicy): readonly Pace[] =>
  memoized(world, 'goal-paces', `${base.g.goalId}|${policy.paceAhead}|${policy.paceOnTrack}|${policy.paceAtRisk}`, () =>
    curves.points.map((p) => paceOf(p.actual, p.expected, true, policy)!),
  );

/** part / whole to 4 places, half away from zero, exactly (integers in, null for a zero whole). */
export const ratio4 = (part: number, whole: number): number | null =>
  whole === 0 ? null : (whole < 0 ? mulDivRound(-part, 10_000, -whole) : mulDivRound(part, 10_000, whole)) / 10_000;

// ---------- the answer ----------

export interface PaceAlert {
  /** the local day the goal turned */
  readonly date: string;
  readonly from: Pace;
  readonly to: Pace;
}

export interface SeriesPoint {
  readonly date: string;
  readonly actual: number;
  readonly expected: number;
}

export interface GoalProgress {
  readonly goalId: string;
  readonly title: string;
  readonly owner: string;
  readonly metric: string;
  readonly period: string;
  readonly target: number;
  readonly actual: number;
  readonly attainment: number | null;
  readonly expectedToDate: number;
  readonly pace: Pace | null;
  readonly forecast: number | null;
  readonly smart: Smart;
  readonly children: readonly string[];
  // beyond the contract
  readonly parentGoalId: string | null;
  readonly relevance: string | null;
  readonly origin: GoalRecord['origin'];
  readonly targetSpec: TargetSpec | null;
  readonly baseline: number | null;
  /**
   * The goal's breakdown (or, without one, the goals that name it as parent): `childrenTotal` and
   * `difference` (target − total) of that set; `mismatch` when any set of children in `sets` does
   * not add up to the target.
   */
  readonly breakdown: (GoalBreakdown & { childrenTotal: number; difference: number; mismatch: boolean; sets: readonly ChildSet[] }) | null;
  readonly warnings: readonly string[];
  readonly revisions: readonly GoalRevision[];
  readonly at: string;
  readonly elapsed: number;
  readonly alerts: readonly PaceAlert[];
  readonly history: GoalHistory;
  readonly series?: readonly SeriesPoint[];
}

export interface ProgressOptions {
  /** the business moment pace and expectations are measured at */
  readonly at: string | number;
  readonly policy?: GoalPolicy;
  /** add the cumulative actual-vs-expected series (for a sparkline) */
  readonly series?: boolean;
}

const MAX_ALERTS = 10;

const progressOf = (world: World, g: GoalRecord, o: ProgressOptions): GoalProgress => {
  const policy = o.policy ?? DEFAULT_GOAL_POLICY;
  const zone = world.settings.zone;
  const base = baseOf(world, g);
  const atMs = toMillis(o.at);
  const started = atMs > base.start;
  // only what occurred by `at` (the World holds only what was recorded by `asOf`)
  const actual = !base.measurable ? 0 : atMs >= base.end ? base.actual : valueBy(world.get(salesLedgerProjection), g.owner, g.metric, g.period, atMs)!;
  const expectedToDate = expectedAt(goalsOf(world), g, atMs, zone);
  const pace = base.measurable ? paceOf(actual, expectedToDate, started, policy) : null;
  const span = base.end - base.start;
  const elapsedMs = Math.min(Math.max(atMs - base.start, 0), span);
  const forecast = !base.measurable || !started ? null : elapsedMs >= span ? actual : mulDivRound(actual, span, elapsedMs);

  // At each checkpoint up to `at` (so a long goal does not alert on daily noise): the pace alerts
  // and the sparkline. The last point is `at` itself while the period is still open.
  const lastIdx = !started ? -1 : atMs >= base.end ? base.days - 1 : Math.min(localDay(atMs, zone) - base.fromDay, base.days - 1);
  const alerts: PaceAlert[] = [];
  let points: SeriesPoint[] = [];
  if (base.measurable && lastIdx >= 0) {
    const curves = curvesOf(world, base);
    const paces = pacesOf(world, base, curves, policy);
    let k = 0;
    while (curves.idx[k] < lastIdx) k++;
    const open = atMs < base.end;
    const last: SeriesPoint = open ? { date: dayId(base.fromDay + lastIdx), actual, expected: expectedToDate } : curves.points[k];
    points = [...curves.points.slice(0, k), last];
    let prev: Pace | null = null;
    for (let i = 0; i <= k; i++) {
      const p = i === k ? (open ? pace! : paces[k]) : paces[i];
      if (prev !== null && p !== prev && (p === 'at-risk' || p === 'behind')) alerts.push({ date: points[i].date, from: prev, to: p });
      prev = p;
    }
  }
  const series = o.series ? points : undefined;

  return {
    goalId: g.goalId,
    title: titleWithNames(g.title, world.get(directoryProjection)),
    owner: g.owner,
    metric: g.metric,
    period: g.period,
    target: g.target,
    actual,
    attainment: ratio4(actual, g.target),
    expectedToDate,
    pace,
    forecast,
    smart: smartOf(world, base, policy),
    children: g.children,
    parentGoalId: g.parentGoalId ?? null,
    relevance: g.relevance ?? null,
    origin: g.origin,
    targetSpec: g.targetSpec ?? null,
    baseline: g.baseline ?? null,
    breakdown: base.breakdown,
    warnings: base.warnings,
    revisions: g.revisions,
    at: typeof o.at === 'string' ? o.at : new Date(o.at).toISOString(),
    elapsed: span === 0 ? 1 : Math.round((elapsedMs / span) * 10_000) / 10_000,
    alerts: alerts.slice(-MAX_ALERTS),
    history: base.history,
    ...(series ? { series } : {}),
  };
};

/** One goal's progress, or undefined when the goal is unknown (at that position). */
export const goalProgress = (world: World, goalId: string, o: ProgressOptions): GoalProgress | undefined => {
  const g = goalsOf(world).goals.get(goalId);
  return g ? progressOf(world, g, o) : undefined;
};

/** Progress of every goal matching the filter (see goalsWhere for the order). */
export const goalsProgress = (world: World, f: GoalFilter, o: ProgressOptions): GoalProgress[] => goalsWhere(world, f).map((g) => progressOf(world, g, o));

export type GoalAtRisk = Pick<GoalProgress, 'goalId' | 'title' | 'owner' | 'metric' | 'period' | 'target' | 'actual' | 'expectedToDate'> & {
  readonly pace: 'at-risk' | 'behind';
  /** the day it last turned at-risk or behind */
  readonly since: string | null;
};

/** The day a goal's pace last turned at-risk or behind (its last pace alert), null when it never turned. */
export const turnedOn = (p: Pick<GoalProgress, 'alerts'>): string | null => p.alerts.at(-1)?.date ?? null;

/** Goals at risk or behind at `at`, worst first, with the day they turned: for reviews and alerts. */
export const goalsAtRisk = (world: World, f: GoalFilter, o: ProgressOptions): GoalAtRisk[] =>
  goalsProgress(world, f, o)
    .filter((p) => p.pace === 'at-risk' || p.pace === 'behind')
    .map((p) => ({
      goalId: p.goalId, title: p.title, owner: p.owner, metric: p.metric, period: p.period, target: p.target, actual: p.actual,
      expectedToDate: p.expectedToDate, pace: p.pace as 'at-risk' | 'behind', since: turnedOn(p),
    }))
    .sort((a, b) => (a.pace === b.pace ? 0 : a.pace === 'behind' ? -1 : 1) || a.goalId.localeCompare(b.goalId));

/**
 * goalsAtRisk in steps (fold/steps.ts): each goal's memoised parts — its actual and each earlier
 * period's, its base (run-rate, breakdown), then its daily curves — are made a step each before the answer, which then reads
 * them from the memo. A year's goal over a big ledger is a few scans of its rows; a long read (the
 * alert scheduler's look) yields between them. The answer is goalsAtRisk's.
 */
export function* goalsAtRiskSteps(world: World, f: GoalFilter, o: ProgressOptions): Steps<GoalAtRisk[]> {
  const atMs = toMillis(o.at);
  for (const g of goalsWhere(world, f)) {
    if (isMetric(g.metric))
      for (const period of [g.period, ...lookbackOf(g)]) {
        metricOver(world, g, period);
        yield;
      }
    const base = baseOf(world, g);
    yield;
    if (base.measurable && atMs > base.start) {
      curvesOf(world, base);
      yield;
    }
  }
  return goalsAtRisk(world, f, o);
}
