// Whole numbers shared by weights so the parts sum exactly: a credit's part of each line of its
// order, each credit's part of a line's discount. Integers, since they run for every split credit.
import { largestRemainder } from '../shared/money';

/**
 * A table of whole numbers whose rows sum to `rows` and columns to `columns` (the two totals are
 * equal). Each row but the last takes its total from what is left of each column, in proportion
 * (largest remainder); the last row takes the rest. A part of a row never exceeds what is left of
 * its column, so with non-negative totals no cell is negative.
 */
export const shareGrid = (rows: readonly number[], columns: readonly number[]): number[][] => {
  const left = [...columns];
  return rows.map((total, i) => {
    const parts = i === rows.length - 1 ? [...left] : allocate(total, left);
    parts.forEach((p, j) => (left[j] -= p));
    return parts;
  });
};

/**
 * Split a whole number by weights so the parts sum exactly to it: largest remainder, ties to the
 * earlier part (as money.largestRemainder), in integers, since it runs for every multi-line
 * credit. All-zero weights put everything on the first part.
 */
export const allocate = (total: number, weights: readonly number[]): number[] => {
  const sum = weights.reduce((a, w) => a + w, 0);
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  if (total * Math.max(...weights) > Number.MAX_SAFE_INTEGER) return largestRemainder(total, weights);
  const parts = weights.map((w) => {
    const n = total * w;
    let q = Math.floor(n / sum);
    // exact integer division: the products are safe integers, the float quotient may be one off
    while (q * sum > n) q--;
    while ((q + 1) * sum <= n) q++;
    return { q, r: n - q * sum };
  });
  let left = total - parts.reduce((a, p) => a + p.q, 0);
  const order = parts.map((p, i) => ({ i, r: p.r })).sort((a, b) => b.r - a.r || a.i - b.i);
  const out = parts.map((p) => p.q);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) out[order[k].i] += 1;
  return out;
};
