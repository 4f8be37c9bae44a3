// The period's achieved measure: the one figure a statement's commission tiers, its bonuses and the
// attainment it shows are read from, and the scorecards too. A sale counts in the period in which
// it occurred. A refund acts once, in one of two ways, never both:
//  - it lowers the base of the period in which it occurs — a refund of a sale of the same period,
//    and any refund under a plan without `clawback` (as it lowers that period's revenue);
//  - or it belongs to the clawback rule — a refund of an earlier period's sale under a plan with
//    `clawback` takes back the commission paid on that sale on its own line (within `windowDays`;
//    after that the paid commission is final) and leaves this period's base alone.
// Units plans: a refund changes no units, so it acts only through a clawback.
import type { IncentivePlan } from '../events';
import type { CreditEntry } from './types';

export type RefundRole = 'base' | 'clawback' | 'none';

type PlanTerms = Pick<IncentivePlan, 'measure' | 'clawback'>;

/** What a refund does under a plan; `earlierSale`: the refunded sale lies in an earlier period of the plan's kind. */
export const refundRole = (plan: PlanTerms, earlierSale: boolean): RefundRole => {
  if (plan.measure === 'units') return plan.clawback ? 'clawback' : 'none';
  return earlierSale && plan.clawback ? 'clawback' : 'base';
};

/** A credit's value in the plan's measure (a refund's units are 0). */
export const valueIn = (measure: IncentivePlan['measure'], e: CreditEntry): number => (measure === 'revenue' ? e.amount : e.units);

export interface SortedCredits {
  /** the credits that make the base, in the order given */
  readonly base: readonly CreditEntry[];
  /** refunds left to the clawback rule */
  readonly clawbacks: readonly CreditEntry[];
  /** the sum of the base in the plan's measure */
  readonly achieved: number;
}

/** Sort a period's credits into the base and the clawback rule's refunds. */
export const sortCredits = (plan: PlanTerms, entries: readonly CreditEntry[], earlierSale: (refund: CreditEntry) => boolean): SortedCredits => {
  const base: CreditEntry[] = [];
  const clawbacks: CreditEntry[] = [];
  let achieved = 0;
  for (const e of entries) {
    const role = e.kind === 'sale' ? 'base' : refundRole(plan, earlierSale(e));
    if (role === 'clawback') clawbacks.push(e);
    if (role !== 'base') continue;
    base.push(e);
    achieved += valueIn(plan.measure, e);
  }
  return { base, clawbacks, achieved };
};
