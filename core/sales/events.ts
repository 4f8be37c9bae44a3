// Events of sales: an order recorded with its lines and each rep's credit, and refunds on it.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

// listPrice, channel and promotionId are optional: sales recorded before they existed carry none
export const SaleLine = t.intersection([t.type({ product: t.string, units: t.number, amount: t.number }), t.partial({ listPrice: t.number })], 'SaleLine');

/** Each rep's credit: share of revenue and units (rounded, summing exactly), team at the time. */
export const Credit = t.type({ repId: t.string, teamId: t.string, share: t.string, amount: t.number, units: t.number }, 'Credit');

export const SaleRecorded = t.intersection(
  [
    t.type({ orderId: t.string, customerId: t.string, lines: t.array(SaleLine), amount: t.number, units: t.number, credits: t.array(Credit) }),
    t.partial({ channel: t.string, promotionId: t.string }),
  ],
  'SaleRecorded',
);

export const RefundCredit = t.type({ repId: t.string, teamId: t.string, amount: t.number }, 'RefundCredit');

export const SaleRefunded = t.intersection(
  [
    t.type({ orderId: t.string, customerId: t.string, amount: t.number, reason: t.string, credits: t.array(RefundCredit) }),
    t.partial({ refundId: t.string }),
  ],
  'SaleRefunded',
);

export type SaleLine = t.TypeOf<typeof SaleLine>;
export type Credit = t.TypeOf<typeof Credit>;
export type SaleRecordedData = t.TypeOf<typeof SaleRecorded>;
export type SaleRefundedData = t.TypeOf<typeof SaleRefunded>;

export type SaleEvent = EventsOf<typeof saleEventCodecs>;

export const saleEventCodecs = { SaleRecorded, SaleRefunded } as const;
