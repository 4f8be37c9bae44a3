// The sales ledger's fold takes shortcuts (rows stored through the chunks it last wrote, a rep's
// earliest credit compared by its time alone, order ids placed in the slot their look-up found).
// Whatever the log, every row must read back as the event said: this checks the rows, orders and
// earliest credits against the events themselves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recorded } from '../../core/events';
import { creditsAt, firstSaleCredit, orderOf, salesLedgerProjection, type SalesLedger } from '../../core/ledger/salesLedger';
import type { StoredEvent } from '../../core/shared/envelope';

const SETTINGS = { zone: 'Asia/Shanghai', currency: 'CNY' };
// reps that change teams, products whose names share a length and last character
const REPS = ['R-1', 'R-2', 'R-3', 'R-10'];
const TEAMS = ['T-1', 'T-2', 'T-3'];
const PRODUCTS = ['P-A', 'Q-A', 'P-B', 'LONG-PRODUCT-NAME-A', '产品A', ''];
const CUSTOMERS = ['C-1', 'C-2', 'C-3', 'C-10'];
// amounts beyond an Int32 go to the columns' side table
const amount = fc.oneof(fc.integer({ min: 0, max: 50_000 }), fc.constantFrom(2 ** 31, 2 ** 40, 0x7fffffff));

const credit = fc.record({ repId: fc.constantFrom(...REPS), teamId: fc.constantFrom(...TEAMS), amount, units: fc.integer({ min: 0, max: 9 }) });
const step = fc.record({
  refund: fc.boolean(),
  order: fc.integer({ min: 1, max: 40 }),
  customerId: fc.constantFrom(...CUSTOMERS),
  day: fc.integer({ min: 0, max: 90 }),
  credits: fc.array(credit, { minLength: 1, maxLength: 3 }),
  lines: fc.array(fc.record({ product: fc.constantFrom(...PRODUCTS), units: fc.integer({ min: 0, max: 9 }), amount }), { minLength: 1, maxLength: 3 }),
});

type Step = typeof step extends fc.Arbitrary<infer S> ? S : never;

const eventOf = (s: Step, position: number): StoredEvent => {
  const occurredAt = new Date(Date.parse('2026-03-01T10:00:00+08:00') + s.day * 86_400_000).toISOString();
  const credits = s.credits.map((c) => (s.refund ? { repId: c.repId, teamId: c.teamId, amount: c.amount } : { ...c, share: '1' }));
  const data = s.refund
    ? { orderId: `SO-${s.order}`, customerId: s.customerId, amount: 0, credits }
    : { orderId: `SO-${s.order}`, customerId: s.customerId, amount: 0, units: 0, lines: s.lines, credits };
  return { position, stream: `tally-order-SO-${s.order}`, revision: 0, type: s.refund ? 'SaleRefunded' : 'SaleRecorded', data, occurredAt, recordedAt: occurredAt, meta: { actor: 'a', commandId: 'c', correlationId: 'c' }, prevHash: '', hash: '' };
};

const fold = (events: readonly StoredEvent[]): SalesLedger => {
  let s = salesLedgerProjection.init(SETTINGS);
  for (const e of events) s = salesLedgerProjection.apply(s, recorded(e) as never);
  return s;
};

const check = (steps: readonly Step[]) => {
  const events = steps.map((s, i) => eventOf(s, i + 1));
  const ledger = fold(events);
  const earliest = new Map<string, { ms: number; position: number }>();
  for (const [i, s] of steps.entries()) {
    const e = events[i];
    const ms = Date.parse(e.occurredAt);
    expect(creditsAt(ledger, e.position).map((c) => [c.kind, c.orderId, c.customerId, c.repId, c.teamId, c.ms, c.amount, c.units])).toEqual(
      s.credits.map((c) => [s.refund ? 'refund' : 'sale', `SO-${s.order}`, s.customerId, c.repId, c.teamId, ms, s.refund ? 0 - c.amount : c.amount, s.refund ? 0 : c.units]),
    );
    if (!s.refund) for (const c of s.credits) for (const owner of [`rep:${c.repId}`, `team:${c.teamId}`]) if (!(earliest.get(owner)!?.ms <= ms)) earliest.set(owner, { ms, position: e.position });
  }
  // an order read back as its last sale recorded it
  const lastSale = new Map(steps.filter((s) => !s.refund).map((s) => [`SO-${s.order}`, s]));
  for (const [orderId, s] of lastSale) expect(orderOf(ledger, orderId)?.lines).toEqual(s.lines);
  for (const owner of [...REPS.map((r) => `rep:${r}`), ...TEAMS.map((t) => `team:${t}`)]) expect(firstSaleCredit(ledger, owner)).toEqual(earliest.get(owner));
};

describe('the sales ledger fold', () => {
  it('given any log of sales and refunds, each row reads back as its event said, each order as its sale, each earliest credit as the events show', () => {
    fc.assert(fc.property(fc.array(step, { maxLength: 300, size: 'max' }), check), { numRuns: 100 });
  });

  it('given more credits than a chunk of the columns holds, every row reads back across the chunks', () => {
    const steps = Array.from({ length: 20_000 }, (_, i): Step => ({
      refund: i % 7 === 3,
      order: i,
      customerId: CUSTOMERS[(i * 5) % CUSTOMERS.length],
      day: i % 91,
      credits: [{ repId: REPS[i % REPS.length], teamId: TEAMS[(i >> 3) % TEAMS.length], amount: i % 11 === 0 ? 2 ** 33 + i : i, units: i % 10 }],
      lines: [{ product: PRODUCTS[i % PRODUCTS.length], units: 1, amount: i }],
    }));
    check(steps);
  });
});
