// A hand-written log for CRM read-model tests: events with business time, folded into a World of
// every read model, the same fold the server runs.
import { allProjections } from '../../../core/catalog';
import { World } from '../../../core/fold/world';
import type { StoredEvent } from '../../../core/shared/envelope';

export const SETTINGS = { zone: 'Asia/Shanghai', currency: 'CNY' };

export const logOf = () => {
  let position = 0;
  const events: StoredEvent[] = [];
  const add = (type: string, data: Record<string, unknown>, occurredAt: string, recordedAt = occurredAt) => {
    events.push({ position: ++position, stream: 's', revision: 0, type, data, occurredAt, recordedAt, meta: { commandId: `c${position}`, actor: 'a', correlationId: 'c' }, prevHash: '', hash: '' });
    return log;
  };
  const log = {
    events,
    add,
    customer: (customerId: string, ownerRepId = 'R-1', extra: Record<string, unknown> = {}, at = '2025-01-01T00:00:00+08:00') =>
      add('CustomerRegistered', { customerId, name: `Customer ${customerId}`, ownerRepId, ...extra }, at),
    /** a one-line sale credited to one rep (or split: [[rep, team, amount, units]…]) */
    sale: (orderId: string, customerId: string, amount: number, occurredAt: string, credits: [string, string, number, number][] = [['R-1', 'T-1', amount, 1]], product = 'CRM') =>
      add('SaleRecorded', {
        orderId, customerId, lines: [{ product, units: credits.reduce((a, c) => a + c[3], 0), amount }], amount, units: credits.reduce((a, c) => a + c[3], 0),
        credits: credits.map(([repId, teamId, a, units]) => ({ repId, teamId, share: '1', amount: a, units })),
      }, occurredAt),
    refund: (orderId: string, customerId: string, amount: number, occurredAt: string, repId = 'R-1', teamId = 'T-1') =>
      add('SaleRefunded', { orderId, customerId, amount, reason: 'returned', credits: [{ repId, teamId, amount }] }, occurredAt),
    world: () => {
      const w = new World(allProjections, SETTINGS);
      for (const e of events) w.apply(e);
      return w;
    },
  };
  return log;
};

export const ms = (iso: string) => Date.parse(iso);
