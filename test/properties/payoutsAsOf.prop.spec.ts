// A statement depends only on the events recorded up to its asOf: whatever is appended later —
// late sales, refunds, a retroactive plan version, approvals — GET …?asOf=T answers as it did at T.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testTally } from '../support/app';
import { incentiveCompany, PLAN, sell, statement } from '../api/payoutsSupport';

const T0 = '2026-08-10T09:00:00+08:00';
const T1 = '2026-08-10T10:00:00+08:00';

const saleArb = fc.record({ rep: fc.constantFrom('R-1', 'R-2'), amount: fc.integer({ min: 1, max: 1_500_000 }), day: fc.integer({ min: 1, max: 40 }) });
const laterArb = fc.oneof(
  saleArb.map((s) => ({ kind: 'sale' as const, ...s })),
  fc.record({ kind: fc.constant('refund' as const), which: fc.nat(), share: fc.integer({ min: 1, max: 100 }) }),
  fc.record({ kind: fc.constant('plan' as const), rate: fc.integer({ min: 0, max: 300 }) }),
  fc.record({ kind: fc.constant('approve' as const), rep: fc.constantFrom('R-1', 'R-2') }),
);

const when = (day: number) => (day <= 31 ? `2026-07-${String(day).padStart(2, '0')}T11:00:00+08:00` : `2026-08-${String(day - 31).padStart(2, '0')}T11:00:00+08:00`);
const withoutAsOf = ({ asOf: _asOf, ...rest }: Record<string, unknown>) => rest;

describe('statements as of a moment', () => {
  it('answer for asOf=T exactly as they answered at T, whatever was appended since', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(saleArb, { minLength: 1, maxLength: 5 }), fc.boolean(), fc.array(laterArb, { minLength: 1, maxLength: 6 }), async (before, approveJuly, later) => {
        const t = await testTally({ now: T0 });
        let admin = await incentiveCompany(t);
        const orders: { orderId: string; amount: number }[] = [];
        for (const s of before) orders.push({ ...(await sell(t, admin, s.rep, s.amount, when(s.day))), amount: s.amount });
        if (approveJuly) {
          const s = await statement(t, admin, 'R-1', '2026-07');
          expect((await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: s.body.statementHash }, admin)).status).toBe(201);
        }
        const then = await Promise.all(['2026-07', '2026-08'].flatMap((p) => ['R-1', 'R-2'].map((r) => statement(t, admin, r, p))));
        expect(then.map((s) => s.status)).toEqual([200, 200, 200, 200]);

        // Each later step is checked to have done what it says, so the property is about a log that
        // really grew: a refund is accepted while the order has that much left (422 once it has not),
        // an approval once per rep (422 payout-already-approved after).
        t.setNow(T1);
        admin = await t.token('admin');
        let version = 1;
        const refunded = new Map<string, number>();
        const approved = new Set<string>();
        const grown: string[] = [];
        for (const op of later) {
          if (op.kind === 'sale') {
            orders.push({ ...(await sell(t, admin, op.rep, op.amount, when(op.day))), amount: op.amount });
            grown.push('sale');
          } else if (op.kind === 'refund') {
            const o = orders[op.which % orders.length];
            const amount = Math.max(1, Math.floor((o.amount * op.share) / 200));
            const left = o.amount - (refunded.get(o.orderId) ?? 0);
            const r = await t.post('RefundSale', { orderId: o.orderId, amount, occurredAt: '2026-08-09T12:00:00+08:00', reason: 'returned' }, admin);
            if (amount <= left) {
              expect(r.status, await r.clone().text()).toBe(201);
              refunded.set(o.orderId, (refunded.get(o.orderId) ?? 0) + amount);
              grown.push('refund');
            } else {
              expect(r.status).toBe(422);
              expect((await r.json()).rule).toBe('refund-exceeds-order');
            }
          } else if (op.kind === 'plan') {
            const tiers = [{ from: 0, to: 1_000_000, rate: op.rate / 1000 }, { from: 1_000_000, rate: '0.2' }];
            expect((await t.post('PublishIncentivePlan', { ...PLAN, version: ++version, effectiveFrom: '2026-07-01', commission: { tiers } }, admin)).status).toBe(201);
            grown.push('plan');
          } else {
            const s = await statement(t, admin, op.rep, '2026-08');
            expect(s.status).toBe(200);
            const r = await t.post('ApprovePayout', { repId: op.rep, period: '2026-08', statementHash: s.body.statementHash }, admin);
            if (approved.has(op.rep)) {
              expect(r.status).toBe(422);
              expect((await r.json()).rule).toBe('payout-already-approved');
            } else {
              expect(r.status, await r.clone().text()).toBe(201);
              approved.add(op.rep);
              grown.push('approve');
            }
          }
        }
        // the first of the later steps always lands: a sale, a plan, a first approval, or a refund of at most half an order
        expect(grown.length).toBeGreaterThan(0);
        const again = await Promise.all(['2026-07', '2026-08'].flatMap((p) => ['R-1', 'R-2'].map((r) => statement(t, admin, r, p, T0))));
        expect(again.map((s) => s.status)).toEqual([200, 200, 200, 200]);
        expect(again.map((s) => withoutAsOf(s.body))).toEqual(then.map((s) => withoutAsOf(s.body)));
      }),
      { numRuns: 12 },
    );
  }, 60_000);
});
