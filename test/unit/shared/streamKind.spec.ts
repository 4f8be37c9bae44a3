// A stream kind's evolve sees only its area's events, typed; any other event leaves the state as it is.
import { describe, expect, it } from 'vitest';
import type { FoldedEvent } from '../../../core/shared/decider';
import { orderStream } from '../../../core/sales/state';
import { repStream } from '../../../core/teams/state';

const at = '2026-03-01T09:00:00Z';
const fold = <S>(kind: { initialState: () => S; evolve: (s: S, e: FoldedEvent) => S }, events: readonly FoldedEvent[]): S =>
  events.reduce(kind.evolve, kind.initialState());

describe('streamKind', () => {
  it('folds its own events', () => {
    const rep = fold(repStream, [
      { type: 'RepAdded', data: { repId: 'r1', name: 'Li', teamId: 't1', joinedAt: at }, occurredAt: at },
      { type: 'RepRemoved', data: { repId: 'r1', teamId: 't1', leftAt: at, creditUntil: at }, occurredAt: at },
    ]);
    expect(rep).toMatchObject({ status: 'active', repId: 'r1', leftAt: at });
  });

  it('leaves the state as it is for an event of another area, even one whose data would fit', () => {
    const added = fold(repStream, [{ type: 'RepAdded', data: { repId: 'r1', name: 'Li', teamId: 't1', joinedAt: at }, occurredAt: at }]);
    const after = repStream.evolve(added, { type: 'SaleRefunded', data: { orderId: 'o1', amount: 5 }, occurredAt: at });
    expect(after).toBe(added);
    expect(orderStream.evolve(orderStream.initialState(), { type: 'RepAdded', data: {}, occurredAt: at })).toEqual({ status: 'none' });
  });
});
