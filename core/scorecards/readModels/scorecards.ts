// Scorecards (versioned KPI definitions) and appraisals, and the scorecard query: each rep's
// points per KPI = weight × 100 × actual / target (the ratio capped at `cap` when set), score =
// the sum of points. Appraisals keep the figures frozen when they were recorded; the current
// figures are computed beside them so a review can show the difference. Revenue and units are the
// rep's achieved measure, as its payout statements count it (a refund left to a clawback is not
// netted again).
import type { AppraisalRecordedData, FrozenRow, ScorecardDefinedData } from '../events';
import type { ScorecardMetric } from '../metrics';
import { Dec } from '../../shared/money';
import { parsePeriod } from '../../shared/period';
import { directoryProjection, type RepInfo } from '../../teams/readModels/directory';
import { repMetric } from './repMetric';
import { bookAt } from '../../incentives/readModels/payoutStatements';
import { defineProjection, unchanged } from '../../fold/projection';
import type { World } from '../../fold/world';

export interface Appraisal extends AppraisalRecordedData {
  readonly position: number;
  readonly recordedAt: string;
  acknowledged?: { at: string; comment?: string; position: number };
}

export interface Scorecards {
  readonly cards: Map<string, ScorecardDefinedData[]>;
  readonly appraisals: Map<string, Appraisal>;
}

export const scorecardsProjection = defineProjection({
  name: 'scorecards',
  types: ['ScorecardDefined', 'AppraisalRecorded', 'AppraisalAcknowledged'],
  init: (): Scorecards => ({ cards: new Map(), appraisals: new Map() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'ScorecardDefined': {
        const d = e.data;
        s.cards.set(d.scorecardId, [...(s.cards.get(d.scorecardId) ?? []), d]);
        break;
      }
      case 'AppraisalRecorded': {
        const d = e.data;
        s.appraisals.set(d.appraisalId, { ...d, position: e.position, recordedAt: e.recordedAt });
        break;
      }
      case 'AppraisalAcknowledged': {
        const d = e.data;
        const a = s.appraisals.get(d.appraisalId);
        if (a) s.appraisals.set(d.appraisalId, { ...a, acknowledged: { at: e.occurredAt, comment: d.comment, position: e.position } });
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

/** Points of one KPI, exact: weight × 100 × min(actual / target, cap). */
export const kpiPoints = (weight: string, actual: number, target: number, cap?: string): Dec => {
  let r = new Dec(actual).dividedBy(target);
  if (cap !== undefined && r.greaterThan(cap)) r = new Dec(cap);
  return new Dec(weight).times(100).times(r);
};

const firstDayOf = (periodId: string): string => {
  const p = parsePeriod(periodId)!;
  const month = p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : p.kind === 'year' ? 1 : p.index;
  return `${p.year}-${String(month).padStart(2, '0')}-01`;
};

/** The version in force for a period: the highest whose effectiveFrom is on or before its start. */
export const versionFor = (versions: readonly ScorecardDefinedData[], periodId: string): ScorecardDefinedData | undefined => {
  const start = firstDayOf(periodId);
  return [...versions].reverse().find((v) => !v.effectiveFrom || v.effectiveFrom <= start);
};

const appliesTo = (v: ScorecardDefinedData, rep: RepInfo): boolean =>
  !v.appliesTo || (!v.appliesTo.reps?.length && !v.appliesTo.teams?.length) || !!v.appliesTo.reps?.includes(rep.repId) || !!v.appliesTo.teams?.includes(rep.teamId);

export interface KpiResult {
  readonly kpiId: string;
  readonly metric: string;
  readonly weight: string;
  readonly actual: number;
  readonly target: number;
  readonly points: number;
}

export interface ScorecardRow {
  readonly repId: string;
  readonly name: string;
  readonly teamId: string;
  readonly score: number;
  readonly kpis: KpiResult[];
}

const round2 = (d: Dec) => d.toDecimalPlaces(2, Dec.ROUND_HALF_UP).toNumber();

export const rowFor = (world: World, v: ScorecardDefinedData, rep: RepInfo, periodId: string): ScorecardRow => {
  const book = bookAt(world);
  let score = new Dec(0);
  const kpis = v.kpis.map((k) => {
    const actual = k.metric === 'revenue' || k.metric === 'units' ? book.achievedIn(rep.repId, k.metric, periodId) : repMetric(world, rep.repId, k.metric as ScorecardMetric, periodId);
    const points = kpiPoints(k.weight, actual, k.target, v.cap);
    score = score.plus(points);
    return { kpiId: k.kpiId, metric: k.metric, weight: k.weight, actual, target: k.target, points: round2(points) };
  });
  return { repId: rep.repId, name: rep.name, teamId: rep.teamId, score: round2(score), kpis };
};

export interface ScorecardResult {
  readonly scorecardId: string;
  readonly version: number;
  readonly title: string;
  readonly period: string;
  readonly cap: string | null;
  readonly rows: ScorecardRow[];
}

/** Why a period cannot be scored by the card in force (its targets are per month, quarter or year), else undefined. */
export const periodMismatch = (world: World, scorecardId: string, periodId: string): string | undefined => {
  const versions = world.get(scorecardsProjection).cards.get(scorecardId);
  const v = versions && versionFor(versions, periodId);
  return v && parsePeriod(periodId)?.kind !== v.period ? `scorecard '${scorecardId}' measures a ${v.period}; '${periodId}' is not one` : undefined;
};

/** Every rep the scorecard applies to (optionally one team), sorted by score, ties by repId. */
export const scorecardRows = (world: World, scorecardId: string, periodId: string, teamId?: string): ScorecardResult | undefined => {
  const versions = world.get(scorecardsProjection).cards.get(scorecardId);
  const v = versions && versionFor(versions, periodId);
  if (!v) return undefined;
  const reps = [...world.get(directoryProjection).reps.values()].filter((r) => appliesTo(v, r) && (!teamId || r.teamId === teamId));
  const rows = reps.map((r) => rowFor(world, v, r, periodId)).sort((a, b) => b.score - a.score || (a.repId < b.repId ? -1 : a.repId > b.repId ? 1 : 0));
  return { scorecardId, version: v.version, title: v.title, period: periodId, cap: v.cap ?? null, rows };
};

/** One rep's row, as frozen into an appraisal (undefined when the scorecard does not measure the rep). */
export const frozenRowFor = (world: World, scorecardId: string, repId: string, periodId: string): (FrozenRow & { version: number }) | undefined => {
  const versions = world.get(scorecardsProjection).cards.get(scorecardId);
  const v = versions && versionFor(versions, periodId);
  const rep = world.get(directoryProjection).reps.get(repId);
  if (!v || !rep || !appliesTo(v, rep)) return undefined;
  const row = rowFor(world, v, rep, periodId);
  return { version: v.version, asOfPosition: world.position, score: row.score, kpis: row.kpis.map(({ kpiId, metric, actual, target, points }) => ({ kpiId, metric, actual, target, points })) };
};

/** Appraisals with their frozen figures beside today's, for a rep, a team or everyone. */
export const appraisalsWithDrift = (world: World, filter: { repId?: string; teamId?: string; period?: string }) =>
  [...world.get(scorecardsProjection).appraisals.values()]
    .filter((a) => (!filter.repId || a.repId === filter.repId) && (!filter.teamId || a.teamId === filter.teamId) && (!filter.period || a.period === filter.period))
    .sort((a, b) => a.position - b.position)
    .map((a) => {
      const now = frozenRowFor(world, a.scorecardId, a.repId, a.period);
      return { ...a, current: now ? { score: now.score, kpis: now.kpis } : null, scoreChange: now ? round2(new Dec(now.score).minus(a.frozen.score)) : null, pendingAcknowledgement: !a.acknowledged };
    });

/** The leaderboard ranked by scorecard score (rankBy=score): ties share a rank, 1-2-2-4, by repId. */
export const scoreLeaderboard = (world: World, scorecardId: string, periodId: string, teamId?: string) => {
  const result = scorecardRows(world, scorecardId, periodId, teamId);
  if (!result) return undefined;
  const entries: { rank: number; repId: string; name: string; teamId: string; value: number; score: number; attainment: null; growth: null }[] = [];
  result.rows.forEach((r, i) => {
    const rank = i > 0 && result.rows[i - 1].score === r.score ? entries[i - 1].rank : i + 1;
    entries.push({ rank, repId: r.repId, name: r.name, teamId: r.teamId, value: r.score, score: r.score, attainment: null, growth: null });
  });
  return { scorecard: { scorecardId, version: result.version, title: result.title }, entries };
};
