import { describe, expect, it } from 'vitest';
import { inPeriod, parsePeriod, periodBounds, periodOf, previousPeriod, shiftPeriod, subPeriods } from '../../../core/shared/period';

const SH = 'Asia/Shanghai';

describe('period ids', () => {
  it('parses every contract form and refuses impossible ones', () => {
    expect(['2026', '2026-Q3', '2026-07', '2026-W27', '2026-07-15', '2026-W60'].map((p) => parsePeriod(p)?.kind)).toEqual(['year', 'quarter', 'month', 'week', 'day', undefined]);
    expect(parsePeriod('2025-W53')).toBeUndefined(); // 2025 has 52 ISO weeks
    expect(parsePeriod('2020-W53')?.kind).toBe('week');
    expect(parsePeriod('2026-13')).toBeUndefined();
    expect(parsePeriod('2026-02-29')).toBeUndefined();
    expect(parsePeriod('2026-Q5')).toBeUndefined();
  });

  it('puts a month boundary at local midnight, not UTC (Asia/Shanghai is UTC+8)', () => {
    // 2026-06-30T16:30Z is 2026-07-01 00:30 in Shanghai
    expect(periodOf('month', '2026-06-30T16:30:00Z', SH)).toBe('2026-07');
    expect(periodOf('month', '2026-06-30T15:59:59Z', SH)).toBe('2026-06');
    expect(periodOf('month', '2026-06-30T16:30:00Z', 'UTC')).toBe('2026-06');
    expect(periodBounds('2026-07', SH).start).toBe(Date.parse('2026-06-30T16:00:00Z'));
    expect(inPeriod('2026-07', '2026-07-31T23:59:00+08:00', SH)).toBe(true);
    expect(inPeriod('2026-07', '2026-08-01T00:00:00+08:00', SH)).toBe(false);
  });

  it('numbers ISO weeks across the year boundary', () => {
    expect(periodOf('week', '2026-01-01T12:00:00+08:00', SH)).toBe('2026-W01');
    expect(periodOf('week', '2021-01-03T12:00:00+08:00', SH)).toBe('2020-W53');
    // 2026 starts on a Thursday, so it has 53 ISO weeks
    expect(periodOf('week', '2026-12-31T12:00:00+08:00', SH)).toBe('2026-W53');
    expect(periodOf('week', '2027-01-03T12:00:00+08:00', SH)).toBe('2026-W53');
  });

  it('steps back to the previous period of the same kind', () => {
    expect(previousPeriod('2026-07')).toBe('2026-06');
    expect(previousPeriod('2026-Q1')).toBe('2025-Q4');
    expect(previousPeriod('2026')).toBe('2025');
    expect(previousPeriod('2026-W01')).toBe('2025-W52');
    expect(previousPeriod('2026-03-01')).toBe('2026-02-28');
    expect(shiftPeriod('2026-01', -13)).toBe('2024-12');
  });

  it('lists sub-periods', () => {
    expect(subPeriods('2026', 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(subPeriods('2026-Q3', 'month')).toEqual(['2026-07', '2026-08', '2026-09']);
    expect(subPeriods('2026', 'month')).toHaveLength(12);
    expect(subPeriods('2026', 'week')).toHaveLength(53);
    // July 2026: Thursdays on 2, 9, 16, 23, 30 → five ISO weeks W27..W31
    expect(subPeriods('2026-07', 'week')).toEqual(['2026-W27', '2026-W28', '2026-W29', '2026-W30', '2026-W31']);
    expect(subPeriods('2026-07-15', 'week')).toBeUndefined();
    expect(subPeriods('2026-07', 'quarter')).toBeUndefined();
  });
});
