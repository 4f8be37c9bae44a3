// A month (or quarter, or year) broken into ISO weeks takes the weeks whose Thursday lies inside
// it, so a few of its days at either end can fall in weeks that belong to the period before or
// after (November 2026: Sunday the 1st is in 2026-W44, Monday the 30th in 2026-W49). Those days
// count toward the goal but toward no week of its breakdown, and the goal says so.
import { periodBounds, subPeriods } from '../../shared/period';
import type { GoalRecord } from './goals';
import { dayId, localDay } from '../../ledger/salesLedger';

/** Local days [from, to) of the period that no week of its breakdown covers, as text; [] when none. */
export const daysOutsideWeeks = (period: string, zone: string): string[] => {
  const weeks = subPeriods(period, 'week') ?? [];
  const bounds = periodBounds(period, zone);
  const spans: [number, number][] = weeks.length === 0
    ? [[bounds.start, bounds.end]]
    : [[bounds.start, Math.min(bounds.end, periodBounds(weeks[0], zone).start)], [Math.max(bounds.start, periodBounds(weeks[weeks.length - 1], zone).end), bounds.end]];
  return spans
    .map(([start, end]) => [localDay(start, zone), localDay(end, zone)] as const)
    .filter(([from, to]) => to > from)
    .map(([from, to]) => (to - from === 1 ? dayId(from) : `${dayId(from)} to ${dayId(to - 1)}`));
};

/** The warning for a week breakdown that leaves days of the goal's period out; undefined otherwise. */
export const weekCoverageWarning = (g: GoalRecord, zone: string): string | undefined => {
  if (g.breakdown?.kind !== 'period' || g.breakdown.into !== 'week') return undefined;
  const outside = daysOutsideWeeks(g.period, zone);
  if (outside.length === 0) return undefined;
  return `breakdown: ${outside.join(' and ')} ${outside.length === 1 && !outside[0].includes(' to ') ? 'falls' : 'fall'} in ISO weeks that belong to the period of their Thursday, so ${g.period}'s sales on those days count toward this goal but toward none of its weeks`;
};
