// Growth, one rule for every figure that shows it (leaderboard, analytics, contests, reviews,
// badges, trainings): value / base − 1 over a base above zero, else no growth and why; and, for a
// period still in progress at `at`, the spans compared — the period to date against the same span
// of the previous period, never part of a period against a whole one.
import type Decimal from 'decimal.js';
import { DateTime } from 'luxon';
import { Dec } from './money';
import { localInstant, periodBounds, previousPeriod, type Bounds } from './period';

export interface Growth {
  /** value / base − 1, 4 places half away from zero; null when there is no growth to show */
  readonly growth: number | null;
  /** why growth is null, in words; null when it is a number */
  readonly growthNote: string | null;
}

/** Growth is measured only from a base above zero: over 0 it is undefined, over a loss it is no fall. */
export const hasGrowthBase = (base: number): boolean => base > 0;

/** The exact ratio for ranking; null without a base above zero. */
export const growthRatio = (value: number, base: number): Decimal | null => (hasGrowthBase(base) ? new Dec(value).dividedBy(base).minus(1) : null);

/**
 * Of keys with a value and a base, the first whose growth is above 0 and above every other's (the
 * exact ratio ranks; a tie keeps the earlier key). The exact ratio is made only for a key whose
 * float ratio is not below the best one's by more than floats can err: a few of a list, not each.
 */
export const mostGrown = <K>(keys: Iterable<{ readonly key: K; readonly value: number; readonly base: number }>): { key: K; growth: Decimal } | undefined => {
  let best: { key: K; growth: Decimal; approx: number } | undefined;
  for (const { key, value, base } of keys) {
    // growth above 0 is a rise from a base above 0
    if (!hasGrowthBase(base) || value <= base) continue;
    const approx = value / base;
    if (best && approx < best.approx * (1 - 1e-9)) continue;
    const growth = growthRatio(value, base)!;
    if (!best || growth.gt(best.growth)) best = { key, growth, approx };
  }
  return best && { key: best.key, growth: best.growth };
};

/** Growth of `value` over `base`, shown; `of` names the base span in the note ("2026-11"). */
export const growthOver = (value: number, base: number, of = 'the base period'): Growth => {
  const r = growthRatio(value, base);
  if (r) return { growth: r.toDecimalPlaces(4, Dec.ROUND_HALF_UP).toNumber(), growthNote: null };
  return { growth: null, growthNote: base === 0 ? `nothing in ${of} to grow from` : `${of} was negative (${base}): a change over a loss is not growth` };
};

export const noGrowth = (why: string): Growth => ({ growth: null, growthNote: why });

// ---------- what is compared with what ----------

export type SpanStatus = 'not-started' | 'in-progress' | 'ended';

export interface Comparison {
  readonly status: SpanStatus;
  /** what the figure covers: the whole period, or from its start to `at` (included) while it is in progress */
  readonly current: Bounds;
  /** the same span of the base: the previous period, or its first part as long as `current` */
  readonly previous: Bounds;
  /** the base's name for notes: `2026-11`, or `2026-11 from 2026-11-01T00:00:00+08:00 to 2026-11-02T10:00:00+08:00` */
  readonly previousLabel: string;
}

const iso = localInstant;

/** What of [start, end) has occurred by `at`, `at` included (as a goal's actual counts it): [start, at + 1 ms). */
const upTo = (start: number, end: number, atMs: number): { status: SpanStatus; current: Bounds } => {
  if (atMs < start) return { status: 'not-started', current: { start, end: start } };
  if (atMs + 1 >= end) return { status: 'ended', current: { start, end } };
  return { status: 'in-progress', current: { start, end: atMs + 1 } };
};

const label = (b: Bounds, whole: Bounds, id: string, zone: string): string =>
  b.start === whole.start && b.end === whole.end ? id : `${id} from ${iso(b.start, zone)} to ${iso(b.end, zone)}`;

/**
 * The spans a growth figure compares at `at`, for a figure covering `span` of a period (the whole
 * period, or the days of a straddling week inside the period asked about). Ended: the span against
 * the same span of the previous period. In progress: [span start, at) against the previous
 * period's start plus the same calendar time (months, days and time of day: 1 December to
 * 2 December 10:00 against 1 November to 2 November 10:00; 2026 to 2 December against 2025 to
 * 2 December), never past its end. Not started: nothing yet.
 */
export const periodComparison = (periodId: string, atMs: number, zone: string, span: Bounds = periodBounds(periodId, zone)): Comparison => {
  const whole = periodBounds(periodId, zone);
  const prevId = previousPeriod(periodId);
  const prev = periodBounds(prevId, zone);
  const { status, current } = upTo(span.start, span.end, atMs);
  // the common cases need no calendar arithmetic: a whole period ended, or nothing started
  if (current.start === whole.start && current.end === whole.end) return { status, current, previous: prev, previousLabel: prevId };
  if (current.start === current.end && current.start === whole.start) return { status, current, previous: { start: prev.start, end: prev.start }, previousLabel: prevId };
  const start = DateTime.fromMillis(whole.start, { zone });
  const shifted = (ms: number) => Math.min(DateTime.fromMillis(prev.start, { zone }).plus(DateTime.fromMillis(ms, { zone }).diff(start, ['months', 'days', 'milliseconds'])).toMillis(), prev.end);
  const previous = { start: shifted(current.start), end: shifted(current.end) };
  return { status, current, previous, previousLabel: label(previous, prev, prevId, zone) };
};

/** The same for a window of its own (a contest): the window before is as long, and compared to date the same way. */
export const windowComparison = (start: number, end: number, atMs: number, zone: string): Comparison => {
  const len = end - start;
  const { status, current } = upTo(start, end, atMs);
  const previous = { start: start - len, end: current.end - len };
  return { status, current, previous, previousLabel: `the window before, from ${iso(previous.start, zone)} to ${iso(previous.end, zone)}` };
};

/** Growth of a figure over its base under a comparison: none before the span starts. */
export const comparedGrowth = (value: number, base: number, c: Comparison, name: string): Growth =>
  c.status === 'not-started' ? noGrowth(`${name} has not started yet`) : growthOver(value, base, c.previousLabel);

/** The comparison as an answer shows it: the spans as instants, and whether it is period-to-date. */
export const comparisonView = (c: Comparison, zone: string) => ({
  status: c.status,
  periodToDate: c.status === 'in-progress',
  current: { from: iso(c.current.start, zone), to: iso(c.current.end, zone) },
  previous: { from: iso(c.previous.start, zone), to: iso(c.previous.end, zone) },
});
