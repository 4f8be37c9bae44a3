// Rules for sales and refunds. Credits are computed here once, so every read model agrees on
// who earned what: each split's share of revenue and units is rounded half away from zero and
// the first split takes the remainder, so the credits sum exactly to the sale.
import * as E from 'fp-ts/Either';
import { customerStream } from '../customers/state';
import type { DecideContext, NewEvent } from '../shared/decider';
import { Dec, splitByShares } from '../shared/money';
import { conflict, invalid, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import { creditAfterLeaving, repStream } from '../teams/state';
import type { RecordSale, RefundSale } from './commands';
import type { Credit, SaleEvent } from './events';
import type { OrderState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<SaleEvent>[]>;

const splitsOf = (c: RecordSale): E.Either<Problem, { repId: string; share: string }[]> => {
  if (c.repId !== undefined && c.splits !== undefined) return E.left(invalidField('splits', 'give either repId or splits, not both'));
  if (c.repId !== undefined) return E.right([{ repId: c.repId, share: '1' }]);
  if (c.splits === undefined) return E.left(invalid('RecordSale needs repId or splits', [{ path: 'repId', message: 'required: give repId or splits' }]));
  const ids = new Set(c.splits.map((s) => s.repId));
  if (ids.size !== c.splits.length) return E.left(invalidField('splits', 'each rep may appear once'));
  const sum = c.splits.reduce((a, s) => a.plus(s.share), new Dec(0));
  if (!sum.equals(1)) return E.left(invalidField('splits', `shares must sum to 1, they sum to ${sum.toString()}`));
  return E.right(c.splits);
};

export const recordSale = (c: RecordSale, s: OrderState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`order '${c.orderId}' is already recorded`));
  const splits = splitsOf(c);
  if (E.isLeft(splits)) return splits;
  if (ctx.state(customerStream, c.customerId).status === 'none') return E.left(notFound('customer', c.customerId));
  const teams: string[] = [];
  for (const sp of splits.right) {
    const rep = ctx.state(repStream, sp.repId);
    if (rep.status === 'none') return E.left(notFound('rep', sp.repId));
    const left = creditAfterLeaving(rep, c.occurredAt, c.repId !== undefined ? 'repId' : `splits.${splits.right.indexOf(sp)}.repId`);
    if (left) return E.left(left);
    teams.push(rep.teamId);
  }
  const amount = c.lines.reduce((a, l) => a + l.amount, 0);
  const units = c.lines.reduce((a, l) => a + l.units, 0);
  if (!Number.isSafeInteger(amount)) return E.left(invalidField('lines', 'the order total is too large'));
  const listTooLarge = c.lines.findIndex((l) => l.listPrice !== undefined && !Number.isSafeInteger(l.listPrice * l.units));
  if (listTooLarge >= 0) return E.left(invalidField(`lines.${listTooLarge}.listPrice`, 'the list price times the units is too large'));
  const shares = splits.right.map((sp) => sp.share);
  const amounts = splitByShares(amount, shares);
  const unitParts = splitByShares(units, shares);
  const credits: Credit[] = splits.right.map((sp, i) => ({ repId: sp.repId, teamId: teams[i], share: sp.share, amount: amounts[i], units: unitParts[i] }));
  return E.right([
    {
      type: 'SaleRecorded',
      data: {
        orderId: c.orderId, customerId: c.customerId, lines: c.lines, amount, units, credits,
        ...(c.channel !== undefined ? { channel: c.channel } : {}),
        ...(c.promotionId !== undefined ? { promotionId: c.promotionId } : {}),
      },
      occurredAt: c.occurredAt,
    },
  ]);
};

export const refundSale = (c: RefundSale, s: OrderState): Decision => {
  if (s.status === 'none') return E.left(notFound('order', c.orderId));
  const left = s.amount - s.refunded;
  if (c.amount > left)
    return E.left(ruleBroken('refund-exceeds-order', `a refund of ${c.amount} is more than the ${left} left to refund on order '${c.orderId}' (sold ${s.amount}, refunded ${s.refunded})`));
  if (Date.parse(c.occurredAt) < Date.parse(s.occurredAt))
    return E.left(ruleBroken('refund-before-sale', `a refund cannot occur (${c.occurredAt}) before its sale (${s.occurredAt})`));
  // refunded in the proportions credited; a negative credit (recorded before splits were kept ≥ 0) takes none
  const credited = s.credits.map((cr) => Math.max(0, cr.amount));
  const base = credited.reduce((a, b) => a + b, 0);
  const parts = splitByShares(c.amount, credited.map((cr) => (base === 0 ? '0' : new Dec(cr).dividedBy(base).toString())));
  return E.right([
    {
      type: 'SaleRefunded',
      data: {
        orderId: c.orderId,
        customerId: s.customerId,
        amount: c.amount,
        reason: c.reason,
        credits: s.credits.map((cr, i) => ({ repId: cr.repId, teamId: cr.teamId, amount: parts[i] })),
        ...(c.refundId ? { refundId: c.refundId } : {}),
      },
      occurredAt: c.occurredAt,
    },
  ]);
};
