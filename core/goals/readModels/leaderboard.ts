// The leaderboard (SPEC §4): every rep's value of a metric over a period, ranked by value, by
// attainment against the rep's goal, or by growth over the previous period of the same kind — a
// period in progress at `at` valued to `at` and compared with the same span of the previous one.
// Ties share a rank (1-2-2-4) and are ordered by repId. The full ranking is memoised per World
// position (and `at`, while the period runs), so a query only filters, slices and shapes it.
import { comparedGrowth, hasGrowthBase, periodComparison, type Comparison, type Growth } from '../../shared/growth';
import { ratio } from '../../shared/money';
import { previousPeriod, type Bounds } from '../../shared/period';
import { directoryProjection } from '../../teams/readModels/directory';
import { goalFor } from './goals';
import { memoized } from '../../fold/memo';
import { metricValue, newCustomersByOwner, repValuesBetween, salesLedgerProjection, type Metric } from '../../ledger/salesLedger';
import type { World } from '../../fold/world';

export type RankBy = 'value' | 'attainment' | 'growth';
export const RANK_BY: readonly RankBy[] = ['value', 'attainment', 'growth'];

export interface LeaderboardEntry {
  readonly rank: number;
  readonly repId: string;
  readonly name: string;
  readonly teamId: string;
  /** the team's name as the directory knew it then (its id when it has none) */
  readonly teamName: string;
  readonly value: number;
  /** value / the rep's goal target for this metric and period; null without a goal */
  readonly attainment: number | null;
  /** value / previous period's value (the same span of it while the period runs) − 1; null without a base above 0 */
  readonly growth: number | null;
  /** why growth is null (no base, a negative base, a period not started); null otherwise */
  readonly growthNote: string | null;
}

interface Scored {
  readonly repId: string;
  readonly name: string;
  readonly teamId: string;
  readonly value: number;
  readonly previous: number;
  readonly growth: Growth;
  readonly target: number | undefined;
}

/** Every rep's value over a whole period (from the ledger's buckets) or over part of one (from its credits). */
const valuesOf = (world: World, metric: Metric, period: string, span?: Bounds): Map<string, number> => {
  const ledger = world.get(salesLedgerProjection);
  const reps = world.get(directoryProjection).reps;
  const out = new Map<string, number>();
  if (span) {
    const all = repValuesBetween(ledger, metric, span.start, span.end);
    for (const repId of reps.keys()) out.set(repId, all.get(repId) ?? 0);
    return out;
  }
  // newCustomers for everyone in one pass over first sales, not one pass per rep
  const counted = metric === 'newCustomers' ? newCustomersByOwner(ledger, period) : undefined;
  for (const repId of reps.keys()) out.set(repId, counted ? (counted.get(`rep:${repId}`) ?? 0) : metricValue(ledger, `rep:${repId}`, metric, period));
  return out;
};

/** Exact order of two ratios a/b and c/d (b, d > 0), as the sort needs. */
const compareRatio = (a: number, b: number, c: number, d: number): number => {
  const l = BigInt(a) * BigInt(d);
  const r = BigInt(c) * BigInt(b);
  return l === r ? 0 : l > r ? 1 : -1;
};

/** Descending by the chosen key; reps without one (no goal, no previous value) come last, equal. */
const compareBy = (rankBy: RankBy) => (x: Scored, y: Scored): number => {
  switch (rankBy) {
    case 'value':
      return y.value - x.value;
    case 'attainment': {
      const xs = x.target !== undefined && x.target > 0;
      const ys = y.target !== undefined && y.target > 0;
      if (!xs || !ys) return xs === ys ? 0 : xs ? -1 : 1;
      return compareRatio(y.value, y.target!, x.value, x.target!);
    }
    case 'growth': {
      const xs = x.growth && hasGrowthBase(x.previous);
      const ys = y.growth && hasGrowthBase(y.previous);
      if (!xs || !ys) return xs === ys ? 0 : xs ? -1 : 1;
      return compareRatio(y.value, y.previous, x.value, x.previous);
    }
  }
};

/** The spans a board compares at `at`, and the memo key they give (`at` matters only while the period runs). */
export const boardComparison = (world: World, period: string, atMs: number): { compared: Comparison; key: string } => {
  const compared = periodComparison(period, atMs, world.settings.zone);
  return { compared, key: compared.status === 'in-progress' ? String(atMs) : compared.status };
};

/** Every rep ranked at `at` (no team filter, no limit): the table queries slice. */
export const leaderboard = (world: World, period: string, metric: Metric, rankBy: RankBy, atMs = Infinity): readonly LeaderboardEntry[] => {
  const { compared, key } = boardComparison(world, period, atMs);
  return memoized(world, 'leaderboard', `${period}|${metric}|${rankBy}|${key}`, () => {
    const { reps, teams } = world.get(directoryProjection);
    const whole = compared.status === 'ended';
    const now = valuesOf(world, metric, period, whole ? undefined : compared.current);
    // growth is shown whatever the ranking, so the previous period is always read
    const before = valuesOf(world, metric, previousPeriod(period), whole ? undefined : compared.previous);
    const scored: Scored[] = [...reps.values()].map((r) => {
      const value = now.get(r.repId) ?? 0;
      const previous = before.get(r.repId) ?? 0;
      return {
        repId: r.repId, name: r.name, teamId: r.teamId, value, previous, growth: comparedGrowth(value, previous, compared, period),
        target: goalFor(world, `rep:${r.repId}`, metric, period)?.target,
      };
    });
    const cmp = compareBy(rankBy);
    scored.sort((a, b) => cmp(a, b) || (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0));
    const out: LeaderboardEntry[] = [];
    scored.forEach((s, i) => {
      const rank = i > 0 && cmp(scored[i - 1], s) === 0 ? out[i - 1].rank : i + 1;
      out.push({
        rank, repId: s.repId, name: s.name, teamId: s.teamId, teamName: teams.get(s.teamId)?.name ?? s.teamId, value: s.value,
        attainment: s.target === undefined ? null : ratio(s.value, s.target), ...s.growth,
      });
    });
    return out;
  });
};

export interface LeaderboardQuery {
  readonly period: string;
  readonly metric: Metric;
  readonly rankBy: RankBy;
  /** the business moment the board is measured at (epoch ms); absent, the whole period as recorded */
  readonly at?: number;
  /** only reps now in this team (ranks are recomputed within it) */
  readonly team?: string;
}

/** The ranking of a query: the whole board, or one team's reps ranked among themselves. */
export const rankedEntries = (world: World, q: LeaderboardQuery): readonly LeaderboardEntry[] =>
  q.team === undefined
    ? leaderboard(world, q.period, q.metric, q.rankBy, q.at)
    : memoized(world, 'leaderboard-team', `${q.period}|${q.metric}|${q.rankBy}|${boardComparison(world, q.period, q.at ?? Infinity).key}|${q.team}`, () =>
        rerank(leaderboard(world, q.period, q.metric, q.rankBy, q.at).filter((e) => e.teamId === q.team)));

/** Ranks recomputed for a subset kept in the board's order: a tie stays a tie. */
const rerank = (entries: readonly LeaderboardEntry[]): LeaderboardEntry[] => {
  const out: LeaderboardEntry[] = [];
  entries.forEach((e, i) => out.push({ ...e, rank: i > 0 && entries[i - 1].rank === e.rank ? out[i - 1].rank : i + 1 }));
  return out;
};

/** A rep's place on the board (undefined when the rep is not on it). */
export const rankOf = (world: World, q: LeaderboardQuery, repId: string): LeaderboardEntry | undefined => rankedEntries(world, q).find((e) => e.repId === repId);
