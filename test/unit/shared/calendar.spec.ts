// The calendar around period ids by hand: bounds of every kind in a zone, a day that lost an hour
// to daylight saving, how much of a period has passed, the same period a year before, and which
// weeks a month or quarter holds (those whose Thursday it holds).
import { describe, expect, it } from 'vitest';
import {
  acceptedYearText, aYearBefore, elapsedFraction, isFiner, localDate, localInstant, offsetMinutes, periodBounds, shiftPeriod, subPeriods, weeksInIsoYear,
} from '../../../core/shared/period';

const SH = 'Asia/Shanghai';
const NY = 'America/New_York';
const ms = (iso: string) => Date.parse(iso);
const bounds = (id: string, zone: string) => {
  const b = periodBounds(id, zone);
  return [localInstant(b.start, zone), localInstant(b.end, zone)];
};

describe('period bounds in a zone', () => {
  it('runs from local midnight to local midnight, for every kind', () => {
    expect(bounds('2026', SH)).toEqual(['2026-01-01T00:00:00+08:00', '2027-01-01T00:00:00+08:00']);
    expect(bounds('2026-Q3', SH)).toEqual(['2026-07-01T00:00:00+08:00', '2026-10-01T00:00:00+08:00']);
    expect(bounds('2026-02', SH)).toEqual(['2026-02-01T00:00:00+08:00', '2026-03-01T00:00:00+08:00']);
    // ISO week 1 of 2026 starts on Monday 29 December 2025 (1 January 2026 is a Thursday)
    expect(bounds('2026-W01', SH)).toEqual(['2025-12-29T00:00:00+08:00', '2026-01-05T00:00:00+08:00']);
    expect(bounds('2026-07-15', SH)).toEqual(['2026-07-15T00:00:00+08:00', '2026-07-16T00:00:00+08:00']);
  });

  it('a New York day that lost an hour to daylight saving is 23 hours long', () => {
    // 8 March 2026: clocks go from 02:00 EST (UTC−5) to 03:00 EDT (UTC−4)
    const b = periodBounds('2026-03-08', NY);
    expect([b.start, b.end]).toEqual([ms('2026-03-08T05:00:00Z'), ms('2026-03-09T04:00:00Z')]);
    expect(offsetMinutes(ms('2026-03-08T06:59:59Z'), NY)).toBe(-300);
    expect(offsetMinutes(ms('2026-03-08T07:00:00Z'), NY)).toBe(-240);
    expect(offsetMinutes(ms('2026-03-08T23:00:00Z'), NY)).toBe(-240);
    expect(localDate('2026-03-08T04:59:59Z', NY)).toEqual({ year: 2026, month: 3, day: 7 });
    expect(localDate('2026-03-08T05:00:00Z', NY)).toEqual({ year: 2026, month: 3, day: 8 });
  });

  it('refuses an id it cannot read', () => {
    expect(() => periodBounds('2026-13', SH)).toThrow('not a period id: 2026-13');
    expect(() => shiftPeriod('July', 1)).toThrow('not a period id: July');
    expect(() => aYearBefore('2026-Q5')).toThrow('not a period id: 2026-Q5');
  });

  it('writes an instant with its offset, and milliseconds only when there are some', () => {
    expect(localInstant(ms('2026-12-02T02:00:00Z'), SH)).toBe('2026-12-02T10:00:00+08:00');
    expect(localInstant(ms('2026-12-02T02:00:00.5Z'), SH)).toBe('2026-12-02T10:00:00.500+08:00');
  });
});

describe('elapsedFraction', () => {
  it('is 0 up to the start, the share of the period at `at`, and 1 from the end', () => {
    // July has 31 days; at 16 July 12:00 15.5 of them have passed: 0.5
    expect(elapsedFraction('2026-07', '2026-07-16T12:00:00+08:00', SH)).toBe(0.5);
    expect(elapsedFraction('2026-07', '2026-07-01T00:00:00+08:00', SH)).toBe(0);
    expect(elapsedFraction('2026-07', '2026-06-15T00:00:00+08:00', SH)).toBe(0);
    expect(elapsedFraction('2026-07', '2026-08-01T00:00:00+08:00', SH)).toBe(1);
    expect(elapsedFraction('2026-07', '2026-09-01T00:00:00+08:00', SH)).toBe(1);
    // one hour into a 24-hour day
    expect(elapsedFraction('2026-07-01', ms('2026-07-01T01:00:00+08:00'), SH)).toBe(1 / 24);
  });
});

describe('navigation', () => {
  it('steps forward across year ends, and back', () => {
    expect(shiftPeriod('2026-W53', 1)).toBe('2027-W01');
    expect(shiftPeriod('2027-W01', -1)).toBe('2026-W53');
    expect(shiftPeriod('2026-12-31', 1)).toBe('2027-01-01');
    expect(shiftPeriod('2026-Q4', 1)).toBe('2027-Q1');
    expect(shiftPeriod('2026-12', 1)).toBe('2027-01');
    expect(shiftPeriod('2026', 3)).toBe('2029');
    expect(shiftPeriod('2026-07', 0)).toBe('2026-07');
  });

  it('the same period a year before, keeping to what exists', () => {
    expect(aYearBefore('2027-03')).toBe('2026-03');
    expect(aYearBefore('2027-Q1')).toBe('2026-Q1');
    expect(aYearBefore('2027')).toBe('2026');
    expect(aYearBefore('2027-W05')).toBe('2026-W05');
    expect(aYearBefore('2026-W53')).toBe('2025-W52'); // 2025 has 52 ISO weeks
    expect(aYearBefore('2027-W52')).toBe('2026-W52');
    expect(aYearBefore('2028-02-29')).toBe('2027-02-28');
    expect(aYearBefore('2025-02-28')).toBe('2024-02-28');
    expect(aYearBefore('2026-07-31')).toBe('2025-07-31');
  });

  it('counts 53 ISO weeks in a year that starts on a Thursday, or a leap year that starts on a Wednesday', () => {
    expect([2015, 2020, 2025, 2026, 2027].map(weeksInIsoYear)).toEqual([53, 53, 52, 53, 52]);
  });

  it('orders kinds from the year down to the day', () => {
    expect([isFiner('day', 'month'), isFiner('week', 'year'), isFiner('month', 'month'), isFiner('year', 'day'), isFiner('quarter', 'week')]).toEqual([true, true, false, false, false]);
  });
});

describe('subPeriods', () => {
  it('a week’s seven days, Monday first', () => {
    // 1 July 2026 is a Wednesday: week 27 runs from Monday 29 June to Sunday 5 July
    expect(subPeriods('2026-W27', 'day')).toEqual(['2026-06-29', '2026-06-30', '2026-07-01', '2026-07-02', '2026-07-03', '2026-07-04', '2026-07-05']);
  });

  it('the weeks whose Thursday the month or quarter holds', () => {
    // Thursdays of January 2026: 1, 8, 15, 22, 29; of December: 3, 10, 17, 24, 31
    expect(subPeriods('2026-01', 'week')).toEqual(['2026-W01', '2026-W02', '2026-W03', '2026-W04', '2026-W05']);
    expect(subPeriods('2026-12', 'week')).toEqual(['2026-W49', '2026-W50', '2026-W51', '2026-W52', '2026-W53']);
    // Q1 2026: Thursdays from 1 January to 26 March, weeks 1 to 13 (week 14's Thursday is 2 April)
    expect(subPeriods('2026-Q1', 'week')).toEqual(Array.from({ length: 13 }, (_, i) => `2026-W${String(i + 1).padStart(2, '0')}`));
  });

  it('the days of a month, a quarter and a year; the months of a year', () => {
    expect(subPeriods('2026-02', 'day')).toHaveLength(28);
    expect(subPeriods('2028-02', 'day')?.at(-1)).toBe('2028-02-29');
    expect(subPeriods('2026-Q3', 'day')).toHaveLength(92); // 31 + 31 + 30
    expect(subPeriods('2026', 'day')).toHaveLength(365);
    expect(subPeriods('2026', 'month')?.[11]).toBe('2026-12');
    expect(subPeriods('2026-W27', 'week')).toBeUndefined();
    expect(subPeriods('nonsense', 'day')).toBeUndefined();
  });
});

describe('acceptedYearText', () => {
  it('takes an instant or a date of the years 1900–2999, by its text', () => {
    expect(['1900-01-01T00:00:00Z', '2026-07-01', '2999-12-31T23:59:59+08:00'].map(acceptedYearText)).toEqual([true, true, true]);
    expect(['1899-12-31T23:59:59Z', '3000-01-01T00:00:00Z', '0999-01-01'].map(acceptedYearText)).toEqual([false, false, false]);
  });
});
