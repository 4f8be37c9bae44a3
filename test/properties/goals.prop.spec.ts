// Properties of goals: a breakdown always sums exactly to its parent and never gives a negative
// child; pace never improves when actual falls; progress read from the incrementally kept read
// models (memoised between events) equals the progress of a fresh replay.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { goalProgress, paceOf, PACES, type GoalPolicy } from '../../core/goals/readModels/goalProgress';
import { rankedEntries } from '../../core/goals/readModels/leaderboard';
import { World } from '../../core/fold/world';
import { allProjections } from '../../core/catalog';
import { given } from '../support/given';
import { goal, rep, sale, SETTINGS, stored, team, type Draft } from '../unit/goals/world';

const company = [
  { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: null } },
  { stream: 'tally-team-T-2', type: 'TeamCreated', data: { teamId: 'T-2', name: 'North', managerId: null } },
];

const PERIODS: [string, 'quarter' | 'month' | 'week', number][] = [['2026', 'quarter', 4], ['2026', 'month', 12], ['2026', 'week', 53], ['2026-Q3', 'month', 3], ['2026-Q1', 'week', 13], ['2026-07', 'week', 5], ['2027', 'week', 52]];

type Child = { target: number };
const childTargets = (events: readonly { data: unknown }[]) => (events[0].data as { children: Child[] }).children.map((c) => c.target);

describe('goal properties', () => {
  it('a decomposition sums exactly to the target and never gives a negative child, whatever the weights', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PERIODS),
        fc.integer({ min: 0, max: 2 ** 50 }),
        fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 53, maxLength: 53 }),
        fc.boolean(),
        ([period, into, n], target, pool, even) => {
          const weights = pool.slice(0, n);
          if (!even && !weights.some((w) => w > 0)) weights[0] = 1;
          const history = [...company, { stream: 'tally-goal-G', type: 'GoalSet', data: { goalId: 'G', title: 'G', owner: 'company', metric: 'revenue', period, target } }];
          const events = given(history).when('DecomposeGoal', { goalId: 'G', into, method: even ? 'even' : 'weights', ...(even ? {} : { weights }) }).then([{ type: 'GoalDecomposed' }]);
          const parts = childTargets(events);
          expect(parts).toHaveLength(n);
          expect(parts.reduce((a, b) => a + b, 0)).toBe(target);
          expect(parts.every((p) => Number.isSafeInteger(p) && p >= 0)).toBe(true);
          // a part with a larger weight never gets less
          if (!even) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (weights[i] > weights[j]) expect(parts[i]).toBeGreaterThanOrEqual(parts[j]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a cascade to owners sums exactly too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 50 }), fc.array(fc.integer({ min: 1, max: 10_000 }), { minLength: 2, maxLength: 2 }), (target, weights) => {
        const history = [...company, { stream: 'tally-goal-G', type: 'GoalSet', data: { goalId: 'G', title: 'G', owner: 'company', metric: 'revenue', period: '2026', target } }];
        const events = given(history).when('CascadeGoal', { goalId: 'G', owners: ['team:T-1', 'team:T-2'], method: 'weights', weights }).then([{ type: 'GoalCascaded' }]);
        expect(childTargets(events).reduce((a, b) => a + b, 0)).toBe(target);
      }),
    );
  });

  it('pace is monotone in actual: more actual never gives a worse pace, for any ordered thresholds', () => {
    const policy = fc
      .tuple(fc.integer({ min: 1, max: 300 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 100 }))
      .map(([atRisk, gap1, gap2]): GoalPolicy => ({ achievableFactor: '1.5', runRateFactor: '1.5', paceAtRisk: String(atRisk / 100), paceOnTrack: String((atRisk + gap1) / 100), paceAhead: String((atRisk + gap1 + gap2) / 100) }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.nat(2 ** 40), fc.boolean(), policy, (expected, actual, more, started, p) => {
        const a = paceOf(actual, expected, started, p);
        const b = paceOf(actual + more, expected, started, p);
        if (!started) expect([a, b]).toEqual([null, null]);
        else expect(PACES.indexOf(b!)).toBeLessThanOrEqual(PACES.indexOf(a!));
      }),
      { numRuns: 500 },
    );
  });

  const step = fc.oneof(
    fc.record({ kind: fc.constant('sale' as const), rep: fc.constantFrom('R-1', 'R-2', 'R-3'), amount: fc.integer({ min: -500, max: 5_000 }), day: fc.integer({ min: 0, max: 120 }) }),
    fc.record({ kind: fc.constant('revise' as const), goal: fc.constantFrom('G-Y', 'G-Q3', 'G-R1'), to: fc.nat(1_000_000) }),
  );

  it('progress from the incrementally kept read models equals a fresh replay, after any sequence of sales, refunds and revisions', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), fc.integer({ min: 0, max: 200 }), (steps, atDay) => {
        const teamOf: Record<string, string> = { 'R-1': 'T-1', 'R-2': 'T-1', 'R-3': 'T-2' };
        const drafts: Draft[] = [
          team('T-1'), team('T-2'), rep('R-1', 'T-1'), rep('R-2', 'T-1'), rep('R-3', 'T-2'),
          goal('G-Y', 'company', '2026', 500_000, { relevance: 'plan' }),
          { type: 'GoalDecomposed', data: { goalId: 'G-Y', into: 'quarter', method: 'even', weights: ['1', '1', '1', '1'], children: ['Q1', 'Q2', 'Q3', 'Q4'].map((q) => ({ goalId: `G-Y.2026-${q}`, period: `2026-${q}`, target: 125_000 })) } },
          goal('G-Q3', 'team:T-1', '2026-Q3', 90_000),
          goal('G-R1', 'rep:R-1', '2026-07', 20_000),
          ...steps.map((s): Draft => {
            if (s.kind === 'revise') return { type: 'GoalRevised', data: { goalId: s.goal, from: 0, to: s.to, reason: 'r' } };
            const when = new Date(Date.parse('2026-06-01T10:00:00+08:00') + s.day * 86_400_000).toISOString();
            return sale(s.rep, teamOf[s.rep], s.amount, when);
          }),
        ];
        const at = new Date(Date.parse('2026-06-01T00:00:00+08:00') + atDay * 86_400_000 + 3_600_000).toISOString();
        const ids = ['G-Y', 'G-Y.2026-Q3', 'G-Q3', 'G-R1'];
        const live = new World(allProjections, SETTINGS);
        for (const e of stored(drafts)) {
          live.apply(e);
          // ask after every event, so the memo is filled and must be dropped as the log moves
          for (const id of ids) goalProgress(live, id, { at, series: true });
          rankedEntries(live, { period: '2026-07', metric: 'revenue', rankBy: 'attainment' });
        }
        const fresh = new World(allProjections, SETTINGS);
        for (const e of stored(drafts)) fresh.apply(e);
        for (const id of ids) expect(goalProgress(live, id, { at, series: true })).toEqual(goalProgress(fresh, id, { at, series: true }));
        expect(rankedEntries(live, { period: '2026-07', metric: 'revenue', rankBy: 'attainment' })).toEqual(rankedEntries(fresh, { period: '2026-07', metric: 'revenue', rankBy: 'attainment' }));
      }),
      { numRuns: 60 },
    );
  });
});
