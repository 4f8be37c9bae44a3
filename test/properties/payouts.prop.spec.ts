// Properties of the commission calculator and of statements over random histories and plans.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyTiers, bandsOf, exactCommission, type Movement } from '../../core/incentives/calculate/tiers';
import type { StatementBody } from '../../core/incentives/calculate/types';
import type { CommissionRule, IncentivePlan } from '../../core/incentives/events';
import { allProjections } from '../../core/catalog';
import { bookAt, statementOf } from '../../core/incentives/readModels/payoutStatements';
import { entriesBetween, entriesIn, salesLedgerProjection } from '../../core/ledger/salesLedger';
import { World } from '../../core/fold/world';
import type { StoredEvent } from '../../core/shared/envelope';
import { Dec, ratio, roundMinor } from '../../core/shared/money';
import { periodOf } from '../../core/shared/period';
import { plan, rule } from '../unit/incentives/facts';

/** Tier bounds ascending from 0 and rates; `increasing` makes each rate at least the one below. */
const tiersArb = (increasing: boolean) =>
  fc.tuple(fc.array(fc.integer({ min: 1, max: 500_000 }), { minLength: 0, maxLength: 4 }), fc.array(fc.integer({ min: 0, max: 2_000 }), { minLength: 5, maxLength: 5 })).map(([widths, rates]) => {
    const bounds = widths.reduce<number[]>((acc, w) => [...acc, acc[acc.length - 1] + w], [0]);
    let r = 0;
    return bounds.map((from, i): [number, number | undefined, string] => {
      r = increasing ? r + rates[i] : rates[i];
      return [from, bounds[i + 1], new Dec(r).dividedBy(10_000).toString()];
    });
  });

const movementsArb = fc.array(fc.record({ amount: fc.integer({ min: 1, max: 400_000 }), refund: fc.integer({ min: 0, max: 100 }) }), { maxLength: 12 }).map((sales) => {
  const out: Movement[] = [];
  sales.forEach((s, i) => {
    out.push({ position: 2 * i + 1, orderId: `O-${i}`, delta: new Dec(s.amount) });
    // a refund of part of the same order, netted in the base
    if (s.refund > 70) out.push({ position: 2 * i + 2, orderId: `O-${i}`, delta: new Dec(-Math.floor((s.amount * (s.refund - 70)) / 30)) });
  });
  return out;
});

const commission = (r: CommissionRule, ms: readonly Movement[]) => {
  const o = applyTiers(r, bandsOf(r, null)!, ms);
  return { exact: exactCommission(o), rounded: o.uses.reduce((a, u) => a + roundMinor(u.basis.times(u.band.rate)), 0), bands: o.uses.length };
};

describe('commission tiers', () => {
  it('marginal never pays more than flat for the same increasing-rate tiers (exactly; rounded within half a fen per band)', () => {
    fc.assert(
      fc.property(tiersArb(true), movementsArb, fc.constantFrom('upper', 'lower') as fc.Arbitrary<'upper' | 'lower'>, fc.constantFrom('cumulative', 'perTransaction') as fc.Arbitrary<'cumulative' | 'perTransaction'>, (tiers, ms, boundary, scope) => {
        const marginal = commission(rule(tiers, { method: 'marginal', scope, boundary }), ms);
        const flat = commission(rule(tiers, { method: 'flat', scope, boundary }), ms);
        expect(marginal.exact.lte(flat.exact)).toBe(true);
        expect(marginal.rounded).toBeLessThanOrEqual(flat.rounded + Math.ceil((marginal.bands + flat.bands) / 2));
      }),
      { numRuns: 400 },
    );
  });

  it('adding a sale never lowers a cumulative marginal commission, whatever the rates and wherever the sale falls', () => {
    fc.assert(
      fc.property(tiersArb(false), movementsArb, fc.integer({ min: 1, max: 400_000 }), fc.nat(), (tiers, ms, amount, at) => {
        const r = rule(tiers, { method: 'marginal', scope: 'cumulative' });
        const i = ms.length === 0 ? 0 : at % (ms.length + 1);
        const more = [...ms.slice(0, i), { position: 999, orderId: 'NEW', delta: new Dec(amount) }, ...ms.slice(i)];
        const before = commission(r, ms);
        const after = commission(r, more);
        expect(after.exact.gte(before.exact)).toBe(true);
        expect(after.rounded).toBeGreaterThanOrEqual(before.rounded);
      }),
      { numRuns: 400 },
    );
  });

  // (flat tiers whose rates fall as the total rises can pay more for less — a refund into a
  // better-paid tier; marginal bands never do, and flat never does when rates rise)
  it('a refund never raises a marginal commission, nor a flat one whose rates rise with the tiers', () => {
    fc.assert(
      fc.property(fc.boolean().chain((flat) => fc.tuple(fc.constant(flat), tiersArb(flat))), movementsArb, ([flat, tiers], ms) => {
        const r = rule(tiers, { method: flat ? 'flat' : 'marginal' });
        const gross = ms.filter((m) => m.delta.gt(0));
        expect(commission(r, ms).exact.lte(commission(r, gross).exact)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

// ---------- statements over random histories ----------

let pos = 0;
const stored = (type: string, data: unknown, occurredAt = '2026-01-01T00:00:00+08:00'): StoredEvent =>
  ({ position: ++pos, stream: 's', revision: 0, type, data, occurredAt, recordedAt: '2026-12-01T00:00:00Z', meta: { commandId: 'c', actor: 'a', correlationId: 'c' }, hash: '', prevHash: '' });

const PRODUCTS = ['CRM', 'ANALYTICS', 'TRAINING'];

const historyArb = fc.array(
  fc.record({
    day: fc.integer({ min: 0, max: 91 }), // 2026-06-01 … 2026-08-31
    amount: fc.integer({ min: 0, max: 3_000_000 }),
    units: fc.integer({ min: 0, max: 6 }),
    product: fc.constantFrom(...PRODUCTS),
    split: fc.boolean(),
    refund: fc.option(fc.record({ share: fc.integer({ min: 1, max: 100 }), after: fc.integer({ min: 0, max: 45 }) }), { nil: undefined }),
  }),
  { maxLength: 25 },
);

const planArb: fc.Arbitrary<IncentivePlan> = fc
  .record({
    tiers: tiersArb(false),
    method: fc.constantFrom('marginal', 'flat'),
    scope: fc.constantFrom('cumulative', 'perTransaction'),
    boundary: fc.constantFrom('upper', 'lower'),
    attainment: fc.boolean(),
    cap: fc.option(fc.integer({ min: 0, max: 200_000 }), { nil: undefined }),
    clawback: fc.option(fc.integer({ min: 1, max: 60 }), { nil: undefined }),
    draw: fc.option(fc.record({ amount: fc.integer({ min: 0, max: 100_000 }), recoverable: fc.boolean() }), { nil: undefined }),
  })
  .map((p) => {
    const tiers = p.attainment ? p.tiers.map(([f, t, r]): [string, string | undefined, string] => [new Dec(f).dividedBy(1_000_000).toString(), t === undefined ? undefined : new Dec(t).dividedBy(1_000_000).toString(), r]) : p.tiers;
    return plan({
      quota: { amount: 2_000_000 },
      commission: rule(tiers, { method: p.method as 'marginal', scope: p.scope as 'cumulative', boundary: p.boundary as 'upper', tierBasis: p.attainment ? 'attainment' : 'amount' }),
      bonuses: [{ bonusId: 'B1', attainmentAtLeast: '1', amount: 30_000 }],
      spiffs: [{ spiffId: 'S1', product: 'ANALYTICS', amount: 5_000, per: 'unit' }],
      ...(p.cap !== undefined ? { cap: { amount: p.cap } } : {}),
      ...(p.clawback !== undefined ? { clawback: { windowDays: p.clawback } } : {}),
      ...(p.draw !== undefined ? { draw: p.draw } : {}),
    });
  });

type History = typeof historyArb extends fc.Arbitrary<infer T> ? T : never;

const worldOf = (p: IncentivePlan, history: History) => {
  pos = 0;
  const w = new World(allProjections, { zone: 'Asia/Shanghai', currency: 'CNY' });
  w.apply(stored('TeamCreated', { teamId: 'T-1', name: 'T', managerId: null }));
  for (const r of ['R-1', 'R-2']) w.apply(stored('RepAdded', { repId: r, name: r, teamId: 'T-1', joinedAt: '2025-01-01' }));
  w.apply(stored('IncentivePlanPublished', p));
  const refunds: StoredEvent[] = [];
  history.forEach((h, i) => {
    const at = Date.parse('2026-06-01T10:00:00+08:00') + h.day * 86_400_000;
    const credits = h.split
      ? [{ repId: 'R-1', teamId: 'T-1', share: '0.6', amount: h.amount - Math.round(h.amount * 0.4), units: h.units - Math.round(h.units * 0.4) }, { repId: 'R-2', teamId: 'T-1', share: '0.4', amount: Math.round(h.amount * 0.4), units: Math.round(h.units * 0.4) }]
      : [{ repId: 'R-1', teamId: 'T-1', share: '1', amount: h.amount, units: h.units }];
    const orderId = `O-${i}`;
    w.apply(stored('SaleRecorded', { orderId, customerId: 'C-1', lines: [{ product: h.product, units: h.units, amount: h.amount }], amount: h.amount, units: h.units, credits }, new Date(at).toISOString()));
    if (h.refund) {
      const amount = Math.floor((h.amount * h.refund.share) / 100);
      const r1 = h.split ? amount - Math.round(amount * 0.4) : amount;
      const rc = h.split ? [{ repId: 'R-1', teamId: 'T-1', amount: r1 }, { repId: 'R-2', teamId: 'T-1', amount: amount - r1 }] : [{ repId: 'R-1', teamId: 'T-1', amount }];
      refunds.push(stored('SaleRefunded', { orderId, customerId: 'C-1', amount, reason: 'x', credits: rc }, new Date(at + h.refund.after * 86_400_000).toISOString()));
    }
  });
  for (const r of refunds) w.apply({ ...r, position: ++pos });
  return w;
};

/** Every statement of both reps over the history's months and the one after. */
const eachStatement = (w: World, check: (body: StatementBody) => void) => {
  for (const rep of ['R-1', 'R-2'])
    for (const period of ['2026-06', '2026-07', '2026-08', '2026-09']) {
      const s = statementOf(w, rep, period);
      if (!s.ok) throw new Error(s.problem.detail);
      check(s.body);
    }
};

describe('statements', () => {
  it("a statement's total is the sum of its lines, every line whole minor units, every rated line rounded from basis × rate", () => {
    fc.assert(
      fc.property(planArb, historyArb, (p, history) => {
        eachStatement(worldOf(p, history), (body) => {
          expect(body.total).toBe(body.lines.reduce((a, l) => a + l.amount, 0));
          for (const l of body.lines) {
            expect(Number.isSafeInteger(l.amount)).toBe(true);
            if (l.kind === 'commission') expect(l.amount).toBe(roundMinor(new Dec(l.basis!).times(l.rate!)));
            expect(l.citations.length).toBeGreaterThan(0);
          }
        });
      }),
      { numRuns: 60 },
    );
  });

  // The oracle, from the ledger's credits: sales of the period, plus its refunds except those of an
  // earlier month's sale under a plan with a clawback (those are the clawback rule's, never netted).
  const achievedByHand = (w: World, p: IncentivePlan, repId: string, period: string): number => {
    const ledger = w.get(salesLedgerProjection);
    const saleMonth = new Map(entriesBetween(ledger, 'company').filter((e) => e.kind === 'sale' && e.repId === repId).map((e) => [e.orderId, periodOf('month', e.ms, ledger.zone)]));
    return entriesIn(ledger, `rep:${repId}`, period).reduce((a, e) => {
      if (e.kind === 'sale') return a + (p.measure === 'revenue' ? e.amount : e.units);
      const leftToClawback = p.clawback !== undefined && saleMonth.get(e.orderId) !== period;
      return p.measure === 'revenue' && !leftToClawback ? a + e.amount : a;
    }, 0);
  };

  it('the tiers, the bonus, the attainment shown and the scorecard read one achieved figure; a clawed-back refund is never in the base', () => {
    const anyMeasure = planArb.chain((p) => fc.constantFrom(p, { ...p, measure: 'units' as const }));
    fc.assert(
      fc.property(anyMeasure, historyArb, (p, history) => {
        const w = worldOf(p, history);
        eachStatement(w, ({ repId, period, achieved, attainment, lines }) => {
          expect(achieved).toBe(achievedByHand(w, p, repId, period));
          expect(attainment).toBe(ratio(achieved, 2_000_000));
          const bonus = lines.filter((l) => l.kind === 'bonus');
          expect(bonus.map((l) => l.basis)).toEqual(achieved >= 2_000_000 ? [achieved] : []);
          const commission = lines.filter((l) => l.kind === 'commission');
          // tiers ascend from 0 and the last is open: a cumulative base fills the bands exactly
          if (p.commission!.scope === 'cumulative') expect(commission.reduce((a, l) => a + l.basis!, 0)).toBe(Math.max(achieved, 0));
          const inBase = new Set(commission.flatMap((l) => l.citations));
          for (const claw of lines.filter((l) => l.kind === 'clawback')) expect(inBase.has(Number(claw.lineId.split(':').pop()))).toBe(false);
          expect(bookAt(w).achievedIn(repId, p.measure, period)).toBe(achieved);
        });
      }),
      { numRuns: 60 },
    );
  });
});
