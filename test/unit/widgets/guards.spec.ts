// The hand-written guards the widgets put on API answers.
import { describe, expect, it } from 'vitest';
import {
  asBatch,
  asEvents,
  asGoalList,
  asGoalProgress,
  asLeaderboard,
  asProblem,
  asStatement,
} from '../../../widgets/src/guards';

const goal = {
  goalId: 'g-2026',
  title: 'Company revenue 2026',
  owner: 'company',
  metric: 'revenue',
  period: '2026',
  target: 1_000_000,
  actual: 420_000,
  attainment: 0.42,
  expectedToDate: 500_000,
  pace: 'behind',
  forecast: 840_000,
  smart: { specific: true, measurable: true, achievable: true, relevant: true, timeBound: true, warnings: [] },
  children: ['g-2026-Q1', 'g-2026-Q2'],
};

describe('goal progress guard', () => {
  it('accepts the contract shape', () => {
    expect(asGoalProgress(goal)).toMatchObject({ goalId: 'g-2026', pace: 'behind', children: ['g-2026-Q1', 'g-2026-Q2'] });
  });

  it("reads the alert raised about a goal's pace, and no alert when the answer has none", () => {
    expect(asGoalProgress({ ...goal, openAlert: { alertId: 'goal-behind:g-2026:2026-01-01', kind: 'goal-behind', at: '2026-01-01T00:00:00+08:00', raisedAt: '2026-02-03T09:00:00+08:00' } })?.alert)
      .toEqual({ kind: 'goal-behind', raisedAt: '2026-02-03T09:00:00+08:00' });
    expect(asGoalProgress({ ...goal, openAlert: null })?.alert).toBeUndefined();
  });

  it('refuses an answer without the figures it draws', () => {
    expect(asGoalProgress({ ...goal, target: '1000' })).toBeUndefined();
    expect(asGoalProgress(null)).toBeUndefined();
  });

  it('derives attainment when absent and keeps inlined children and a series', () => {
    const g = asGoalProgress({ ...goal, attainment: undefined, children: [{ ...goal, goalId: 'c' }, 7], series: [{ period: '2026-01', actual: 1, expected: 2 }, { bad: 1 }] });
    expect(g?.attainment).toBe(0.42);
    expect(g?.children).toHaveLength(1);
    expect(g?.series).toEqual([{ label: '2026-01', actual: 1, expected: 2 }]);
  });

  it('reads a goal list as { goals } or a bare array, dropping bad items', () => {
    expect(asGoalList({ goals: [goal, { nope: 1 }] })).toHaveLength(1);
    expect(asGoalList([goal])).toHaveLength(1);
    expect(asGoalList({})).toBeUndefined();
  });
});

describe('leaderboard guard', () => {
  it('keeps the ranks the API gives (ties 1-2-2-4)', () => {
    const board = asLeaderboard({
      period: '2026-07',
      metric: 'revenue',
      rankBy: 'value',
      entries: [
        { rank: 1, repId: 'a', name: 'A', teamId: 't', value: 30, attainment: null, growth: null },
        { rank: 2, repId: 'b', name: 'B', teamId: 't', value: 20 },
        { rank: 2, repId: 'c', name: 'C', teamId: 't', value: 20 },
        { rank: 4, repId: 'd', value: 10 },
      ],
    });
    expect(board?.entries.map((e) => e.rank)).toEqual([1, 2, 2, 4]);
    expect(board?.entries[3]?.name).toBe('d');
    expect(board?.entries[0]?.attainment).toBeUndefined();
  });

  it('refuses an answer without entries', () => {
    expect(asLeaderboard({ period: '2026-07' })).toBeUndefined();
  });
});

describe('statement guard', () => {
  it('accepts the contract shape with decimal-string rates', () => {
    const s = asStatement({
      repId: 'r1',
      period: '2026-07',
      plan: { planId: 'p', version: 2 },
      quota: 100_000,
      achieved: 120_000,
      attainment: 1.2,
      total: 6_500,
      lines: [{ lineId: 'l1', kind: 'commission', description: 'Band 1', basis: 100_000, rate: '0.05', amount: 5_000, citations: [3, 4, 'x'] }],
      status: 'approved',
      statementHash: 'ab'.repeat(32),
    });
    expect(s?.lines[0]).toMatchObject({ rate: '0.05', citations: [3, 4] });
    expect(s?.plan).toEqual({ planId: 'p', version: 2 });
  });

  it('sums the lines when the total is missing', () => {
    expect(asStatement({ lines: [{ lineId: 'a', amount: 5 }, { lineId: 'b', amount: -2 }] })?.total).toBe(3);
  });
});

describe('small shapes', () => {
  it('reads a problem+json body', () => {
    expect(asProblem({ type: 'about:blank', title: 'Invalid input', status: 400, detail: 'bad', errors: [{ path: 'a.b', message: 'm' }] })).toEqual({
      type: 'about:blank',
      title: 'Invalid input',
      status: 400,
      detail: 'bad',
      errors: [{ path: 'a.b', message: 'm' }],
    });
    expect(asProblem({ status: 500 })).toBeUndefined();
  });

  it('reads a stream batch and events', () => {
    expect(asBatch({ position: 9, types: ['SaleRecorded', 3], streams: ['tally-sale-o1'] })).toEqual({
      position: 9,
      types: ['SaleRecorded'],
      streams: ['tally-sale-o1'],
    });
    expect(asBatch({ types: [] })).toBeUndefined();
    expect(asEvents({ events: [{ position: 1, type: 'X', data: {} }, { position: 'x' }] })).toHaveLength(1);
  });
});
