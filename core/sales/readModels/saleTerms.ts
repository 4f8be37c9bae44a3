// The terms an order was sold on: its channel, its promotion and each line's discount or premium
// against the list price. The sales ledger keeps credits as compact columns and nothing of this,
// so it lives here, kept only for the orders that carry any of it (most imported history carries
// none and costs nothing). Entries are only ever added, each at its sale's position, so the terms
// as of an earlier position are the same map read below a cut: asOf never refolds the sales.
import { defineProjection } from '../../fold/projection';
import type { SaleRecordedData } from '../events';

/** A line's discount (sold below list) or premium (sold above it); both 0 when sold at list or its list price is unknown. */
export interface LineTerms {
  readonly discount: number;
  readonly premium: number;
}

export interface OrderTerms {
  /** the position of the sale that recorded the order */
  readonly position: number;
  /** business time of the sale, epoch ms */
  readonly ms: number;
  readonly customerId: string;
  readonly channel?: string;
  readonly promotionId?: string;
  /** per line of the order, in its order */
  readonly lines: readonly LineTerms[];
}

export interface SaleTerms {
  /** order id → its terms; holds entries past `cut` that this view does not show */
  readonly byOrder: Map<string, OrderTerms>;
  /** the last position this view shows */
  readonly cut: number;
}

/** A line's discount and premium: listPrice × units against what it sold for. */
export const lineTerms = (l: SaleRecordedData['lines'][number]): LineTerms => {
  if (l.listPrice === undefined) return { discount: 0, premium: 0 };
  const list = l.listPrice * l.units;
  return { discount: Math.max(0, list - l.amount), premium: Math.max(0, l.amount - list) };
};

const carriesTerms = (d: SaleRecordedData): boolean => d.channel !== undefined || d.promotionId !== undefined || d.lines.some((l) => l.listPrice !== undefined);

export const saleTermsProjection = defineProjection({
  name: 'saleTerms',
  types: ['SaleRecorded'],
  init: (): SaleTerms => ({ byOrder: new Map(), cut: Infinity }),
  apply: (s, e) => {
    const d = e.data;
    // an order is recorded once; the first record stands
    if (e.type !== 'SaleRecorded' || !carriesTerms(d) || s.byOrder.has(d.orderId)) return s;
    s.byOrder.set(d.orderId, {
      position: e.position, ms: Date.parse(e.occurredAt), customerId: d.customerId,
      ...(d.channel !== undefined ? { channel: d.channel } : {}),
      ...(d.promotionId !== undefined ? { promotionId: d.promotionId } : {}),
      lines: d.lines.map(lineTerms),
    });
    return s;
  },
  // entries are never changed once set: the terms at a position are those set by then
  at: (live, position) => ({ byOrder: live.byOrder, cut: Math.min(live.cut, position) }),
});

/** The terms of an order as this view knows them; undefined when it carries none (or was recorded past the view). */
export const termsOf = (s: SaleTerms, orderId: string): OrderTerms | undefined => {
  const t = s.byOrder.get(orderId);
  return t && t.position <= s.cut ? t : undefined;
};

/** Every order with terms this view shows, in no particular order. */
export function* ordersWithTerms(s: SaleTerms): Iterable<[string, OrderTerms]> {
  for (const [id, t] of s.byOrder) if (t.position <= s.cut) yield [id, t];
}
