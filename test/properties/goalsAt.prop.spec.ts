// A goal's actual at a business moment `at` is what occurred by `at`, and with asOf only what was
// recorded by then: for any log (sales split within and across teams, refunds, late recordings)
// and any `at`, the actual equals the sum of the goal owner's credits whose occurredAt falls in
// the goal's period and is not after `at`.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalProgress } from '../../core/goals/readModels/goalProgress';
import { periodBounds } from '../../core/shared/period';
import { SETTINGS, stored, worldOf, type Draft } from '../unit/goals/world';

const TEAM: Record<string, string> = { 'R-1': 'T-1', 'R-2': 'T-1', 'R-3': 'T-2' };
const MINUTE = 60_000;
const FROM = Date.parse('2026-06-25T00:00:00+08:00');
const SPAN_MINUTES = 42 * 24 * 60; // to 6 August

const GOALS: [goalId: string, owner: string, metric: 'revenue' | 'units' | 'orders', period: string][] = [
  ['G-C', 'company', 'revenue', '2026-07'],
  ['G-T1', 'team:T-1', 'revenue', '2026-07'],
  ['G-R1', 'rep:R-1', 'revenue', '2026-07'],
  ['G-W', 'company', 'revenue', '2026-W28'],
  ['G-T1-units', 'team:T-1', 'units', '2026-07'],
  ['G-C-orders', 'company', 'orders', '2026-07'],
];

const step = fc.record({
  reps: fc.constantFrom(['R-1'], ['R-3'], ['R-1', 'R-2'], ['R-2', 'R-3']),
  amount: fc.integer({ min: 0, max: 500_000 }),
  units: fc.integer({ min: 0, max: 5 }),
  minute: fc.integer({ min: 0, max: SPAN_MINUTES }),
  /** recorded this many minutes after it occurred */
  late: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 20 * 24 * 60 })),
  refund: fc.option(fc.record({ share: fc.integer({ min: 1, max: 100 }), after: fc.integer({ min: 0, max: 10 * 24 * 60 }) }), { nil: undefined }),
});

interface Credit { repId: string; teamId: string; amount: number; units: number }
interface Fact { kind: 'sale' | 'refund'; ms: number; recordedMs: number; credits: Credit[]; sale?: Fact }
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

/** Two-way split: the first credit takes the remainder, as the ledger does. */
const shares = (total: number, n: number): number[] => (n === 1 ? [total] : [total - Math.floor(total / 2), Math.floor(total / 2)]);

const build = (steps: readonly Step[]) => {
  const facts: Fact[] = [];
  for (const s of steps) {
    const ms = FROM + s.minute * MINUTE;
    const amounts = shares(s.amount, s.reps.length);
    const units = shares(s.units, s.reps.length);
    const sale: Fact = { kind: 'sale', ms, recordedMs: ms + s.late * MINUTE, credits: s.reps.map((repId: string, k: number) => ({ repId, teamId: TEAM[repId], amount: amounts[k], units: units[k] })) };
    facts.push(sale);
    if (s.refund) {
      const parts = shares(Math.floor((s.amount * s.refund.share) / 100), s.reps.length);
      const at = ms + s.refund.after * MINUTE;
      facts.push({ kind: 'refund', ms: at, recordedMs: Math.max(at, sale.recordedMs), sale, credits: s.reps.map((repId: string, k: number) => ({ repId, teamId: TEAM[repId], amount: -parts[k], units: 0 })) });
    }
  }
  // the log is in recorded order (a refund never before its sale: the sort is stable)
  facts.sort((a, b) => a.recordedMs - b.recordedMs);
  let order = 0;
  const orderOf = new Map<Fact, string>();
  const drafts: Draft[] = [
    { type: 'TeamCreated', data: { teamId: 'T-1', name: 'T-1', managerId: null } },
    { type: 'TeamCreated', data: { teamId: 'T-2', name: 'T-2', managerId: null } },
    ...Object.entries(TEAM).map(([repId, teamId]): Draft => ({ type: 'RepAdded', data: { repId, name: repId, teamId, joinedAt: '2025-01-01' } })),
    ...GOALS.map(([goalId, owner, metric, period]): Draft => ({ type: 'GoalSet', data: { goalId, title: goalId, owner, metric, period, target: 1_000_000 } })),
  ];
  const setup = drafts.length;
  for (const f of facts) {
    const occurredAt = new Date(f.ms).toISOString();
    const recordedAt = new Date(f.recordedMs).toISOString();
    const total = f.credits.reduce((a, c) => a + c.amount, 0);
    if (f.kind === 'sale') {
      const orderId = `O-${++order}`;
      orderOf.set(f, orderId);
      const units = f.credits.reduce((a, c) => a + c.units, 0);
      drafts.push({ type: 'SaleRecorded', occurredAt, recordedAt, data: { orderId, customerId: 'C-1', lines: [{ product: 'P', units, amount: total }], amount: total, units, credits: f.credits.map((c) => ({ ...c, share: '0.5' })) } });
    } else drafts.push({ type: 'SaleRefunded', occurredAt, recordedAt, data: { orderId: orderOf.get(f.sale!), customerId: 'C-1', amount: -total, reason: 'x', credits: f.credits.map(({ repId, teamId, amount }) => ({ repId, teamId, amount: -amount })) } });
  }
  return { facts, drafts, setup };
};

const owns = (owner: string, c: Credit) => owner === 'company' || owner === `team:${c.teamId}` || owner === `rep:${c.repId}`;

/** The oracle: the owner's credits in the period, occurred by `at`, among the facts recorded by `asOf`. */
const byHand = (facts: readonly Fact[], owner: string, metric: string, period: string, atMs: number, asOfMs: number): number => {
  const b = periodBounds(period, SETTINGS.zone);
  let sum = 0;
  for (const f of facts) {
    if (f.recordedMs > asOfMs || f.ms < b.start || f.ms >= b.end || f.ms > atMs) continue;
    const mine = f.credits.filter((c) => owns(owner, c));
    if (metric === 'revenue') sum += mine.reduce((a, c) => a + c.amount, 0);
    else if (metric === 'units') sum += mine.reduce((a, c) => a + c.units, 0);
    else if (f.kind === 'sale' && mine.length > 0) sum += 1; // one order for each owner it credits
  }
  return sum;
};

describe('goal progress at a business moment', () => {
  it("a goal's actual at `at` (and asOf) is the sum of its owner's credits occurring by `at` in the period, recorded by asOf", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.integer({ min: 0, max: SPAN_MINUTES }), fc.integer({ min: 0, max: SPAN_MINUTES + 30 * 24 * 60 }), fc.integer({ min: 0, max: 59_999 }), (steps, atMinute, asOfMinute, ms) => {
        const { facts, drafts, setup } = build(steps);
        const atMs = FROM + atMinute * MINUTE + ms;
        const asOfMs = FROM + asOfMinute * MINUTE;
        // the World as of asOf: every event recorded by then (the log is in recorded order)
        const events = stored(drafts);
        const known = events.filter((e, i) => i < setup || Date.parse(e.recordedAt) <= asOfMs).length;
        const world = worldOf(drafts, known);
        const at = new Date(atMs).toISOString();
        for (const [goalId, owner, metric, period] of GOALS) {
          const p = goalProgress(world, goalId, { at, series: true })!;
          expect(p.actual, `${goalId} at ${at}`).toBe(byHand(facts, owner, metric, period, atMs, asOfMs));
          const b = periodBounds(period, SETTINGS.zone);
          // the sparkline's last point is the same actual while the period is open
          if (atMs > b.start && atMs < b.end) expect(p.series!.at(-1)!.actual).toBe(p.actual);
        }
      }),
      { numRuns: 80 },
    );
  });
});
