// Capacity's pieces: which complete periods the output per rep is read from, and the median in fen.
import { describe, expect, it } from 'vitest';
import { medianMinor, trailingPeriods } from '../../../core/views/capacity';

const ms = (iso: string) => Date.parse(iso);
const zone = 'Asia/Shanghai';

describe('capacity', () => {
  it('reads the three periods of the same kind before a period that has started', () => {
    expect(trailingPeriods('2026-Q3', ms('2026-08-15T00:00:00+08:00'), zone)).toEqual(['2025-Q4', '2026-Q1', '2026-Q2']);
    expect(trailingPeriods('2026-07', ms('2026-12-01T00:00:00+08:00'), zone)).toEqual(['2026-04', '2026-05', '2026-06']);
    expect(trailingPeriods('2026', ms('2026-03-01T00:00:00+08:00'), zone)).toEqual(['2023', '2024', '2025']);
  });

  it('reads the three complete periods before `at` for a period not started yet, never the one running', () => {
    expect(trailingPeriods('2027-Q1', ms('2026-11-20T00:00:00+08:00'), zone)).toEqual(['2026-Q1', '2026-Q2', '2026-Q3']);
    // the first instant of a period in the deployment's zone: it has started
    expect(trailingPeriods('2026-12', ms('2026-12-01T00:00:00+08:00'), zone)).toEqual(['2026-09', '2026-10', '2026-11']);
    expect(trailingPeriods('2026-12', ms('2026-11-30T23:59:59+08:00'), zone)).toEqual(['2026-08', '2026-09', '2026-10']);
  });

  it('takes the middle value, or the middle two’s mean rounded half away from zero', () => {
    expect(medianMinor([])).toBeNull();
    expect(medianMinor([300, 100, 200])).toBe(200);
    expect(medianMinor([1, 2])).toBe(2);
    expect(medianMinor([-3, -2])).toBe(-3);
    expect(medianMinor([400, 100, 200, 1000])).toBe(300);
  });
});
