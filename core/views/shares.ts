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
  const n = weights.length;
  let sum = 0;
  let max = -Infinity;
  for (const w of weights) (sum += w), (max = Math.max(max, w));
  if (sum === 0) return weights.map((_, i) => (i === 0 ? total : 0));
  if (total * max > Number.MAX_SAFE_INTEGER) return largestRemainder(total, weights);
  // quotients and remainders in plain arrays of numbers: this runs for every line of every split sale
  const out = new Array<number>(n);
  const remainders = new Array<number>(n);
  let left = total;
  for (let i = 0; i < n; i++) {
    const x = total * weights[i];
    let q = Math.floor(x / sum);
    // exact integer division: the products are safe integers, the float quotient may be one off
    while (q * sum > x) q--;
    while ((q + 1) * sum <= x) q++;
    out[i] = q;
    remainders[i] = x - q * sum;
    left -= q;
  }
  if (left === 0) return out;
  // the rest one at a time to the largest remainders, ties to the earlier part
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => remainders[b] - remainders[a] || a - b);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k]] += 1;
  return out;
};
