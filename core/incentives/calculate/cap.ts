// The cap: what commission, bonuses and SPIFFs earn in one period is limited to `cap.amount`;
// the excess is shown as its own negative `cap` line, so the uncapped figures stay visible.
import { ruled } from './describe';
import type { StatementLine } from './types';

export const capLine = (cap: { readonly amount: number } | undefined, earning: readonly StatementLine[], currency: string, citations: readonly number[]): StatementLine | undefined => {
  if (!cap) return undefined;
  const earned = earning.reduce((a, l) => a + l.amount, 0);
  if (earned <= cap.amount) return undefined;
  return {
    lineId: 'cap',
    kind: 'cap',
    ...ruled({ kind: 'cap', amount: cap.amount, earned }, currency),
    basis: earned,
    rate: null,
    amount: cap.amount - earned,
    citations: [...citations],
  };
};
