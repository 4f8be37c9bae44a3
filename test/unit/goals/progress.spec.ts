// GoalProgress from the read models: worked examples (issue 3 and SPEC §4), pace boundaries, time
// zones, children, revisions as of a position, SMART reasons and pace alerts.
import { describe, expect, it } from 'vitest';
import { DEFAULT_GOAL_POLICY, goalProgress, goalsAtRisk, paceOf } from '../../../core/goals/readModels/goalProgress';
import { goal, rep, sale, team, worldOf, type Draft } from './world';

const company: Draft[] = [team('T-1'), rep('R-1', 'T-1', 'Wang'), rep('R-2', 'T-1', 'Li')];
const AT_END = '2027-01-01T00:00:00+08:00';

describe('progress', () => {
  it('shows 24,000 actual on a 30,000 target as 80 % attainment (issue 3 worked example)', () => {
    const w = worldOf([...company, goal('G', 'rep:R-1', '2026-07', 30_000), sale('R-1', 'T-1', 20_000, '2026-07-03T10:00:00+08:00'), sale('R-1', 'T-1', 4_000, '2026-07-20T10:00:00+08:00')]);
    const p = goalProgress(w, 'G', { at: AT_END })!;
    expect([p.target, p.actual, p.attainment]).toEqual([30_000, 24_000, 0.8]);
    // the period is over: everything was expected, the forecast is the actual
    expect([p.expectedToDate, p.forecast, p.pace]).toEqual([30_000, 24_000, 'behind']);
  });

  it('expects linearly in elapsed time and projects the run-rate to the period end', () => {
    // July 2026 has 31 days; at noon on 11 July (Shanghai) 10.5 days have passed
    const w = worldOf([...company, goal('G', 'rep:R-1', '2026-07', 31_000), sale('R-1', 'T-1', 12_000, '2026-07-05T10:00:00+08:00')]);
    const p = goalProgress(w, 'G', { at: '2026-07-11T12:00:00+08:00' })!;
    expect(p.expectedToDate).toBe(10_500); // 31,000 × 10.5 / 31
    expect(p.forecast).toBe(35_429); // 12,000 × 31 / 10.5 = 35,428.57 → 35,429
    expect(p.pace).toBe('ahead'); // 12,000 / 10,500 = 1.14 ≥ 1.10
    expect(p.elapsed).toBe(0.3387);
  });

  it('classifies pace at the SPEC thresholds exactly: 1.10 ahead, 1.00 on-track, 0.90 at-risk, below behind', () => {
    expect([110, 109, 100, 99, 90, 89].map((a) => paceOf(a, 100, true))).toEqual(['ahead', 'on-track', 'on-track', 'at-risk', 'at-risk', 'behind']);
    expect(paceOf(0, 0, false)).toBeNull();
    expect(paceOf(5, 0, true)).toBe('ahead');
    // nothing expected yet (a zero target, or the first instant) and nothing done: on track, not ahead
    expect(paceOf(0, 0, true)).toBe('on-track');
    expect(paceOf(-5, 0, true)).toBe('behind');
    // thresholds are configurable
    expect(paceOf(104, 100, true, { ...DEFAULT_GOAL_POLICY, paceAhead: '1.05' })).toBe('on-track');
    expect(paceOf(105, 100, true, { ...DEFAULT_GOAL_POLICY, paceAhead: '1.05' })).toBe('ahead');
  });

  it('counts a sale at 04:00 on 1 August in Shanghai (20:00 UTC on 31 July) in August', () => {
    const w = worldOf([...company, goal('JUL', 'rep:R-1', '2026-07', 100), goal('AUG', 'rep:R-1', '2026-08', 100), sale('R-1', 'T-1', 70, '2026-07-31T20:00:00Z')]);
    expect(goalProgress(w, 'JUL', { at: AT_END })!.actual).toBe(0);
    expect(goalProgress(w, 'AUG', { at: AT_END })!.actual).toBe(70);
  });

  it('measures an ISO week from Monday 00:00 in the zone: 2026-W01 runs 29 Dec 2025 – 4 Jan 2026', () => {
    const w = worldOf([...company, goal('W1', 'rep:R-1', '2026-W01', 700), sale('R-1', 'T-1', 40, '2025-12-29T00:30:00+08:00'), sale('R-1', 'T-1', 50, '2025-12-28T23:30:00+08:00')]);
    const p = goalProgress(w, 'W1', { at: '2025-12-30T00:00:00+08:00' })!;
    expect(p.actual).toBe(40);
    expect(p.expectedToDate).toBe(100); // one day of seven
  });

  it("expects the sum of the children's expectations once decomposed", () => {
    const w = worldOf([
      ...company,
      goal('G', 'company', '2026-Q3', 900),
      { type: 'GoalDecomposed', data: { goalId: 'G', into: 'month', method: 'weights', weights: ['1', '2', '0'], children: [{ goalId: 'G.2026-07', period: '2026-07', target: 300 }, { goalId: 'G.2026-08', period: '2026-08', target: 600 }, { goalId: 'G.2026-09', period: '2026-09', target: 0 }] } },
    ]);
    // at the end of August all of July and August are expected: 900, where linear over the quarter would say 600
    const p = goalProgress(w, 'G', { at: '2026-09-01T00:00:00+08:00' })!;
    expect(p.expectedToDate).toBe(900);
    expect(p.children).toEqual(['G.2026-07', 'G.2026-08', 'G.2026-09']);
    expect(goalProgress(w, 'G.2026-08', { at: '2026-08-16T12:00:00+08:00' })!.expectedToDate).toBe(300); // half of August
  });

  it('keeps the old target as of a position before the revision, and lists revisions with their reason', () => {
    const events = [...company, goal('G', 'team:T-1', '2026', 1_000, {}), { type: 'GoalRevised', recordedAt: '2026-03-01T00:00:00+08:00', data: { goalId: 'G', from: 1_000, to: 1_500, reason: 'new partner' } }];
    const before = worldOf(events, events.length - 1);
    expect(goalProgress(before, 'G', { at: AT_END })!.target).toBe(1_000);
    const after = goalProgress(worldOf(events), 'G', { at: AT_END })!;
    expect(after.target).toBe(1_500);
    expect(after.revisions).toEqual([{ from: 1_000, to: 1_500, reason: 'new partner', recordedAt: '2026-03-01T00:00:00+08:00', position: events.length }]);
  });

  it("warns of a mismatch when a parent is revised and its children no longer sum to it (Zoho's Target Mismatch)", () => {
    const w = worldOf([
      ...company,
      goal('G', 'team:T-1', '2026', 1_000),
      { type: 'GoalCascaded', data: { goalId: 'G', method: 'even', weights: ['1', '1'], children: [{ goalId: 'G.rep:R-1', owner: 'rep:R-1', target: 500 }, { goalId: 'G.rep:R-2', owner: 'rep:R-2', target: 500 }] } },
      { type: 'GoalRevised', data: { goalId: 'G', from: 1_000, to: 1_200, reason: 'stretch' } },
    ]);
    const p = goalProgress(w, 'G', { at: AT_END })!;
    expect(p.breakdown).toMatchObject({ kind: 'owners', childrenTotal: 1_000, mismatch: true });
    expect(p.warnings.join(' ')).toContain('short by CNY 2.00');
    const child = goalProgress(w, 'G.rep:R-2', { at: AT_END })!;
    expect([child.owner, child.target, child.parentGoalId, child.origin, child.smart.relevant]).toEqual(['rep:R-2', 500, 'G', 'cascaded', true]);
  });

  it('explains each SMART letter: achievable against the best comparable period, relevant without a parent', () => {
    const history = [1, 2, 3, 4, 5, 6].map((m) => sale('R-1', 'T-1', m === 5 ? 10_000 : 6_000, `2026-0${m}-10T10:00:00+08:00`));
    const w = worldOf([...company, ...history, goal('G', 'rep:R-1', '2026-07', 16_000), goal('OK', 'rep:R-2', '2026-07', 0, { relevance: 'ramp-up' })]);
    const p = goalProgress(w, 'G', { at: AT_END })!;
    expect(p.smart).toMatchObject({ specific: true, measurable: true, achievable: false, relevant: false, timeBound: true });
    expect(p.history.best).toEqual({ period: '2026-05', value: 10_000 });
    expect(p.smart.warnings.find((x) => x.startsWith('achievable'))).toContain('the target CNY 160.00 is 1.6× the best month of the last 12 (2026-05: CNY 100.00)'); // 16,000 fen over 10,000 fen
    expect(p.smart.warnings.some((x) => x.startsWith('relevant'))).toBe(true);
    // a looser threshold accepts it
    expect(goalProgress(w, 'G', { at: AT_END, policy: { ...DEFAULT_GOAL_POLICY, achievableFactor: '2', runRateFactor: '3' } })!.smart.achievable).toBe(true);
    const ok = goalProgress(w, 'OK', { at: AT_END })!.smart;
    expect([ok.relevant, ok.achievable]).toEqual([true, true]);
    expect(ok.warnings.join(' ')).toContain('no revenue before 2026-07');
  });

  it('marks a goal on a metric Tally does not measure as not measurable, with no pace', () => {
    const w = worldOf([...company, { type: 'GoalSet', data: { goalId: 'G', title: 'calls', owner: 'rep:R-1', metric: 'calls', period: '2026-07', target: 100, relevance: 'x' } }]);
    const p = goalProgress(w, 'G', { at: '2026-07-15T00:00:00+08:00' })!;
    expect([p.smart.measurable, p.pace, p.actual]).toEqual([false, null, 0]);
  });

  it('alerts when a goal turns at-risk or behind, and lists it for the review with the day it turned', () => {
    // on track for the first week (700 of 31,000 a day expected, 7,000 sold on day 1), then nothing more
    const w = worldOf([...company, goal('G', 'rep:R-1', '2026-07', 31_000), sale('R-1', 'T-1', 7_000, '2026-07-01T10:00:00+08:00')]);
    const p = goalProgress(w, 'G', { at: '2026-07-12T12:00:00+08:00', series: true })!;
    // end of day 7: 7,000 vs 7,000 expected → on-track; day 8: 7,000/8,000 = 0.875 → behind
    expect(p.alerts).toEqual([{ date: '2026-07-08', from: 'on-track', to: 'behind' }]);
    expect(p.series!.map((x) => x.date)).toEqual(Array.from({ length: 12 }, (_, i) => `2026-07-${String(i + 1).padStart(2, '0')}`));
    expect(p.series![0]).toEqual({ date: '2026-07-01', actual: 7_000, expected: 1_000 });
    expect(p.series![11]).toEqual({ date: '2026-07-12', actual: 7_000, expected: p.expectedToDate });
    expect(goalsAtRisk(w, { period: '2026-07' }, { at: '2026-07-12T12:00:00+08:00' })).toEqual([
      { goalId: 'G', title: 'G', owner: 'rep:R-1', metric: 'revenue', period: '2026-07', target: 31_000, actual: 7_000, expectedToDate: 11_500, pace: 'behind', since: '2026-07-08' },
    ]);
  });
});
