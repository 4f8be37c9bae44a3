// Capacity (SPEC §13): how many reps a team needs to reach its revenue goal for a period at the
// output its reps have shown, and the gap to its headcount. docs/FIGURES.md ("Capacity") defines
// the trailing attainable output per rep; this follows it.
import { goalTarget } from '../goals/readModels/goals';
import { eachRowBetween, isSaleRow, type SalesLedger } from '../ledger/salesLedger';
import { Dec, roundMinor } from '../shared/money';
import { parsePeriod, periodBounds, periodOf, shiftPeriod } from '../shared/period';
import type { World } from '../fold/world';
import type { Directory } from '../teams/readModels/directory';
import { teamRows } from '../teams/readModels/roster';

/** How many complete periods of the same kind the output per rep is read from. */
export const TRAILING_PERIODS = 3;

export interface Capacity {
  readonly period: string;
  readonly team: string;
  /** the team's revenue goal for the period (minor units); null without one */
  readonly goal: number | null;
  /** trailing attainable output per rep (minor units); null when no rep of the team sold in the trailing periods */
  readonly perRep: number | null;
  /** ⌈goal / perRep⌉; null without a goal or an output */
  readonly repsNeeded: number | null;
  /** reps on the team who have not left at `at` */
  readonly headcount: number;
  /** repsNeeded − headcount: reps to add (negative: more reps than the goal needs) */
  readonly gap: number | null;
  readonly basis: { readonly periods: readonly string[]; readonly repPeriods: number };
}

/**
 * The complete periods the output is read from: the TRAILING_PERIODS periods of the period's kind
 * just before the period — or, when it has not started by `at`, just before the one running at `at`.
 */
export const trailingPeriods = (periodId: string, atMs: number, zone: string): string[] => {
  const kind = parsePeriod(periodId)!.kind;
  const running = periodOf(kind, atMs, zone);
  const start = periodBounds(periodId, zone).start;
  const last = start > atMs ? shiftPeriod(running, -1) : shiftPeriod(periodId, -1);
  return Array.from({ length: TRAILING_PERIODS }, (_, i) => shiftPeriod(last, i - TRAILING_PERIODS + 1));
};

/** The median of whole numbers, the middle two's mean rounded to the fen half away from zero. */
export const medianMinor = (values: readonly number[]): number | null => {
  if (values.length === 0) return null;
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid] : roundMinor(new Dec(s[mid - 1]).plus(s[mid]).dividedBy(2));
};

/**
 * Each rep's net revenue credited to the team in a period, for the reps with a sale credited there:
 * read straight from the team's rows, with no record per credit (a team's quarter is many thousands).
 */
const outputs = (ledger: SalesLedger, teamId: string, periodId: string): number[] => {
  const d = ledger.data;
  const b = periodBounds(periodId, ledger.zone);
  const revenue = new Map<number, number>();
  const sold = new Set<number>();
  eachRowBetween(ledger, `team:${teamId}`, b.start, b.end, (row) => {
    const rep = d.rep.get(row);
    revenue.set(rep, (revenue.get(rep) ?? 0) + d.amount.get(row));
    if (isSaleRow(ledger, row)) sold.add(rep);
  });
  return [...revenue].filter(([rep]) => sold.has(rep)).map(([, r]) => r);
};

export const capacity = (world: World, ledger: SalesLedger, directory: Directory, periodId: string, teamId: string, atMs: number): Capacity => {
  const periods = trailingPeriods(periodId, atMs, ledger.zone);
  const samples = periods.flatMap((p) => outputs(ledger, teamId, p));
  const perRep = medianMinor(samples);
  const goal = goalTarget(world, `team:${teamId}`, 'revenue', periodId) ?? null;
  const repsNeeded = goal === null || perRep === null || perRep <= 0 ? null : new Dec(goal).dividedBy(perRep).ceil().toNumber();
  const headcount = teamRows(directory, atMs).find((t) => t.teamId === teamId)?.headcount ?? 0;
  return { period: periodId, team: teamId, goal, perRep, repsNeeded, headcount, gap: repsNeeded === null ? null : repsNeeded - headcount, basis: { periods, repPeriods: samples.length } };
};
