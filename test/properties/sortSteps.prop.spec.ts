// sortSteps (core/fold/steps.ts) sorts in slices for the alert scheduler; its order must be the
// engine's own stable sort's, ties kept in their first order, for any length around the run size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runSteps, sortSteps, STEP_ITEMS } from '../../core/fold/steps';

describe('sorting in steps', () => {
  it('given items with many ties, when sorted in steps, then the order is that of Array.prototype.sort', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: STEP_ITEMS * 9 }), fc.integer({ min: 1, max: 50 }), fc.integer(), (n, keys, seed) => {
        // items whose key ties often; `at` tells items of one key apart, so a broken tie shows
        const items = Array.from({ length: n }, (_, at) => ({ key: Math.abs((seed ^ (at * 2654435761)) % keys), at }));
        const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
        const expected = [...items].sort(byKey);
        const list = [...items];
        expect(runSteps(sortSteps(list, byKey))).toEqual(expected);
        expect(list).toEqual(expected);
      }),
      { numRuns: 60 },
    );
  });
});
