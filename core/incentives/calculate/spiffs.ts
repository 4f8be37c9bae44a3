// SPIFFs by product: a fixed amount per order or per unit of the product sold, when the order
// has at least `minUnits` of it. A split sale pays each rep its share of the order's SPIFF,
// rounded as the sale's credits are (money.splitByShares), so the shares sum exactly.
import { splitByShares } from '../../shared/money';
import { ruled } from './describe';
import type { Measure } from './format';
import type { Spiff } from '../events';
import type { CreditEntry, OrderFacts, StatementLine } from './types';

export const spiffLines = (
  spiffs: readonly Spiff[],
  sales: readonly CreditEntry[],
  orderOf: (orderId: string) => OrderFacts | undefined,
  ctx: { readonly currency: string; readonly measure: Measure; readonly citations: readonly number[] },
): StatementLine[] => {
  const out: StatementLine[] = [];
  for (const s of spiffs) {
    let amount = 0;
    let basis = 0;
    const cited: number[] = [];
    for (const sale of sales) {
      const order = orderOf(sale.orderId);
      if (!order) continue;
      const units = order.lines.filter((l) => l.product === s.product).reduce((a, l) => a + l.units, 0);
      const holds = order.lines.some((l) => l.product === s.product);
      if (!holds || (s.minUnits !== undefined && units < s.minUnits)) continue;
      const whole = s.per === 'order' ? s.amount : s.amount * units;
      amount += order.split ? splitByShares(whole, order.split.shares)[order.split.index] : whole;
      basis += s.per === 'order' ? 1 : units;
      cited.push(sale.position);
    }
    if (cited.length === 0) continue;
    out.push({
      lineId: `spiff:${s.spiffId}`,
      kind: 'spiff',
      ...ruled({ kind: 'spiff', spiffId: s.spiffId, product: s.product, per: s.per, amount: s.amount, ...(s.minUnits !== undefined ? { minUnits: s.minUnits } : {}), count: basis }, ctx.currency),
      basis,
      rate: String(s.amount),
      amount,
      citations: [...new Set([...ctx.citations, ...cited])].sort((a, b) => a - b),
    });
  }
  return out;
};
