// Money's rules by hand-worked cases: each amount rounded to the minor unit half away from zero,
// splits that sum exactly to their total, and ratios for display.
import { describe, expect, it } from 'vitest';
import { Dec, largestRemainder, ratio, roundMinor, splitByShares } from '../../../core/shared/money';

describe('roundMinor', () => {
  it.each([
    ['2.5', 3],
    ['-2.5', -3], // half away from zero, not half up (−2) nor to even (−2)
    ['2.4999', 2],
    ['-2.4999', -2],
    ['0.5', 1],
    ['1234.5', 1235],
  ])('%s fen → %i', (amount, minor) => {
    expect(roundMinor(amount)).toBe(minor);
  });

  it('never writes a negative zero (JSON would keep it as 0, but Object.is and a hash would not)', () => {
    expect(Object.is(roundMinor('-0.4'), 0)).toBe(true);
    expect(Object.is(roundMinor(new Dec('-0')), 0)).toBe(true);
  });
});

describe('largestRemainder', () => {
  it('gives the units left after the floors to the largest remainders', () => {
    // 100 over 1 : 1 : 1 → 33.33 each, floors 33 + 33 + 33 = 99, one left: the tie goes to the first
    expect(largestRemainder(100, ['1', '1', '1'])).toEqual([34, 33, 33]);
    // 10 over 0.15 : 0.35 : 0.5 → 1.5, 3.5, 5: floors 1 + 3 + 5 = 9, one left, tie of .5s to the earlier
    expect(largestRemainder(10, ['0.15', '0.35', '0.5'])).toEqual([2, 3, 5]);
    // 7 over 1 : 2 : 4 (sum 7) → exact 1, 2, 4: nothing left over
    expect(largestRemainder(7, ['1', '2', '4'])).toEqual([1, 2, 4]);
    // 5 over 0.1 : 0.3 : 0.6 → 0.5, 1.5, 3: floors 0, 1, 3 = 4; remainders .5, .5, 0 → the first .5
    expect(largestRemainder(5, ['0.1', '0.3', '0.6'])).toEqual([1, 1, 3]);
    // 2 over 0.2 : 0.7 : 0.1 → 0.4, 1.4, 0.2: floors 0, 1, 0 = 1, one left; remainders .4, .4, .2 → the earlier .4
    expect(largestRemainder(2, ['0.2', '0.7', '0.1'])).toEqual([1, 1, 0]);
  });

  it('hands out several units in order of remainder, larger before earlier', () => {
    // 3 over 0.05 : 0.3 : 0.3 : 0.35 → 0.15, 0.9, 0.9, 1.05: floors 0, 0, 0, 1 = 1, two left;
    // remainders .15, .9, .9, .05 → the two .9s
    expect(largestRemainder(3, ['0.05', '0.3', '0.3', '0.35'])).toEqual([0, 1, 1, 1]);
  });

  it('refuses weights that sum to zero', () => {
    expect(() => largestRemainder(10, ['0', '0'])).toThrow('weights sum to zero');
  });
});

describe('splitByShares', () => {
  it('rounds every part but the first and gives the first the rest (SPEC §3)', () => {
    // 1,001 over 0.6 + 0.4: the second 400.4 → 400, the first 1,001 − 400 = 601
    expect(splitByShares(1001, ['0.6', '0.4'])).toEqual([601, 400]);
    // 10 over ⅓-ish shares: 3.333 → 3 twice, the first 10 − 6 = 4
    expect(splitByShares(10, ['0.3334', '0.3333', '0.3333'])).toEqual([4, 3, 3]);
    // 5 over 0.5 + 0.5: the second 2.5 → 3 (half away from zero), the first 2
    expect(splitByShares(5, ['0.5', '0.5'])).toEqual([2, 3]);
  });

  it('falls back to largest remainder when the first would go below zero, never paying a part less than 0', () => {
    // 3 fen over 0.0005 + 5 × 0.1999: five 0.5997 → 1 each leave the first 3 − 5 = −2. Largest
    // remainder: exact 0.0015 and five 0.5997, floors all 0, three fen to the first three 0.5997s
    expect(splitByShares(3, ['0.0005', '0.1999', '0.1999', '0.1999', '0.1999', '0.1999'])).toEqual([0, 1, 1, 1, 0, 0]);
  });

  it('keeps the SPEC rule when the first lands exactly on zero', () => {
    // 3 over 0.4 + 3 × 0.2: each 0.6 → 1, the first 3 − 3 = 0: [0, 1, 1, 1]. (Largest remainder
    // would differ: exact 1.2, 0.6, 0.6, 0.6 → floors 1, 0, 0, 0 and two .6s → [1, 1, 1, 0].)
    expect(splitByShares(3, ['0.4', '0.2', '0.2', '0.2'])).toEqual([0, 1, 1, 1]);
  });
});

describe('ratio', () => {
  it('is part / whole to 4 places half away from zero, and null over 0', () => {
    expect(ratio(2, 3)).toBe(0.6667); // 0.66666… → 0.6667
    expect(ratio(1, 8)).toBe(0.125);
    expect(ratio(1, 16000)).toBe(0.0001); // 0.0000625 → 0.0001
    expect(ratio(1, 80000)).toBe(0); // 0.0000125 → 0.0000
    expect(ratio(5, 0)).toBeNull();
    expect(ratio(0, 5)).toBe(0);
  });

  it('rounds to the places asked for', () => {
    expect(ratio(2, 3, 2)).toBe(0.67);
    expect(ratio(-1, 8, 2)).toBe(-0.13); // −0.125 → −0.13, half away from zero
  });
});
