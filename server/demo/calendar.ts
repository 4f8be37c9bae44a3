// The demo's calendar: every date of the demo is reckoned from one moment, its `now` (today in
// TALLY_TIMEZONE, or TALLY_DEMO_NOW), so the same relative world appears on any date — about two
// years of history up to now, this year's goals, last month's late sales. The company sits in
// Shanghai: its business times are written at +08:00.
import { DateTime } from 'luxon';
import { periodOf, shiftPeriod } from '../../core/shared/period';

export interface DemoTime {
  /** the moment the demo stands at (ms); nothing in it is recorded later */
  readonly now: number;
  readonly zone: string;
  /** today's local date, YYYY-MM-DD */
  readonly today: string;
  readonly year: number;
  /** the current month, quarter and ISO week */
  readonly month: string;
  readonly quarter: string;
  readonly week: string;
  /** the first day of the history: the 1st of the month 23 months before this one */
  readonly start: string;
  /** the year of the incentive plan in force (the year of the month 11 months back) */
  readonly planYear: number;
}

export const DAY_MS = 86_400_000;
export const pad = (n: number) => String(n).padStart(2, '0');
/** The UTC calendar date of a day's midnight (the generators step through days in UTC). */
export const dateOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** A business time of the demo company on a date. */
export const atLocal = (date: string, hh: number, mm = 0) => `${date}T${pad(hh)}:${pad(mm)}:00+08:00`;
/** Milliseconds of a date's UTC midnight, to step through days. */
export const dayMs = (date: string) => Date.parse(`${date}T00:00:00Z`);

export const demoTime = (now: Date, zone: string): DemoTime => {
  const ms = now.getTime();
  const month = periodOf('month', ms, zone);
  return {
    now: ms,
    zone,
    today: DateTime.fromMillis(ms, { zone }).toISODate()!,
    year: Number(month.slice(0, 4)),
    month,
    quarter: periodOf('quarter', ms, zone),
    week: periodOf('week', ms, zone),
    start: `${shiftPeriod(month, -23)}-01`,
    planYear: Number(shiftPeriod(month, -11).slice(0, 4)),
  };
};

/** The 1st of a month (YYYY-MM) at hh:mm, business time. */
export const firstOf = (month: string, hh = 0, mm = 0) => Date.parse(atLocal(`${month}-01`, hh, mm));

/** The n-th working day (Mon–Fri) on or after the 1st of a month, at 09:30 business time. */
export const workingDay = (month: string, n: number): number => {
  let ms = dayMs(`${month}-01`);
  for (let seen = 0; ; ms += DAY_MS) {
    const dow = new Date(ms).getUTCDay();
    if (dow !== 0 && dow !== 6 && ++seen === n) return Date.parse(atLocal(dateOf(ms), 9, 30));
  }
};

/** The month's name as the demo's titles say it: 十一月, 十二月… */
export const monthName = (month: string) => `${['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二'][Number(month.slice(5)) - 1]}月`;
