// Sales contests: the rules as started (frozen), and standings computed from the sales ledger
// over the contest's window — by value, by attainment of the rep's goal for the window's period,
// or by growth over the window just before. Ties share a rank (1-2-2-4), ordered by repId.
import type Decimal from 'decimal.js';
import type { ContestStartedData } from '../events';
import { comparedGrowth, comparisonView, growthRatio, windowComparison, type Comparison, type Growth } from '../../shared/growth';
import { Dec } from '../../shared/money';
import { contestWindow } from '../contestWindow';
import { parsePeriod, periodBounds } from '../../shared/period';
import { directoryProjection, type RepInfo } from '../../teams/readModels/directory';
import { repGoal } from '../../goals/readModels/goalLink';
import type { LeaderboardEntry } from '../../goals/readModels/leaderboard';
import { defineProjection } from '../../fold/projection';
import { dayId, localDay, repValuesBetween, salesLedgerProjection } from '../../ledger/salesLedger';
import type { World } from '../../fold/world';

export interface ContestRecord {
  readonly rules: ContestStartedData;
  readonly position: number;
  readonly startedAt: string;
  readonly startedBy: string;
}

export const contestsProjection = defineProjection({
  name: 'contests',
  types: ['ContestStarted'],
  init: (): Map<string, ContestRecord> => new Map(),
  apply: (s, e) => {
    if (e.type === 'ContestStarted') {
      const rules = e.data;
      if (!s.has(rules.contestId)) s.set(rules.contestId, { rules, position: e.position, startedAt: e.recordedAt, startedBy: e.meta.actor });
    }
    return s;
  },
});

export { contestWindow };

/** The period id whose bounds are exactly the window (a month, quarter or year), if any. */
const periodOfWindow = (rules: ContestRules, zone: string, start: number, end: number): string | undefined => {
  const d = rules.from.slice(0, 10);
  const [y, m] = [d.slice(0, 4), d.slice(5, 7)];
  const candidates = [y, `${y}-Q${Math.floor((+m - 1) / 3) + 1}`, `${y}-${m}`];
  return candidates.find((p) => parsePeriod(p) && periodBounds(p, zone).start === start && periodBounds(p, zone).end === end);
};

/** A leaderboard entry over the contest's window, with the prizes it wins. */
export interface Standing extends LeaderboardEntry {
  readonly prizes: string[];
}

export interface ContestView {
  readonly contestId: string;
  readonly title: string;
  readonly metric: string;
  readonly from: string;
  readonly to: string;
  readonly rankBy: string;
  readonly prizes: ContestStartedData['prizes'];
  readonly teams: readonly string[] | null;
  readonly status: 'upcoming' | 'running' | 'ended';
  /** prizes are final once the contest has ended */
  readonly final: boolean;
  readonly startedAt: string;
  readonly position: number;
  /** the spans compared: to `at` while the contest runs */
  readonly comparison: ReturnType<typeof comparisonView>;
  readonly standings: Standing[];
  /** why some reps cannot be ranked (no goal for an attainment contest, nothing before for growth) */
  readonly warnings: readonly string[];
}

/** The rules a ranking needs (a started contest's, or a StartContest's before it is decided). */
type ContestRules = Pick<ContestStartedData, 'metric' | 'from' | 'to' | 'rankBy' | 'prizes' | 'teams'>;

interface Row {
  readonly rep: RepInfo;
  readonly value: number;
  readonly attainment: Decimal | null;
  readonly growth: Growth;
  /** what the contest ranks by; null when the rep cannot be ranked (no goal, nothing before) */
  readonly key: Decimal | null;
}

/**
 * Every participant valued over the window by `at` and sorted by the ranking key, unrankable reps
 * last. A running contest is valued to `at` and its growth compares the same span of the window
 * before; `at` absent, the whole windows.
 */
const rowsOf = (world: World, r: ContestRules, at = Infinity): { rows: Row[]; period: string | undefined; compared: Comparison } => {
  const zone = world.settings.zone;
  const ledger = world.get(salesLedgerProjection);
  const { start, end } = contestWindow(r, zone);
  const period = periodOfWindow(r, zone, start, end);
  const compared = windowComparison(start, end, at, zone);
  const name = `the contest (${r.from} – ${r.to})`;
  const reps = [...world.get(directoryProjection).reps.values()].filter((rep) => !r.teams || r.teams.includes(rep.teamId));
  // every rep's value in one pass over each window's credits, not a pass per rep
  const now = repValuesBetween(ledger, r.metric, compared.current.start, compared.current.end);
  const then = repValuesBetween(ledger, r.metric, compared.previous.start, compared.previous.end);
  const rows = reps.map((rep): Row => {
    const value = now.get(rep.repId) ?? 0;
    const goal = period ? repGoal(world, rep.repId, r.metric, period) : undefined;
    const before = then.get(rep.repId) ?? 0;
    const attainment = goal && goal.target > 0 ? new Dec(value).dividedBy(goal.target) : null;
    const growth = compared.status === 'not-started' ? null : growthRatio(value, before);
    const key: Decimal | null = r.rankBy === 'value' ? new Dec(value) : r.rankBy === 'attainment' ? attainment : growth;
    return { rep, value, attainment, growth: comparedGrowth(value, before, compared, name), key };
  });
  rows.sort((a, b) => (a.key === null ? (b.key === null ? 0 : 1) : b.key === null ? -1 : b.key.comparedTo(a.key)) || (a.rep.repId < b.rep.repId ? -1 : 1));
  return { rows, period, compared };
};

const localDate = (ms: number, zone: string): string => dayId(localDay(ms, zone));

/** Why some or all participants cannot be ranked (they would all share the last rank). */
const rankWarnings = (r: ContestRules, rows: readonly Row[], period: string | undefined, compared: Comparison, zone: string): string[] => {
  const unranked = rows.filter((row) => row.key === null).map((row) => row.rep.repId);
  if (rows.length === 0) return ['no rep takes part: the contest has no one to rank'];
  if (unranked.length === 0) return [];
  const all = unranked.length === rows.length;
  const who = all ? `no rep of the ${rows.length}` : `${unranked.length} of ${rows.length} reps (${unranked.join(', ')})`;
  const outcome = all ? 'nobody can be ranked, so every rep shares rank 1 and no prize is won' : 'they rank after the others, tied, and win no prize';
  if (r.rankBy === 'attainment')
    return [period
      ? `attainment: ${who} ${all ? 'has a' : 'have no'} ${r.metric} goal for ${period}; ${outcome}`
      : `attainment is against each rep's goal for the window's month, quarter or year, but the window ${r.from} – ${r.to} is none of them; ${outcome}`];
  if (compared.status === 'not-started') return [`growth: the contest has not started, so nobody is ranked yet`];
  const base = compared.previous;
  return [`growth: ${who} had ${all ? 'any' : 'no'} ${r.metric} in the window just before (${localDate(base.start, zone)} – ${localDate(base.end - 1, zone)}), so growth cannot be measured; ${outcome}`];
};

/** For StartContest: whether anyone could be ranked under these rules, and why not. */
export interface ContestRanking {
  readonly participants: number;
  readonly ranked: number;
  readonly warnings: readonly string[];
}

export const contestRanking = (world: World, rules: ContestRules): ContestRanking => {
  const { rows, period, compared } = rowsOf(world, rules);
  return { participants: rows.length, ranked: rows.filter((row) => row.key !== null).length, warnings: rankWarnings(rules, rows, period, compared, world.settings.zone) };
};

export const contestStandings = (world: World, contestId: string, at: number): ContestView | undefined => {
  const c = world.get(contestsProjection).get(contestId);
  if (!c) return undefined;
  const r = c.rules;
  const { rows, period, compared } = rowsOf(world, r, at);
  const { start, end } = contestWindow(r, world.settings.zone);
  const teams = world.get(directoryProjection).teams;
  const standings: Standing[] = [];
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const tied = prev && ((prev.key === null && row.key === null) || (prev.key !== null && row.key !== null && prev.key.equals(row.key)));
    const rank = tied ? standings[i - 1].rank : i + 1;
    const prizes = row.key === null ? [] : r.prizes.filter((p) => (p.rank !== undefined ? p.rank === rank : row.key!.gte(p.atLeast!))).map((p) => p.prize);
    standings.push({
      rank, repId: row.rep.repId, name: row.rep.name, teamId: row.rep.teamId, teamName: teams.get(row.rep.teamId)?.name ?? row.rep.teamId, value: row.value,
      attainment: row.attainment && round4(row.attainment), ...row.growth, prizes,
    });
  });
  return {
    contestId, title: r.title, metric: r.metric, from: r.from, to: r.to, rankBy: r.rankBy, prizes: r.prizes, teams: r.teams ?? null,
    status: at < start ? 'upcoming' : at < end ? 'running' : 'ended', final: at >= end, startedAt: c.startedAt, position: c.position,
    comparison: comparisonView(compared, world.settings.zone), standings, warnings: rankWarnings(r, rows, period, compared, world.settings.zone),
  };
};

const round4 = (d: Decimal): number => d.toDecimalPlaces(4).toNumber();
