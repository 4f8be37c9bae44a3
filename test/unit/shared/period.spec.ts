import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { acceptedPeriod, inPeriod, parsePeriod, periodBounds, periodOf, previousPeriod, shiftPeriod, subPeriods, type PeriodKind } from '../../../core/shared/period';

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

  it('accepts on input only years 1900–2999, and computes on any four-digit year', () => {
    expect(['1900', '2999-12-31', '1900-W01', '2026-Q3'].map((p) => acceptedPeriod(p)?.kind)).toEqual(['year', 'day', 'week', 'quarter']);
    expect(['1000', '0999', '0001', '0999-01', '1000-Q1', '1000-W01', '1899-12', '3000', '999'].map((p) => acceptedPeriod(p))).toEqual(Array(9).fill(undefined));
    expect(parsePeriod('1000')?.year).toBe(1000);
  });

  it('writes four-digit years on every id it makes (the step back from 1000 was "999", which nothing could read)', () => {
    expect(previousPeriod('1000')).toBe('0999');
    expect(previousPeriod('1000-01')).toBe('0999-12');
    expect(previousPeriod('1000-Q1')).toBe('0999-Q4');
    expect(previousPeriod('1000-W01')).toBe('0999-W52');
    expect(previousPeriod('1000-01-01')).toBe('0999-12-31');
    expect(periodOf('month', '0999-01-05T10:00:00+08:00', SH)).toBe('0999-01');
    // Date.UTC would read the year 1 as 1901: 0001-Q1 holds the months of the year 1
    expect(subPeriods('0001-Q1', 'month')).toEqual(['0001-01', '0001-02', '0001-03']);
    // past 0000 and 9999 an id stops at the first or last of its kind
    expect(previousPeriod('0000-01')).toBe('0000-01');
    expect(shiftPeriod('9999-12', 1)).toBe('9999-12');
    expect(periodOf('year', '9999-12-31T23:00:00Z', SH)).toBe('9999');
  });

  it('is total: every id it makes from any period of 0000–9999 or any instant is an id it reads back', () => {
    const kinds: PeriodKind[] = ['year', 'quarter', 'month', 'week', 'day'];
    const anyPeriod = fc
      .record({ year: fc.integer({ min: 0, max: 9999 }), kind: fc.constantFrom(...kinds), index: fc.integer({ min: 1, max: 52 }), day: fc.integer({ min: 1, max: 28 }) })
      .map(({ year, kind, index, day }) => {
        const y = String(year).padStart(4, '0');
        const two = (n: number) => String(n).padStart(2, '0');
        return { year: y, quarter: `${y}-Q${((index - 1) % 4) + 1}`, month: `${y}-${two(((index - 1) % 12) + 1)}`, week: `${y}-W${two(index)}`, day: `${y}-${two(((index - 1) % 12) + 1)}-${two(day)}` }[kind];
      });
    fc.assert(
      fc.property(anyPeriod, fc.integer({ min: -20_000, max: 20_000 }), fc.constantFrom(...kinds), (id, n, into) => {
        const shifted = shiftPeriod(id, n);
        expect(parsePeriod(shifted)?.kind).toBe(parsePeriod(id)!.kind);
        expect(() => periodBounds(shifted, SH)).not.toThrow();
        for (const sub of subPeriods(id, into) ?? []) expect(parsePeriod(sub)?.kind).toBe(into);
      }),
    );
    fc.assert(
      fc.property(fc.date({ min: new Date('0000-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true }), fc.constantFrom(...kinds), (d, kind) => {
        expect(parsePeriod(periodOf(kind, d.getTime(), SH))?.kind).toBe(kind);
      }),
    );
  });
});
