// The leaderboard (SPEC §4): every rep's value of a metric over a period, ranked by value, by
// attainment against the rep's goal, or by growth over the previous period of the same kind.
// Ties share a rank (1-2-2-4) and are ordered by repId. The full ranking is memoised per World
// position, so a query only filters, slices and shapes it.
import { Dec, ratio } from '../shared/money';
import { previousPeriod } from '../shared/period';
import { directoryProjection } from './directory';
import { goalFor } from './goals';
import { memoized } from './memo';
import { metricValue, newCustomersByOwner, salesLedgerProjection, type Metric } from './salesLedger';
import type { World } from './world';

export type RankBy = 'value' | 'attainment' | 'growth';
export const RANK_BY: readonly RankBy[] = ['value', 'attainment', 'growth'];

export interface LeaderboardEntry {
  readonly rank: number;
  readonly repId: string;
  readonly name: string;
  readonly teamId: string;
  readonly value: number;
  /** value / the rep's goal target for this metric and period; null without a goal */
  readonly attainment: number | null;
  /** value / previous period's value − 1; null when that was 0 */
  readonly growth: number | null;
}

interface Scored {
  readonly repId: string;
  readonly name: string;
  readonly teamId: string;
  readonly value: number;
  readonly previous: number;
  readonly target: number | undefined;
}

const valuesOf = (world: World, metric: Metric, period: string): Map<string, number> => {
  const ledger = world.get(salesLedgerProjection);
  const reps = world.get(directoryProjection).reps;
  const out = new Map<string, number>();
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
      const xs = x.previous > 0;
      const ys = y.previous > 0;
      if (!xs || !ys) return xs === ys ? 0 : xs ? -1 : 1;
      return compareRatio(y.value, y.previous, x.value, x.previous);
    }
  }
};

const growthOf = (value: number, previous: number): number | null =>
  previous === 0 ? null : new Dec(value).dividedBy(previous).minus(1).toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber();

/** Every rep ranked (no team filter, no limit): the table queries slice. */
export const leaderboard = (world: World, period: string, metric: Metric, rankBy: RankBy): readonly LeaderboardEntry[] =>
  memoized(world, 'leaderboard', `${period}|${metric}|${rankBy}`, () => {
    const reps = world.get(directoryProjection).reps;
    const now = valuesOf(world, metric, period);
    // growth is shown whatever the ranking, so the previous period is always read
    const before = valuesOf(world, metric, previousPeriod(period));
    const scored: Scored[] = [...reps.values()].map((r) => ({
      repId: r.repId, name: r.name, teamId: r.teamId, value: now.get(r.repId) ?? 0, previous: before.get(r.repId) ?? 0,
      target: goalFor(world, `rep:${r.repId}`, metric, period)?.target,
    }));
    const cmp = compareBy(rankBy);
    scored.sort((a, b) => cmp(a, b) || (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0));
    const out: LeaderboardEntry[] = [];
    scored.forEach((s, i) => {
      const rank = i > 0 && cmp(scored[i - 1], s) === 0 ? out[i - 1].rank : i + 1;
      out.push({
        rank, repId: s.repId, name: s.name, teamId: s.teamId, value: s.value,
        attainment: s.target === undefined ? null : ratio(s.value, s.target), growth: growthOf(s.value, s.previous),
      });
    });
    return out;
  });

export interface LeaderboardQuery {
  readonly period: string;
  readonly metric: Metric;
  readonly rankBy: RankBy;
  /** only reps now in this team (ranks are recomputed within it) */
  readonly team?: string;
}

/** The ranking of a query: the whole board, or one team's reps ranked among themselves. */
export const rankedEntries = (world: World, q: LeaderboardQuery): readonly LeaderboardEntry[] =>
  q.team === undefined
    ? leaderboard(world, q.period, q.metric, q.rankBy)
    : memoized(world, 'leaderboard-team', `${q.period}|${q.metric}|${q.rankBy}|${q.team}`, () => rerank(leaderboard(world, q.period, q.metric, q.rankBy).filter((e) => e.teamId === q.team)));

/** Ranks recomputed for a subset kept in the board's order: a tie stays a tie. */
const rerank = (entries: readonly LeaderboardEntry[]): LeaderboardEntry[] => {
  const out: LeaderboardEntry[] = [];
  entries.forEach((e, i) => out.push({ ...e, rank: i > 0 && entries[i - 1].rank === e.rank ? out[i - 1].rank : i + 1 }));
  return out;
};

/** A rep's place on the board (undefined when the rep is not on it). */
export const rankOf = (world: World, q: LeaderboardQuery, repId: string): LeaderboardEntry | undefined => rankedEntries(world, q).find((e) => e.repId === repId);
