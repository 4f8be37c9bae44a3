// Random sales decided by the real deciders (split credits, several lines, list prices, channels,
// promotions, refunds some days later, sales recorded out of business order), folded into a World:
// what the analytics properties run on.
import * as E from 'fp-ts/Either';
import fc from 'fast-check';
import { allProjections } from '../../core/catalog';
import { World } from '../../core/fold/world';
import { recordSale, refundSale } from '../../core/sales/decide';
import type { SaleRecordedData } from '../../core/sales/events';
import { evolveOrder, initialOrder } from '../../core/sales/state';
import type { DecideContext } from '../../core/shared/decider';
import type { StoredEvent } from '../../core/shared/envelope';

export const REPS = [['R-1', 'T-1'], ['R-2', 'T-1'], ['R-3', 'T-2'], ['R-4', 'T-2']] as const;
export const CUSTOMERS = ['C-1', 'C-2', 'C-3', 'C-4', 'C-5', 'C-6'];
const REGIONS = ['East', 'North', undefined];
export const ZONE = 'Asia/Shanghai';
export const PERIODS = ['2026-07', '2026-Q3', '2026-W27', '2026-06-30'];

// everything between 2026-06-25 and 2026-08-05, with a bias to midnight so month and week edges are hit
const instant = fc.tuple(fc.integer({ min: 0, max: 40 }), fc.oneof(fc.constantFrom(0, 1, 1439), fc.integer({ min: 0, max: 1439 }))).map(([d, m]) =>
  new Date(Date.parse('2026-06-25T00:00:00+08:00') + d * 86_400_000 + m * 60_000).toISOString().replace('.000Z', 'Z'));

export const order = fc.record({
  customer: fc.constantFrom(...CUSTOMERS),
  when: instant,
  lines: fc.array(
    fc.record(
      { product: fc.constantFrom('P-A', 'P-B', 'P-C'), units: fc.integer({ min: 0, max: 9 }), amount: fc.integer({ min: 0, max: 50_000 }), listPrice: fc.integer({ min: 0, max: 9_000 }) },
      { requiredKeys: ['product', 'units', 'amount'] },
    ),
    { minLength: 1, maxLength: 3 },
  ),
  channel: fc.option(fc.constantFrom('direct', 'online'), { nil: undefined }),
  promotionId: fc.option(fc.constantFrom('PROMO-1', 'PROMO-2'), { nil: undefined }),
  reps: fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
  weights: fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 3, maxLength: 3 }),
  refund: fc.option(fc.record({ part: fc.integer({ min: 1, max: 100 }), days: fc.integer({ min: 0, max: 20 }) }), { nil: undefined }),
});

/** Shares as decimal strings summing exactly to 1 (the last takes the rest). */
const sharesOf = (weights: number[]): string[] => {
  const total = weights.reduce((a, b) => a + b, 0);
  const parts = weights.slice(0, -1).map((w) => Math.floor((w * 1000) / total) / 1000);
  return [...parts, 1 - parts.reduce((a, b) => a + b, 0)].map((x) => x.toFixed(3));
};

const ctx: DecideContext = {
  state: (kind, id) => {
    const rep = REPS.find(([r]) => r === id);
    if (kind.prefix === 'tally-rep-' && rep) return { status: 'active', repId: rep[0], name: rep[0], teamId: rep[1], joinedAt: '2025-01-01' } as never;
    return { status: 'active', customerId: id, name: id, ownerRepId: 'R-1' } as never;
  },
  facts: {},
};

export type Order = typeof order extends fc.Arbitrary<infer O> ? O : never;

export const worldOf = (orders: Order[]) => {
  let position = 0;
  const events: StoredEvent[] = [];
  const add = (type: string, data: unknown, occurredAt: string) =>
    events.push({ position: ++position, stream: 's', revision: 0, type, data, occurredAt, recordedAt: '2026-09-01T00:00:00Z', meta: { commandId: `c${position}`, actor: 'a', correlationId: 'c' }, prevHash: '', hash: '' });
  REPS.forEach(([repId, teamId]) => add('RepAdded', { repId, name: repId, teamId, joinedAt: '2025-01-01' }, '2025-01-01T00:00:00Z'));
  CUSTOMERS.forEach((c, i) => add('CustomerRegistered', { customerId: c, name: c, ownerRepId: 'R-1', ...(REGIONS[i % 3] ? { region: REGIONS[i % 3] } : {}) }, '2025-01-01T00:00:00Z'));
  const sales: SaleRecordedData[] = [];
  orders.forEach((o, i) => {
    const shares = sharesOf(o.weights.slice(0, o.reps.length));
    const splits = o.reps.map((r, k) => ({ repId: REPS[r][0], share: shares[k] }));
    const terms = { ...(o.channel ? { channel: o.channel } : {}), ...(o.promotionId ? { promotionId: o.promotionId } : {}) };
    const cmd = { orderId: `O-${i}`, customerId: o.customer, lines: o.lines, occurredAt: o.when, ...terms, ...(splits.length === 1 ? { repId: splits[0].repId } : { splits }) };
    const decided = recordSale(cmd, initialOrder(), ctx);
    if (E.isLeft(decided)) throw new Error(decided.left.detail);
    const sale = decided.right[0];
    sales.push(sale.data as SaleRecordedData);
    add(sale.type, sale.data, o.when);
    const amount = (sale.data as SaleRecordedData).amount;
    if (o.refund && amount > 0) {
      const state = evolveOrder(initialOrder(), { ...sale, occurredAt: o.when } as never);
      const when = new Date(Date.parse(o.when) + o.refund.days * 86_400_000).toISOString();
      const r = refundSale({ orderId: `O-${i}`, amount: Math.max(1, Math.floor((amount * o.refund.part) / 100)), occurredAt: when, reason: 'r' }, state);
      if (E.isLeft(r)) throw new Error(r.left.detail);
      add(r.right[0].type, r.right[0].data, when);
    }
  });
  const w = new World(allProjections, { zone: ZONE, currency: 'CNY' });
  for (const e of events) w.apply(e);
  return { w, sales, events };
};
