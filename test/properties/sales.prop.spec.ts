import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitByShares } from '../../core/sales/decide';
import { Dec } from '../../core/shared/money';

/** Shares in ten-thousandths that sum to exactly 1. */
const shares = fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 1, maxLength: 6 }).map((ws) => {
  const total = ws.reduce((a, b) => a + b, 0);
  const parts = ws.map((w) => new Dec(w).dividedBy(total).toDecimalPlaces(4, Dec.ROUND_DOWN));
  const rest = new Dec(1).minus(parts.reduce((a, b) => a.plus(b), new Dec(0)));
  parts[0] = parts[0].plus(rest);
  return parts.filter((p) => p.greaterThan(0)).map((p) => p.toString());
});

describe('split credits', () => {
  it('always sum exactly to the sale, and each is within a fen of its exact share (but the first)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000_000 }), shares, (amount, ss) => {
        const parts = splitByShares(amount, ss);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
        parts.slice(1).forEach((p, i) => expect(Math.abs(p - new Dec(amount).times(ss[i + 1]).toNumber())).toBeLessThanOrEqual(0.5));
      }),
      { numRuns: 500 },
    );
  });
});
