// The cap: what commission, bonuses and SPIFFs earn in one period is limited to `cap.amount`;
// the excess is shown as its own negative `cap` line, so the uncapped figures stay visible.
import { money } from './format';
import type { StatementLine } from './types';

export const capLine = (cap: { readonly amount: number } | undefined, earning: readonly StatementLine[], currency: string, citations: readonly number[]): StatementLine | undefined => {
  if (!cap) return undefined;
  const earned = earning.reduce((a, l) => a + l.amount, 0);
  if (earned <= cap.amount) return undefined;
  return {
    lineId: 'cap',
    kind: 'cap',
    description: `Cap: commission, bonuses and SPIFFs of a period are limited to ${money(cap.amount, currency)}; ${money(earned, currency)} earned`,
    basis: earned,
    rate: null,
    amount: cap.amount - earned,
    citations: [...citations],
  };
};
