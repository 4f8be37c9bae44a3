// Commands of sales.
import * as t from 'io-ts';
import Decimal from 'decimal.js';
import * as E from 'fp-ts/Either';
import { boundedArray, closed, decimalSchema, DecimalString, Id, Instant, MinorUnits, NonNegativeInt, PositiveMinorUnits, Text, withSchema } from '../shared/codec';

/** A line of an order; `listPrice` is the price list's price of one unit, so the line's discount is listPrice × units − amount. */
export const SaleLineInput = closed('SaleLine', { product: Text(120), units: NonNegativeInt, amount: MinorUnits }, { listPrice: MinorUnits });

/** A share strictly between 0 and 1 inclusive, as an exact decimal. */
const Share = withSchema(new t.Type<string, string, unknown>(
  'Share',
  (u): u is string => typeof u === 'string',
  (u, c) =>
    E.flatMap(DecimalString.validate(u, c), (s) => {
      const d = new Decimal(s);
      return d.greaterThan(0) && d.lessThanOrEqualTo(1) ? t.success(s) : t.failure(u, c, `expected a share in (0, 1], got ${s}`);
    }),
  t.identity,
), decimalSchema('a share in (0, 1]', ['0.5']));

export const SplitInput = closed('Split', { repId: Id, share: Share });

export const RecordSale = closed(
  'RecordSale',
  { orderId: Id, customerId: Id, lines: boundedArray(SaleLineInput, 500, 1), occurredAt: Instant },
  // channel: the route to market it was sold through (direct, distributor, online …); promotionId: the promotion it was sold under
  { repId: Id, splits: boundedArray(SplitInput, 20, 1), channel: Id, promotionId: Id },
);
export type RecordSale = t.TypeOf<typeof RecordSale>;

export const RefundSale = closed('RefundSale', { orderId: Id, amount: PositiveMinorUnits, occurredAt: Instant, reason: Text(500) }, { refundId: Id });
export type RefundSale = t.TypeOf<typeof RefundSale>;

/** The reps a sale credits, whichever form it was given in. */
export const creditedReps = (c: RecordSale): string[] => (c.splits ? c.splits.map((s) => s.repId) : c.repId ? [c.repId] : []);
