// Money is integer minor units; rates are exact decimals. Every computed amount is rounded to
// the minor unit half away from zero, and a total is the sum of its rounded lines.
import Decimal from 'decimal.js';

export const Dec = Decimal.clone({ precision: 40, rounding: Decimal.ROUND_HALF_UP });
export type Dec = Decimal;

/** Round a decimal amount to whole minor units, half away from zero. */
export const roundMinor = (amount: Decimal.Value): number => {
  const n = new Dec(amount).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber();
  return n === 0 ? 0 : n; // no negative zero in JSON
};

/**
 * Split an integer total by weights so the parts sum exactly to it (largest remainder; ties go
 * to the earlier part). Weights are decimals ≥ 0 and not all zero.
 */
export const largestRemainder = (total: number, weights: readonly Decimal.Value[]): number[] => {
  const ws = weights.map((w) => new Dec(w));
  const sum = ws.reduce((a, b) => a.plus(b), new Dec(0));
  if (sum.isZero()) throw new RangeError('weights sum to zero');
  const exact = ws.map((w) => new Dec(total).times(w).dividedBy(sum));
  const floors = exact.map((x) => x.floor());
  let left = new Dec(total).minus(floors.reduce((a, b) => a.plus(b), new Dec(0))).toNumber();
  const order = exact.map((x, i) => ({ i, r: x.minus(floors[i]) })).sort((a, b) => b.r.comparedTo(a.r) || a.i - b.i);
  const out = floors.map((f) => f.toNumber());
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i] += 1;
  return out;
};

/**
 * Split a total ≥ 0 by shares summing to 1 — a split sale's credits of revenue and units, its
 * refunds and its SPIFFs. As SPEC §3 says, every part but the first is its exact share rounded half
 * away from zero and the first takes the remainder, so the parts sum exactly. When those roundings
 * up would leave the first below zero (a tiny first share: 3 fen split 0.0005 + 5 × 0.1999 rounds
 * five 0.5997 up to 1 and leaves the first −2), the whole split is by largest remainder instead:
 * no part negative, each within one unit of its exact share, ties to the earlier split.
 */
export const splitByShares = (total: number, shares: readonly Decimal.Value[]): number[] => {
  const rest = shares.slice(1).map((s) => roundMinor(new Dec(total).times(s)));
  const first = total - rest.reduce((a, b) => a + b, 0);
  return first >= 0 ? [first, ...rest] : largestRemainder(total, shares);
};

/** Ratio as a plain number for display (attainment, growth); null when the base is 0. */
export const ratio = (part: number, whole: number, places = 4): number | null =>
  whole === 0 ? null : new Dec(part).dividedBy(whole).toDecimalPlaces(places, Decimal.ROUND_HALF_UP).toNumber();
