// Order stream state: what was sold, to whom it is credited, how much is left to refund.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type Credit, type SaleEvent, saleEventCodecs } from './events';

export type OrderState =
  | { status: 'none' }
  | { status: 'recorded'; orderId: string; customerId: string; amount: number; refunded: number; occurredAt: string; credits: readonly Credit[] };

export const initialOrder = (): OrderState => ({ status: 'none' });

export const evolveOrder = (s: OrderState, e: FoldedEvent<SaleEvent>): OrderState => {
  switch (e.type) {
    case 'SaleRecorded':
      return { status: 'recorded', orderId: e.data.orderId, customerId: e.data.customerId, amount: e.data.amount, refunded: 0, occurredAt: e.occurredAt, credits: e.data.credits };
    case 'SaleRefunded':
      return s.status === 'recorded' ? { ...s, refunded: s.refunded + e.data.amount } : s;
    default:
      return s;
  }
};

export const orderStream = streamKind('tally-order-', initialOrder, evolveOrder, saleEventCodecs);
