// A goal tree that does not add up says so: the children made by a breakdown and the goals set
// naming the goal as parent (other owners on its period, or its own owner over all its
// sub-periods) are each a set that must sum to the target; a set that does not is a mismatch with
// its amount and a warning.
import { describe, expect, it } from 'vitest';
import { goalProgress } from '../../../core/goals/readModels/goalProgress';
import { goal, rep, team, worldOf, type Draft } from './world';

const company: Draft[] = [team('T-1'), team('T-2'), rep('R-1', 'T-1'), rep('R-2', 'T-2')];
const AT = '2026-07-16T12:00:00+08:00';
const progress = (drafts: Draft[], goalId = 'G') => goalProgress(worldOf([...company, ...drafts]), goalId, { at: AT })!;

describe('goal trees', () => {
  it('team goals naming the company goal as parent: 600 + 300 = 900 of 1,000 is short by 100', () => {
    const p = progress([goal('G', 'company', '2026-07', 1_000), goal('G-T1', 'team:T-1', '2026-07', 600, { parentGoalId: 'G' }), goal('G-T2', 'team:T-2', '2026-07', 300, { parentGoalId: 'G' })]);
    expect(p.breakdown).toEqual({
      kind: 'owners', method: 'linked', weights: [], childrenTotal: 900, difference: 100, mismatch: true,
      sets: [{ via: 'parentGoalId', kind: 'owners', children: ['G-T1', 'G-T2'], childrenTotal: 900, difference: 100, mismatch: true }],
    });
    expect(p.warnings).toEqual(['mismatch: the goals of other owners for 2026-07 that name it as parent (G-T1, G-T2) sum to CNY 9.00, not to the target CNY 10.00 (short by CNY 1.00); revise the children or the target']);
  });

  it('says nothing when they add up (600 + 400), and ignores children on another metric', () => {
    const p = progress([
      goal('G', 'company', '2026-07', 1_000), goal('G-T1', 'team:T-1', '2026-07', 600, { parentGoalId: 'G' }), goal('G-T2', 'team:T-2', '2026-07', 400, { parentGoalId: 'G' }),
      goal('G-U', 'team:T-2', '2026-07', 7, { parentGoalId: 'G', metric: 'units' }),
    ]);
    expect([p.breakdown!.mismatch, p.breakdown!.difference, p.breakdown!.sets.map((s) => s.children)]).toEqual([false, 0, [['G-T1', 'G-T2']]]);
    expect(p.warnings).toEqual([]);
  });

  it('a decomposition that adds up does not hide linked team goals that do not: the tree is a mismatch', () => {
    // 3,000 for Q3 decomposed evenly into 1,000 a month; the teams' Q3 goals say 1,800 + 1,500 = 3,300: over by 300
    const p = progress([
      goal('G', 'company', '2026-Q3', 3_000),
      { type: 'GoalDecomposed', data: { goalId: 'G', into: 'month', method: 'even', weights: ['1', '1', '1'], children: ['07', '08', '09'].map((m) => ({ goalId: `G.2026-${m}`, period: `2026-${m}`, target: 1_000 })) } },
      goal('G-T1', 'team:T-1', '2026-Q3', 1_800, { parentGoalId: 'G' }), goal('G-T2', 'team:T-2', '2026-Q3', 1_500, { parentGoalId: 'G' }),
    ]);
    expect(p.breakdown).toMatchObject({ kind: 'period', method: 'even', childrenTotal: 3_000, difference: 0, mismatch: true });
    expect(p.breakdown!.sets.map((s) => [s.via, s.childrenTotal, s.difference, s.mismatch])).toEqual([['decomposed', 3_000, 0, false], ['parentGoalId', 3_300, -300, true]]);
    expect(p.warnings.join(' ')).toContain('over by CNY 3.00');
    expect(p.children).toEqual(['G.2026-07', 'G.2026-08', 'G.2026-09']); // expectedToDate still reads the decomposition
  });

  it('monthly goals set by hand for every month of a quarter are a set; one month alone is not', () => {
    const months = (targets: number[]) => targets.map((t, i) => goal(`G-0${i + 7}`, 'rep:R-1', `2026-0${i + 7}`, t, { parentGoalId: 'G' }));
    // 1,000 + 1,000 + 1,500 = 3,500 against 3,000: over by 500
    const all = progress([goal('G', 'rep:R-1', '2026-Q3', 3_000), ...months([1_000, 1_000, 1_500])]);
    expect(all.breakdown).toMatchObject({ kind: 'period', method: 'linked', childrenTotal: 3_500, difference: -500, mismatch: true });
    expect(all.breakdown!.sets[0].children).toEqual(['G-07', 'G-08', 'G-09']);
    const one = progress([goal('G', 'rep:R-1', '2026-Q3', 3_000), ...months([1_000])]);
    expect([one.breakdown, one.warnings]).toEqual([null, []]);
  });

  it('a cascade revised away from its children keeps its warning, with the amount', () => {
    const p = progress([
      goal('G', 'team:T-1', '2026', 1_000),
      { type: 'GoalCascaded', data: { goalId: 'G', method: 'even', weights: ['1'], children: [{ goalId: 'G.rep:R-1', owner: 'rep:R-1', target: 1_000 }] } },
      { type: 'GoalRevised', data: { goalId: 'G', from: 1_000, to: 1_250, reason: 'stretch' } },
    ]);
    expect(p.breakdown).toMatchObject({ kind: 'owners', method: 'even', childrenTotal: 1_000, difference: 250, mismatch: true });
    expect(p.warnings).toEqual(["mismatch: the children's targets sum to CNY 10.00, not to the target CNY 12.50 (short by CNY 2.50); revise the children or the target"]);
  });

  it('titles a cascaded child by the name of the team or rep it went to, as of the world read; an unknown ref stays', () => {
    const cascade = [
      goal('G', 'company', '2026', 3_000, { title: 'FY 2026' }),
      { type: 'GoalCascaded', data: { goalId: 'G', method: 'even', weights: ['1', '1'], children: [{ goalId: 'G.team:T-1', owner: 'team:T-1', target: 1_500 }, { goalId: 'G.team:T-2', owner: 'team:T-2', target: 1_500 }] } },
      { type: 'GoalCascaded', data: { goalId: 'G.team:T-1', method: 'even', weights: ['1'], children: [{ goalId: 'G.team:T-1.rep:R-1', owner: 'rep:R-1', target: 1_500 }] } },
    ];
    const named = [team('T-1'), { type: 'TeamRenamed', data: { teamId: 'T-1', name: '华东销售部' } }, rep('R-1', 'T-1', '张伟'), team('T-2')];
    const w = worldOf([...named, ...cascade]);
    expect(['G.team:T-1', 'G.team:T-1.rep:R-1', 'G.team:T-2'].map((id) => goalProgress(w, id, { at: AT })!.title)).toEqual(['FY 2026 · 华东销售部', 'FY 2026 · 华东销售部 · 张伟', 'FY 2026 · T-2']);
    const unknown = goalProgress(worldOf([goal('G', 'company', '2026', 1, { title: 'FY · team:T-9' })]), 'G', { at: AT })!;
    expect(unknown.title).toBe('FY · team:T-9');
  });
});
