// Draws: a guaranteed amount per period. Non-recoverable: a top-up to the draw that is never
// paid back. Recoverable: the top-up is carried as a balance the rep owes, recovered from later
// periods' earnings above the draw (Xactly's worked example: 1,500 draw, 500 earned → 1,000
// carried; next period 3,000 earned → 1,000 recovered, 2,000 paid).
import { ruled } from './describe';
import type { StatementLine } from './types';

export interface DrawOutcome {
  readonly lines: StatementLine[];
  readonly balanceAfter: number;
}

export const drawLines = (draw: { readonly amount: number; readonly recoverable: boolean }, earnings: number, balanceBefore: number, currency: string, citations: readonly number[]): DrawOutcome => {
  if (earnings < draw.amount) {
    const topUp = draw.amount - earnings;
    const balanceAfter = draw.recoverable ? balanceBefore + topUp : 0;
    return {
      lines: [{
        lineId: 'draw:top-up',
        kind: 'draw',
        ...ruled({ kind: 'draw', step: 'top-up', recoverable: draw.recoverable, amount: draw.amount, earnings, owed: balanceAfter }, currency),
        basis: earnings,
        rate: null,
        amount: topUp,
        citations: [...citations],
      }],
      balanceAfter,
    };
  }
  const recovered = draw.recoverable ? Math.min(balanceBefore, earnings - draw.amount) : 0;
  if (recovered <= 0) return { lines: [], balanceAfter: draw.recoverable ? balanceBefore : 0 };
  return {
    lines: [{
      lineId: 'draw:recovery',
      kind: 'draw',
      ...ruled({ kind: 'draw', step: 'recovery', amount: draw.amount, recovered, owed: balanceBefore }, currency),
      basis: earnings,
      rate: null,
      amount: -recovered,
      citations: [...citations],
    }],
    balanceAfter: balanceBefore - recovered,
  };
};
