// Growth is never negative when the value rose: over any base, as the one growth function shows
// it, and as the leaderboard and analytics show it for any log and any `at` — their values and
// bases summed here straight from the events over the spans the answer says it compared.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { saleTermsProjection } from '../../core/sales/readModels/saleTerms';
import { analytics } from '../../core/views/analytics';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { allProjections } from '../../core/catalog';
import { leaderboard } from '../../core/goals/readModels/leaderboard';
import { salesLedgerProjection } from '../../core/ledger/salesLedger';
import { World } from '../../core/fold/world';
import type { StoredEvent } from '../../core/shared/envelope';
import { comparisonView, growthOver, periodComparison } from '../../core/shared/growth';

const ZONE = 'Asia/Shanghai';
const REPS = ['R-1', 'R-2', 'R-3'];
const DAY = 86_400_000;
const START = Date.parse('2026-10-01T00:00:00+08:00');

describe('growthOver', () => {
  it('is never negative when the value rose, never positive when it fell, and null without a base above 0', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), fc.integer({ min: -1e12, max: 1e12 }), (value, base) => {
        const g = growthOver(value, base);
        if (base <= 0) {
          expect([g.growth, typeof g.growthNote]).toEqual([null, 'string']);
          return;
        }
        expect(g.growthNote).toBeNull();
        if (value > base) expect(g.growth).toBeGreaterThanOrEqual(0);
        if (value < base) expect(g.growth).toBeLessThanOrEqual(0);
        if (value === base) expect(g.growth).toBe(0);
      }),
      { numRuns: 2_000 },
    );
  });
});

// sales and refunds credited to one rep each, from 1 October to mid-December 2026
const fact = fc.record({
  rep: fc.constantFrom(...REPS),
  minute: fc.integer({ min: 0, max: 75 * 24 * 60 }),
  amount: fc.integer({ min: 1, max: 100_000 }),
  refund: fc.boolean(),
});

const worldOf = (facts: { rep: string; minute: number; amount: number; refund: boolean }[]) => {
  const w = new World(allProjections, { zone: ZONE, currency: 'CNY' });
  let position = 0;
  const add = (type: string, data: unknown, occurredAt: string) =>
    w.apply({ position: ++position, stream: 's', revision: 0, type, data, occurredAt, recordedAt: '2026-12-31T00:00:00Z', meta: { commandId: `c${position}`, actor: 'a', correlationId: 'c' }, prevHash: '', hash: '' } as StoredEvent);
  for (const repId of REPS) add('RepAdded', { repId, name: repId, teamId: 'T-1', joinedAt: '2025-01-01' }, '2025-01-01T00:00:00Z');
  const signed: { rep: string; ms: number; amount: number }[] = [];
  facts.forEach((f, i) => {
    const ms = START + f.minute * 60_000;
    const occurredAt = new Date(ms).toISOString();
    const credits = [{ repId: f.rep, teamId: 'T-1', share: '1', amount: f.amount, units: 1 }];
    // a refund here stands alone (its sale long before), so bases can go below zero
    if (f.refund) add('SaleRefunded', { orderId: `O-${i}`, customerId: 'C-1', amount: f.amount, reason: 'r', credits }, occurredAt);
    else add('SaleRecorded', { orderId: `O-${i}`, customerId: 'C-1', lines: [{ product: 'P', units: 1, amount: f.amount }], amount: f.amount, units: 1, credits }, occurredAt);
    signed.push({ rep: f.rep, ms, amount: f.refund ? -f.amount : f.amount });
  });
  return { w, signed };
};

const sumBetween = (signed: { rep: string; ms: number; amount: number }[], rep: string, from: string, to: string) =>
  signed.filter((s) => s.rep === rep && s.ms >= Date.parse(from) && s.ms < Date.parse(to)).reduce((a, s) => a + s.amount, 0);

describe('growth on the leaderboard and in analytics, for any log and any `at`', () => {
  it('is never negative when the value rose over the span compared, and null without a base above 0', () => {
    fc.assert(
      fc.property(fc.array(fact, { maxLength: 30 }), fc.constantFrom('2026-11', '2026-12', '2026-Q4', '2026-W48'), fc.integer({ min: 0, max: 80 * DAY }), (facts, period, offset) => {
        const { w, signed } = worldOf(facts);
        const at = START + offset;
        const view = comparisonView(periodComparison(period, at, ZONE), ZONE);
        const ctx = { ledger: w.get(salesLedgerProjection), directory: w.get(directoryProjection), tierAt: () => new Map<string, string>(), terms: w.get(saleTermsProjection) };
        const rows = new Map(analytics(ctx, period, 'rep', { kind: 'all' }, at).rows.map((r) => [r.key, r]));
        for (const e of leaderboard(w, period, 'revenue', 'growth', at)) {
          const value = sumBetween(signed, e.repId, view.current.from, view.current.to);
          const base = sumBetween(signed, e.repId, view.previous.from, view.previous.to);
          expect(e.value, e.repId).toBe(value);
          if (view.status === 'not-started' || base <= 0) expect(e.growth).toBeNull();
          else if (value > base) expect(e.growth).toBeGreaterThanOrEqual(0);
          else if (value < base) expect(e.growth).toBeLessThanOrEqual(0);
          // analytics by rep says the same of every rep with credits in the span
          const row = rows.get(e.repId);
          if (row) expect([row.revenue, row.growth]).toEqual([e.value, e.growth]);
        }
      }),
      { numRuns: 60 },
    );
  });
});
