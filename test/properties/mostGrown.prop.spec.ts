// The most-improved badge's pick (mostGrown) is the plain ranking by the exact growth ratio: every
// key's ratio made, the first of the highest above 0 kept. Small values, so ties and near ties
// (3/2 against 6/4, 1,000,001/1,000,000 against 1,000,000/999,999) come often.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { growthRatio, mostGrown } from '../../core/shared/growth';

const entry = fc.record({
  key: fc.string({ minLength: 1, maxLength: 3 }),
  value: fc.oneof(fc.integer({ min: -5, max: 12 }), fc.integer({ min: 999_990, max: 1_000_010 }), fc.constant(9_007_199_254_740_000)),
  base: fc.oneof(fc.integer({ min: -3, max: 8 }), fc.integer({ min: 999_990, max: 1_000_010 }), fc.constant(9_007_199_254_739_999)),
});

/** Every key's exact ratio, then the first of the highest above 0. */
const plainly = (keys: { key: string; value: number; base: number }[]) => {
  let best: { key: string; growth: ReturnType<typeof growthRatio> } | undefined;
  for (const { key, value, base } of keys) {
    const growth = growthRatio(value, base);
    if (growth && growth.gt(0) && (!best || growth.gt(best.growth!))) best = { key, growth };
  }
  return best && { key: best.key, growth: best.growth!.toString() };
};

describe('mostGrown', () => {
  it('picks what ranking every exact ratio picks', () => {
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 30 }), (keys) => {
        const got = mostGrown(keys);
        expect(got && { key: got.key, growth: got.growth.toString() }).toEqual(plainly(keys));
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps the earlier of two keys with the same ratio, and tells ratios apart that floats nearly confuse', () => {
    expect(mostGrown([{ key: 'a', value: 3, base: 2 }, { key: 'b', value: 6, base: 4 }])?.key).toBe('a');
    expect(mostGrown([{ key: 'a', value: 1_000_000, base: 999_999 }, { key: 'b', value: 1_000_001, base: 1_000_000 }])?.key).toBe('a');
    // both ratios are the same float; exactly, a's is the higher, whichever comes first
    const a = { key: 'a', value: 9_007_199_254_739_999, base: 9_007_199_254_739_998 };
    const b = { key: 'b', value: 9_007_199_254_740_000, base: 9_007_199_254_739_999 };
    expect(a.value / a.base).toBe(b.value / b.base);
    expect(mostGrown([a, b])?.key).toBe('a');
    expect(mostGrown([b, a])?.key).toBe('a');
    expect(mostGrown([{ key: 'a', value: 5, base: 0 }, { key: 'b', value: 2, base: 2 }, { key: 'c', value: -1, base: -2 }])).toBeUndefined();
  });
});
