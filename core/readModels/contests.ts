// Sales contests: the rules as started (frozen), and standings computed from the sales ledger
// over the contest's window — by value, by attainment of the rep's goal for the window's period,
// or by growth over the window just before. Ties share a rank (1-2-2-4), ordered by repId.
import type Decimal from 'decimal.js';
import type { ContestStartedData } from '../incentives/events';
import { Dec } from '../shared/money';
import { parsePeriod, periodBounds, toMillis } from '../shared/period';
import { directoryProjection } from './directory';
import { repGoal } from './goalLink';
import type { LeaderboardEntry } from './leaderboard';
import { defineProjection } from './projection';
import { salesLedgerProjection, type SalesLedger } from './salesLedger';
import type { World } from './world';

export interface ContestRecord {
  readonly rules: ContestStartedData;
  readonly position: number;
  readonly startedAt: string;
  readonly startedBy: string;
}

export const contestsProjection = defineProjection<Map<string, ContestRecord>>({
  name: 'contests',
  init: () => new Map(),
  apply: (s, e) => {
    if (e.type === 'ContestStarted') {
      const rules = e.data as ContestStartedData;
      if (!s.has(rules.contestId)) s.set(rules.contestId, { rules, position: e.position, startedAt: e.recordedAt, startedBy: e.meta.actor });
    }
    return s;
  },
});

/** [start, end) in epoch ms: a date `from` starts that local day, a date `to` ends with that local day. */
export const contestWindow = (rules: Pick<ContestStartedData, 'from' | 'to'>, zone: string): { start: number; end: number } => ({
  start: rules.from.length === 10 ? periodBounds(rules.from, zone).start : toMillis(rules.from),
  end: rules.to.length === 10 ? periodBounds(rules.to, zone).end : toMillis(rules.to),
});

/** A metric of a rep over [start, end), from the rep's ledger credits. */
export const windowValue = (ledger: SalesLedger, repId: string, metric: string, start: number, end: number): number => {
  if (metric === 'newCustomers') {
    let n = 0;
    for (const f of ledger.firstSales.values()) if (f.ms >= start && f.ms < end && f.repIds.includes(repId)) n++;
    return n;
  }
  let sum = 0;
  const customers = new Set<string>();
  for (const i of ledger.owners.get(`rep:${repId}`)?.entries ?? []) {
    const e = ledger.entries[i];
    if (e.ms < start || e.ms >= end) continue;
    if (metric === 'revenue') sum += e.amount;
    else if (metric === 'units') sum += e.units;
    else if (metric === 'orders') sum += e.orders;
    else if (e.kind === 'sale') customers.add(e.customerId);
  }
  return metric === 'activeCustomers' ? customers.size : sum;
};

/** The period id whose bounds are exactly the window (a month, quarter or year), if any. */
const periodOfWindow = (rules: ContestStartedData, zone: string, start: number, end: number): string | undefined => {
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
  readonly standings: Standing[];
}

export const contestStandings = (world: World, contestId: string, at: number): ContestView | undefined => {
  const c = world.get(contestsProjection).get(contestId);
  if (!c) return undefined;
  const zone = world.settings.zone;
  const ledger = world.get(salesLedgerProjection);
  const r = c.rules;
  const { start, end } = contestWindow(r, zone);
  const period = periodOfWindow(r, zone, start, end);
  const reps = [...world.get(directoryProjection).reps.values()].filter((rep) => !r.teams || r.teams.includes(rep.teamId));
  const rows = reps.map((rep) => {
    const value = windowValue(ledger, rep.repId, r.metric, start, end);
    const goal = period ? repGoal(world, rep.repId, r.metric, period) : undefined;
    const before = windowValue(ledger, rep.repId, r.metric, start - (end - start), start);
    const attainment = goal && goal.target > 0 ? new Dec(value).dividedBy(goal.target) : null;
    const growth = before > 0 ? new Dec(value).dividedBy(before).minus(1) : null;
    const key: Decimal | null = r.rankBy === 'value' ? new Dec(value) : r.rankBy === 'attainment' ? attainment : growth;
    return { rep, value, attainment, growth, key };
  });
  rows.sort((a, b) => (a.key === null ? (b.key === null ? 0 : 1) : b.key === null ? -1 : b.key.comparedTo(a.key)) || (a.rep.repId < b.rep.repId ? -1 : 1));
  const standings: Standing[] = [];
  rows.forEach((row, i) => {
    const prev = rows[i - 1];
    const tied = prev && ((prev.key === null && row.key === null) || (prev.key !== null && row.key !== null && prev.key.equals(row.key)));
    const rank = tied ? standings[i - 1].rank : i + 1;
    const prizes = row.key === null ? [] : r.prizes.filter((p) => (p.rank !== undefined ? p.rank === rank : row.key!.gte(p.atLeast!))).map((p) => p.prize);
    standings.push({
      rank, repId: row.rep.repId, name: row.rep.name, teamId: row.rep.teamId, value: row.value,
      attainment: row.attainment && round4(row.attainment), growth: row.growth && round4(row.growth), prizes,
    });
  });
  return {
    contestId, title: r.title, metric: r.metric, from: r.from, to: r.to, rankBy: r.rankBy, prizes: r.prizes, teams: r.teams ?? null,
    status: at < start ? 'upcoming' : at < end ? 'running' : 'ended', final: at >= end, startedAt: c.startedAt, position: c.position, standings,
  };
};

const round4 = (d: Decimal): number => d.toDecimalPlaces(4).toNumber();
