// Sales: stream kind and command wiring.
import { customerWorkScope } from '../customers/decider';
import { customerStream } from '../customers/state';
import { defineCommand, type StreamRef } from '../shared/command';
import { repStream } from '../teams/state';
import { creditedReps, RecordSale, RefundSale } from './commands';
import { recordSale, refundSale } from './decide';
import { orderStream } from './state';

export { orderStream };

export const saleCommands = [
  defineCommand({
    type: 'RecordSale',
    summary: 'Record an order: its lines, the customer, and the rep or the split of reps credited.',
    codec: RecordSale,
    kind: orderStream,
    streamId: (c) => c.orderId,
    reads: (c) => [[customerStream, c.customerId] as StreamRef, ...creditedReps(c).map((r): StreamRef => [repStream, r])],
    decide: recordSale,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => customerWorkScope(ctx, c.customerId, creditedReps(c)),
  }),
  defineCommand({
    type: 'RefundSale',
    summary: 'Refund part or all of an order; revenue falls in the period the refund occurred.',
    codec: RefundSale,
    kind: orderStream,
    streamId: (c) => c.orderId,
    decide: (c, s) => refundSale(c, s),
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => {
      const order = ctx.state(orderStream, c.orderId);
      return order.status === 'recorded' ? { reps: order.credits.map((cr) => cr.repId), teams: order.credits.map((cr) => cr.teamId) } : {};
    },
  }),
];
