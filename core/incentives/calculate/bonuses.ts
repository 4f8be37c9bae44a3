// Bonuses by attainment: each bonus whose threshold the period's attainment reaches pays its
// amount once, as its own line. The line cites the credit that carried the rep over the line.
import { Dec } from '../../shared/money';
import type { Bonus } from '../events';
import { ruled } from './describe';
import type { Measure } from './format';
import type { CreditEntry, StatementLine } from './types';

export interface BonusContext {
  readonly quota: number;
  readonly achieved: number;
  readonly measure: Measure;
  readonly currency: string;
  /** the period's credits in business-time order, valued in the measure */
  readonly timeline: readonly { readonly entry: CreditEntry; readonly value: number }[];
  /** plan version and quota source */
  readonly citations: readonly number[];
}

/** Position of the last credit that took the running total from below `target` to at least it. */
const crossing = (timeline: BonusContext['timeline'], target: Dec): number | undefined => {
  let running = new Dec(0);
  let last: number | undefined;
  for (const { entry, value } of timeline) {
    const next = running.plus(value);
    if (running.lt(target) && next.gte(target)) last = entry.position;
    running = next;
  }
  return last;
};

export const bonusLines = (bonuses: readonly Bonus[], ctx: BonusContext): StatementLine[] => {
  const out: StatementLine[] = [];
  for (const b of [...bonuses].sort((x, y) => new Dec(x.attainmentAtLeast).comparedTo(y.attainmentAtLeast) || (x.bonusId < y.bonusId ? -1 : 1))) {
    const target = new Dec(b.attainmentAtLeast).times(ctx.quota);
    if (new Dec(ctx.achieved).lt(target)) continue;
    const crossed = crossing(ctx.timeline, target);
    out.push({
      lineId: `bonus:${b.bonusId}`,
      kind: 'bonus',
      ...ruled({ kind: 'bonus', bonusId: b.bonusId, measure: ctx.measure, attainmentAtLeast: b.attainmentAtLeast, quota: ctx.quota, achieved: ctx.achieved }, ctx.currency),
      basis: ctx.achieved,
      rate: null,
      amount: b.amount,
      citations: [...new Set([...ctx.citations, ...(crossed !== undefined ? [crossed] : [])])].sort((x, y) => x - y),
    });
  }
  return out;
};
