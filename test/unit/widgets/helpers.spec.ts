// Pure helpers behind the widgets: movement, the sparkline's trend, token claims, words.
import { describe, expect, it } from 'vitest';
import { claimsOf } from '../../../widgets/src/base/claims';
import { en, humanise, zhCN } from '../../../widgets/src/controllers/messages';
import { asGoalProgress, type GoalProgress } from '../../../widgets/src/guards';
import { trendOf } from '../../../widgets/src/goal-tracker/trend';
import { movesBetween } from '../../../widgets/src/leaderboard/moves';

const g = (over: Partial<GoalProgress>): GoalProgress =>
  asGoalProgress({ goalId: 'g', target: 100, actual: 40, expectedToDate: 50, forecast: 80, children: [], ...over })!;

describe('leaderboard movement', () => {
  it('counts places gained and lost, and new entries', () => {
    const before = new Map([['a', 1], ['b', 2], ['c', 3]]);
    const moves = movesBetween(before, [
      { rank: 1, repId: 'b', name: 'B', value: 9 },
      { rank: 2, repId: 'a', name: 'A', value: 8 },
      { rank: 2, repId: 'd', name: 'D', value: 8 },
      { rank: 4, repId: 'c', name: 'C', value: 1 },
    ]);
    expect(Object.fromEntries(moves)).toEqual({ b: 1, a: -1, d: 'new', c: -1 });
  });
});

describe('sparkline trend', () => {
  it('uses the API series up to the moment of measure, then the plan and the forecast', () => {
    const t = trendOf(g({ elapsed: 0.5, series: [{ actual: 2, expected: 25 }, { actual: 40, expected: 50 }] }), []);
    expect(t.actual).toEqual([[0, 0], [0.25, 2], [0.5, 40]]);
    expect(t.expected).toEqual([[0, 0], [0.25, 25], [0.5, 50], [1, 100]]);
    expect(t.forecast).toEqual([[0.5, 40], [1, 80]]);
  });

  it('draws a finished period’s series across the whole width', () => {
    const t = trendOf(g({ elapsed: 1, series: [{ actual: 0, expected: 0 }, { actual: 5, expected: 10 }] }), []);
    expect(t.actual).toEqual([[0, 0], [0.5, 0], [1, 5]]);
    expect(t.forecast).toBeUndefined();
  });

  it('accumulates the breakdown, stopping actual at the last sub-period begun', () => {
    const kids = [g({ target: 30, actual: 35, expectedToDate: 30 }), g({ target: 30, actual: 5, expectedToDate: 10 }), g({ target: 40, actual: 0, expectedToDate: 0 })];
    const t = trendOf(g({}), kids);
    expect(t.expected.map(([, y]) => y)).toEqual([0, 30, 60, 100]);
    expect(t.actual.map(([, y]) => y)).toEqual([0, 35, 40]);
  });

  it('falls back to the linear expectation with a forecast', () => {
    const t = trendOf(g({}), []);
    expect(t.actual).toEqual([[0, 0], [0.5, 40]]);
    expect(t.forecast).toEqual([[0.5, 40], [1, 80]]);
  });
});

describe('token claims and words', () => {
  it('reads sub and role from a JWT payload without verifying it', () => {
    const payload = Buffer.from(JSON.stringify({ sub: 'rep-李', role: 'rep' })).toString('base64url');
    expect(claimsOf(`h.${payload}.s`)).toEqual({ sub: 'rep-李', role: 'rep', team: undefined });
    expect(claimsOf('not a token')).toEqual({});
    expect(claimsOf(undefined)).toEqual({});
  });

  it('has every English word in Chinese too', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
    expect(Object.values(zhCN).every((v) => v.length > 0)).toBe(true);
  });

  it('humanises API keys', () => {
    expect(humanise('newCustomers')).toBe('New customers');
    expect(humanise('at-risk')).toBe('At risk');
  });
});
