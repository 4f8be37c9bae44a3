// Goal decisions, given the events before them and the facts the shell would read from the read
// models. The worked examples are issue 3's acceptance figures; the seasonal one uses the demo
// company's 2025 seasons (server/demo/company.ts SEASON, ×1,000 as monthly actuals).
import { describe, expect, it } from 'vitest';
import { given } from '../../support/given';

const company = [
  { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: 'M-1' } },
  { stream: 'tally-team-T-2', type: 'TeamCreated', data: { teamId: 'T-2', name: 'North', managerId: 'M-2' } },
  { stream: 'tally-rep-R-1', type: 'RepAdded', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-rep-R-2', type: 'RepAdded', data: { repId: 'R-2', name: 'B', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-rep-R-3', type: 'RepAdded', data: { repId: 'R-3', name: 'C', teamId: 'T-2', joinedAt: '2025-01-01' } },
];

const goalSet = (goalId: string, period: string, target: number, owner = 'company') => ({
  stream: `tally-goal-${goalId}`, type: 'GoalSet', data: { goalId, title: goalId, owner, metric: 'revenue', period, target },
});

const setGoal = (over: Record<string, unknown> = {}) => ({ goalId: 'G-1', title: 'Revenue 2026', owner: 'company', metric: 'revenue', period: '2026', target: 1_200_000, ...over });

type Child = { goalId: string; period?: string; owner?: string; target: number };
const childrenOf = (events: readonly { data: unknown }[]): Child[] => (events[0].data as { children: Child[] }).children;
const targets = (events: readonly { data: unknown }[]) => childrenOf(events).map((c) => c.target);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('SetGoal', () => {
  it('records an amount target as given, with its parent or relevance', () => {
    given(company).when('SetGoal', setGoal({ relevance: 'the annual plan' })).then([
      { type: 'GoalSet', data: { goalId: 'G-1', title: 'Revenue 2026', owner: 'company', metric: 'revenue', period: '2026', target: 1_200_000, relevance: 'the annual plan' } },
    ]);
  });

  it('resolves { growth: 0.2, over: "2025" } on a 2025 actual of 5,000,000 to 6,000,000 and records both (issue 3 worked example)', () => {
    given(company, { baseline: 5_000_000 })
      .when('SetGoal', setGoal({ target: { growth: 0.2, over: '2025' } }))
      .then([{ type: 'GoalSet', data: { goalId: 'G-1', title: 'Revenue 2026', owner: 'company', metric: 'revenue', period: '2026', target: 6_000_000, targetSpec: { growth: '0.2', over: '2025' }, baseline: 5_000_000 } }]);
  });

  it('rounds a growth target half away from zero: 0.15 over 333 is 382.95 → 383', () => {
    const [e] = given(company, { baseline: 333 }).when('SetGoal', setGoal({ target: { growth: '0.15', over: '2025' } })).then([{ type: 'GoalSet' }]);
    expect((e.data as { target: number }).target).toBe(383);
  });

  it('refuses a growth target without a baseline, over another kind of period, or over a metric Tally does not measure', () => {
    given(company, { baseline: 0 }).when('SetGoal', setGoal({ target: { growth: 0.2, over: '2025' } })).rejects('baseline-is-zero', 'data.target.over');
    given(company, { baseline: 10 }).when('SetGoal', setGoal({ target: { growth: 0.2, over: '2025-Q1' } })).rejects('baseline-period-kind', 'data.target.over');
    given(company, { baseline: null }).when('SetGoal', setGoal({ metric: 'calls', target: { growth: 0.2, over: '2025' } })).rejects('baseline-not-measured');
  });

  it('refuses bad input naming the field: an unknown period id, a negative target, a growth of -100 %, an unknown field', () => {
    given(company).when('SetGoal', setGoal({ period: '2026-13' })).rejects('invalid', 'period');
    given(company).when('SetGoal', setGoal({ period: '2026-W54' })).rejects('invalid', 'period');
    given(company).when('SetGoal', setGoal({ target: -5 })).rejects('invalid', 'target');
    given(company).when('SetGoal', setGoal({ target: { growth: -1, over: '2025' } })).rejects('invalid', 'growth');
    given(company).when('SetGoal', setGoal({ owner: 'region:East' })).rejects('invalid', 'owner');
    given(company).when('SetGoal', setGoal({ colour: 'red' })).rejects('invalid', 'colour');
  });

  it('refuses an unknown owner (404), an existing id (409) and a second goal on the same owner, metric and period (422)', () => {
    given(company).when('SetGoal', setGoal({ owner: 'rep:R-9' })).rejects('notFound', 'R-9');
    given([...company, goalSet('G-1', '2026', 5)]).when('SetGoal', setGoal()).rejects('conflict', 'G-1');
    given(company, { conflicts: ["company already has a revenue goal for 2026 ('G-0')"] }).when('SetGoal', setGoal()).rejects('duplicate-goal', 'G-0');
  });
});

describe('DecomposeGoal', () => {
  it('splits 1,200,000 for 2026 evenly into four quarters of 300,000 (issue 3 worked example)', () => {
    const events = given([...company, goalSet('G-1', '2026', 1_200_000)]).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'even' }).then([{ type: 'GoalDecomposed' }]);
    expect(childrenOf(events)).toEqual([
      { goalId: 'G-1.2026-Q1', period: '2026-Q1', target: 300_000 },
      { goalId: 'G-1.2026-Q2', period: '2026-Q2', target: 300_000 },
      { goalId: 'G-1.2026-Q3', period: '2026-Q3', target: 300_000 },
      { goalId: 'G-1.2026-Q4', period: '2026-Q4', target: 300_000 },
    ]);
  });

  it('splits a quarter of 300,000 into three months of 100,000, so the twelve months of 2026 sum to 1,200,000 exactly', () => {
    const quarter = { ...goalSet('G-1.2026-Q2', '2026-Q2', 300_000) };
    const events = given([...company, quarter]).when('DecomposeGoal', { goalId: 'G-1.2026-Q2', into: 'month', method: 'even' }).then([{ type: 'GoalDecomposed' }]);
    expect(childrenOf(events).map((c) => [c.period, c.target])).toEqual([['2026-04', 100_000], ['2026-05', 100_000], ['2026-06', 100_000]]);
    const year = given([...company, goalSet('G-1', '2026', 1_200_000)]).when('DecomposeGoal', { goalId: 'G-1', into: 'month', method: 'even' }).then([{ type: 'GoalDecomposed' }]);
    expect(targets(year)).toEqual(Array(12).fill(100_000));
  });

  it('gives the rounding remainder to the earlier months: 1,000,000 evenly is 83,334 for January–April and 83,333 after', () => {
    const events = given([...company, goalSet('G-1', '2026', 1_000_000)]).when('DecomposeGoal', { goalId: 'G-1', into: 'month', method: 'even' }).then([{ type: 'GoalDecomposed' }]);
    expect(targets(events)).toEqual([...Array(4).fill(83_334), ...Array(8).fill(83_333)]);
  });

  it("weighs 1,000,000 by 2025's monthly actuals and sums exactly (seasonal worked example)", () => {
    // 2025 monthly actuals (thousands), the demo's seasons: Spring Festival lull, 618, 双11, year end. Σ = 1,210.
    const actuals2025 = [80, 55, 100, 100, 105, 130, 95, 90, 105, 90, 135, 125].map((k) => k * 1000);
    const events = given([...company, goalSet('G-1', '2026', 1_000_000)], { history: actuals2025 })
      .when('DecomposeGoal', { goalId: 'G-1', into: 'month', method: 'seasonal' })
      .then([{ type: 'GoalDecomposed' }]);
    // exact shares 66,115.70 45,454.55 82,644.63 82,644.63 86,776.86 107,438.02 78,512.40 74,380.17 86,776.86 74,380.17 111,570.25 103,305.79:
    // floors sum to 999,996; the four largest fractions (.86 .86 .79 .70) get one each, the earlier month first on a tie
    expect(targets(events)).toEqual([66_116, 45_454, 82_645, 82_645, 86_777, 107_438, 78_512, 74_380, 86_777, 74_380, 111_570, 103_306]);
    expect(sum(targets(events))).toBe(1_000_000);
    expect((events[0].data as { weights: string[] }).weights).toEqual(actuals2025.map(String));
  });

  it('falls back to even with the reason recorded when the previous period has no history', () => {
    const events = given([...company, goalSet('G-1', '2026', 400)], { history: [0, 0, 0, 0] }).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'seasonal' }).then([{ type: 'GoalDecomposed' }]);
    expect(targets(events)).toEqual([100, 100, 100, 100]);
    expect((events[0].data as { fallback: string }).fallback).toMatch(/evenly/);
  });

  it('splits by explicit weights, and breaks a month into the ISO weeks whose Thursday falls in it', () => {
    const byWeights = given([...company, goalSet('G-1', '2026', 1000)]).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'weights', weights: [1, 2, 3, '4'] }).then([{ type: 'GoalDecomposed' }]);
    expect(targets(byWeights)).toEqual([100, 200, 300, 400]);
    // July 2026: Wed 1st … Fri 31st; weeks 27 (Thu 2nd) to 31 (Thu 30th)
    const weeks = given([...company, goalSet('G-7', '2026-07', 500)]).when('DecomposeGoal', { goalId: 'G-7', into: 'week', method: 'even' }).then([{ type: 'GoalDecomposed' }]);
    expect(childrenOf(weeks).map((c) => c.period)).toEqual(['2026-W27', '2026-W28', '2026-W29', '2026-W30', '2026-W31']);
  });

  it('refuses a week breakdown of a day goal, weights that do not match the sub-periods, weights with another method, and a second breakdown', () => {
    const day = goalSet('G-D', '2026-07-15', 100);
    const p = given([...company, day]).when('DecomposeGoal', { goalId: 'G-D', into: 'week', method: 'even' }).rejects('into-not-finer', 'data.into');
    expect(p.errors?.[0].path).toBe('data.into');
    const year = goalSet('G-1', '2026', 100);
    given([...company, year]).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'weights', weights: [1, 2, 3] }).rejects('weights-count', 'data.weights');
    given([...company, year]).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'weights', weights: [0, 0, 0, 0] }).rejects('weights-sum-zero');
    given([...company, year]).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'weights', weights: [1, -1, 1, 1] }).rejects('invalid', 'weights.1');
    given([...company, year]).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'weights' }).rejects('invalid', 'weights');
    given([...company, year]).when('DecomposeGoal', { goalId: 'G-1', into: 'quarter', method: 'even', weights: [1, 1, 1, 1] }).rejects('invalid', 'weights');
    given([...company, year]).when('DecomposeGoal', { goalId: 'G-1', into: 'day', method: 'even' }).rejects('invalid', 'into');
    const split = { stream: 'tally-goal-G-1', type: 'GoalDecomposed', data: { goalId: 'G-1', into: 'quarter', method: 'even', weights: [], children: [] } };
    given([...company, year, split]).when('DecomposeGoal', { goalId: 'G-1', into: 'month', method: 'even' }).rejects('already-broken-down');
    given(company).when('DecomposeGoal', { goalId: 'G-9', into: 'month', method: 'even' }).rejects('notFound', 'G-9');
  });

  it('decomposes a child goal known only to the read model (its definition is in its parent\'s event)', () => {
    const goal = { goalId: 'G-1.2026-Q3', title: 'Q3', owner: 'company', metric: 'revenue', period: '2026-Q3', target: 90, brokenDown: false };
    const events = given(company, { goal }).when('DecomposeGoal', { goalId: 'G-1.2026-Q3', into: 'month', method: 'even' }).then([{ type: 'GoalDecomposed' }]);
    expect(childrenOf(events).map((c) => c.goalId)).toEqual(['G-1.2026-Q3.2026-07', 'G-1.2026-Q3.2026-08', 'G-1.2026-Q3.2026-09']);
  });
});

describe('CascadeGoal', () => {
  it('cascades a company goal to teams by weights and a team goal to its reps, summing exactly', () => {
    const events = given([...company, goalSet('G-1', '2026', 1_000)]).when('CascadeGoal', { goalId: 'G-1', owners: ['team:T-1', 'team:T-2'], method: 'weights', weights: [2, 1] }).then([{ type: 'GoalCascaded' }]);
    expect(childrenOf(events)).toEqual([{ goalId: 'G-1.team:T-1', owner: 'team:T-1', target: 667 }, { goalId: 'G-1.team:T-2', owner: 'team:T-2', target: 333 }]);
    const team = given([...company, goalSet('G-T', '2026', 999, 'team:T-1')], { history: [300, 100] }).when('CascadeGoal', { goalId: 'G-T', owners: ['rep:R-1', 'rep:R-2'], method: 'history' }).then([{ type: 'GoalCascaded' }]);
    expect(targets(team)).toEqual([749, 250]);
  });

  it("refuses a rep outside the team, the company as a child, a rep's goal, and owners named twice", () => {
    const team = goalSet('G-T', '2026', 999, 'team:T-1');
    given([...company, team]).when('CascadeGoal', { goalId: 'G-T', owners: ['rep:R-1', 'rep:R-3'], method: 'even' }).rejects('rep-not-in-team', 'data.owners.1');
    given([...company, team]).when('CascadeGoal', { goalId: 'G-T', owners: ['team:T-2'], method: 'even' }).rejects('cascade-within-team');
    given([...company, goalSet('G-1', '2026', 5)]).when('CascadeGoal', { goalId: 'G-1', owners: ['company'], method: 'even' }).rejects('cascade-to-company');
    given([...company, goalSet('G-R', '2026', 5, 'rep:R-1')]).when('CascadeGoal', { goalId: 'G-R', owners: ['rep:R-2'], method: 'even' }).rejects('cascade-below-rep');
    given([...company, goalSet('G-1', '2026', 5)]).when('CascadeGoal', { goalId: 'G-1', owners: ['team:T-1', 'team:T-1'], method: 'even' }).rejects('invalid', 'once');
    given([...company, goalSet('G-1', '2026', 5)]).when('CascadeGoal', { goalId: 'G-1', owners: ['team:T-9'], method: 'even' }).rejects('notFound', 'T-9');
  });
});

describe('ReviseGoal', () => {
  it('records the old and the new target with the reason', () => {
    given([...company, goalSet('G-1', '2026', 1_000)]).when('ReviseGoal', { goalId: 'G-1', target: 1_200, reason: 'new channel partner' }).then([
      { type: 'GoalRevised', data: { goalId: 'G-1', from: 1_000, to: 1_200, reason: 'new channel partner' } },
    ]);
  });

  it('revises from the latest target, and to a growth target with its baseline', () => {
    const revised = { stream: 'tally-goal-G-1', type: 'GoalRevised', data: { goalId: 'G-1', from: 1_000, to: 1_200, reason: 'x' } };
    given([...company, goalSet('G-1', '2026', 1_000), revised], { baseline: 1_000 }).when('ReviseGoal', { goalId: 'G-1', target: { growth: 0.5, over: '2025' }, reason: 'stretch' }).then([
      { type: 'GoalRevised', data: { goalId: 'G-1', from: 1_200, to: 1_500, reason: 'stretch', targetSpec: { growth: '0.5', over: '2025' }, baseline: 1_000 } },
    ]);
  });

  it('refuses an unchanged target, an unknown goal and a missing reason', () => {
    given([...company, goalSet('G-1', '2026', 1_000)]).when('ReviseGoal', { goalId: 'G-1', target: 1_000, reason: 'x' }).rejects('target-unchanged');
    given(company).when('ReviseGoal', { goalId: 'G-9', target: 1, reason: 'x' }).rejects('notFound', 'G-9');
    given([...company, goalSet('G-1', '2026', 1_000)]).when('ReviseGoal', { goalId: 'G-1', target: 1 }).rejects('invalid', 'reason');
  });
});
