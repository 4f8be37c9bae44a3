import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Dec, splitByShares } from '../../core/shared/money';
import { given } from '../support/given';

/**
 * 1 to 20 shares summing to exactly 1, with 1 to 8 decimals and weights of very different sizes, so
 * a tiny share (0.0005 beside five of 0.1999) turns up anywhere, the first split included.
 */
const shares = fc
  .tuple(fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 1, maxLength: 20 }), fc.integer({ min: 1, max: 8 }), fc.nat())
  .map(([ws, places, pick]) => {
    const total = ws.reduce((a, b) => a + b, 0);
    const parts = ws.map((w) => new Dec(w).dividedBy(total).toDecimalPlaces(places, Dec.ROUND_DOWN));
    const at = pick % parts.length;
    parts[at] = parts[at].plus(new Dec(1).minus(parts.reduce((a, b) => a.plus(b), new Dec(0))));
    return parts.filter((p) => p.greaterThan(0)).map((p) => p.toString());
  });

/** Small totals make the roundings matter most; large ones check nothing overflows. */
const total = fc.oneof(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 1_000_000_000 }));

const exactShare = (t: number, share: string) => new Dec(t).times(share);

describe('split credits', () => {
  it('are never negative, the first included, sum exactly, and keep the first-takes-the-remainder rule unless it would go below zero', () => {
    fc.assert(
      fc.property(total, shares, (t, ss) => {
        const parts = splitByShares(t, ss);
        expect(parts).toHaveLength(ss.length);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(t);
        for (const p of parts) expect(Number.isInteger(p) && p >= 0).toBe(true);
        const restRounded = parts.slice(1).every((p, i) => exactShare(t, ss[i + 1]).minus(p).abs().lessThanOrEqualTo(0.5));
        // SPEC §3 (the rest rounded, the first takes the remainder), or largest remainder:
        // then every part, the first too, is less than one unit from its exact share
        const withinOne = parts.every((p, i) => exactShare(t, ss[i]).minus(p).abs().lessThan(1));
        expect(restRounded || withinOne).toBe(true);
      }),
      { numRuns: 1_000 },
    );
  });

  it('of a recorded sale: every rep gets ≥ 0 revenue and units, summing to the order, for any lines and shares', () => {
    const reps = Array.from({ length: 20 }, (_, i) => `R-${i + 1}`);
    const company = [
      { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: null } },
      ...reps.map((repId) => ({ stream: `tally-rep-${repId}`, type: 'RepAdded', data: { repId, name: repId, teamId: 'T-1', joinedAt: '2025-01-01' } })),
      { stream: 'tally-customer-C-1', type: 'CustomerRegistered', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
    ];
    const line = fc.record({ product: fc.constantFrom('CRM', 'ERP'), units: fc.nat({ max: 50 }), amount: fc.oneof(fc.nat({ max: 10 }), fc.nat({ max: 10_000_000 })) });
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 4 }), shares, (lines, ss) => {
        const splits = ss.map((share, i) => ({ repId: reps[i], share }));
        const [e] = given(company).when('RecordSale', { orderId: 'O-1', customerId: 'C-1', lines, splits, occurredAt: '2026-07-01T10:00:00+08:00' }).then([{ type: 'SaleRecorded' }]);
        const credits = (e.data as { credits: { amount: number; units: number }[] }).credits;
        for (const c of credits) expect(c.amount >= 0 && c.units >= 0, JSON.stringify(credits)).toBe(true);
        expect(credits.reduce((a, c) => a + c.amount, 0)).toBe(lines.reduce((a, l) => a + l.amount, 0));
        expect(credits.reduce((a, c) => a + c.units, 0)).toBe(lines.reduce((a, l) => a + l.units, 0));
      }),
      { numRuns: 300 },
    );
  });
});
