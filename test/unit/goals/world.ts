// A World folded from hand-written events, for read-model tests of goals, plans and training.
import { allProjections } from '../../../core/catalog';
import { World } from '../../../core/fold/world';
import type { StoredEvent } from '../../../core/shared/envelope';

export const SETTINGS = { zone: 'Asia/Shanghai', currency: 'CNY' };

export interface Draft {
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt?: string;
  readonly recordedAt?: string;
}

/** Stored events with positions from 1; recordedAt defaults to occurredAt, then to a fixed moment. */
export const stored = (drafts: readonly Draft[]): StoredEvent[] =>
  drafts.map((d, i) => {
    const occurredAt = d.occurredAt ?? d.recordedAt ?? '2026-01-01T00:00:00+08:00';
    return { position: i + 1, stream: 's', revision: 0, type: d.type, data: d.data, occurredAt, recordedAt: d.recordedAt ?? occurredAt, meta: { commandId: `c${i}`, actor: 'a', correlationId: `c${i}` }, hash: '', prevHash: '' };
  });

export const worldOf = (drafts: readonly Draft[], upTo = Number.POSITIVE_INFINITY, settings = SETTINGS): World => {
  const w = new World(allProjections, settings);
  for (const e of stored(drafts)) if (e.position <= upTo) w.apply(e);
  return w;
};

export const team = (teamId: string): Draft => ({ type: 'TeamCreated', data: { teamId, name: teamId, managerId: null } });
export const rep = (repId: string, teamId: string, name = repId): Draft => ({ type: 'RepAdded', data: { repId, name, teamId, joinedAt: '2025-01-01' } });

let orders = 0;
/** A sale of `amount` by one rep (or a refund when negative), at a business instant. */
export const sale = (repId: string, teamId: string, amount: number, occurredAt: string, customerId = 'C-1'): Draft =>
  amount >= 0
    ? { type: 'SaleRecorded', occurredAt, data: { orderId: `O-${++orders}`, customerId, lines: [{ product: 'P', units: 1, amount }], amount, units: 1, credits: [{ repId, teamId, share: '1', amount, units: 1 }] } }
    : { type: 'SaleRefunded', occurredAt, data: { orderId: `O-${orders}`, customerId, amount: -amount, reason: 'x', credits: [{ repId, teamId, amount: -amount }] } };

export const goal = (goalId: string, owner: string, period: string, target: number, extra: Record<string, unknown> = {}): Draft => ({
  type: 'GoalSet', data: { goalId, title: goalId, owner, metric: 'revenue', period, target, ...extra },
});
