// A month broken into ISO weeks takes the weeks whose Thursday it holds. November 2026 starts on a
// Sunday and ends on a Monday: the 1st is in 2026-W44 (Thursday 29 October) and the 30th in
// 2026-W49 (Thursday 3 December), so W45–W48 cover 2–29 November and the goal says the two days
// left out count toward it but toward no week.
import { describe, expect, it } from 'vitest';
import { goalProgress } from '../../../core/goals/readModels/goalProgress';
import { daysOutsideWeeks } from '../../../core/goals/readModels/weekCoverage';
import { goal, rep, team, worldOf } from './world';

const ZONE = 'Asia/Shanghai';

describe('weeks of a breakdown and the days they leave out', () => {
  it('names the days of a period that no ISO week of it covers', () => {
    expect(daysOutsideWeeks('2026-11', ZONE)).toEqual(['2026-11-01', '2026-11-30']);
    // 2026-03: Sunday the 1st is in W09 (Thursday 26 February); the 30th–31st in W14 (Thursday 2 April)
    expect(daysOutsideWeeks('2026-03', ZONE)).toEqual(['2026-03-01', '2026-03-30 to 2026-03-31']);
    // 2026-Q2: W14 (30 March – 5 April, Thursday 2 April) starts before it; W27 (29 June – 5 July, Thursday 2 July) is July's
    expect(daysOutsideWeeks('2026-Q2', ZONE)).toEqual(['2026-06-29 to 2026-06-30']);
    // 2026-10: Thursday the 1st, so W40 (28 September – 4 October) is October's and starts before it;
    // W44 (26 October – 1 November, Thursday 29 October) is October's too: every day is covered
    expect(daysOutsideWeeks('2026-10', ZONE)).toEqual([]);
  });

  it('a November goal broken into W45–W48 warns of 1 and 30 November', () => {
    const p = goalProgress(worldOf([
      team('T-1'), rep('R-1', 'T-1'), goal('G', 'company', '2026-11', 3_600_000),
      { type: 'GoalDecomposed', data: { goalId: 'G', into: 'week', method: 'even', weights: ['1', '1', '1', '1'], children: [45, 46, 47, 48].map((w) => ({ goalId: `G.2026-W${w}`, period: `2026-W${w}`, target: 900_000 })) } },
    ]), 'G', { at: '2026-11-15T12:00:00+08:00' })!;
    expect(p.warnings).toContain("breakdown: 2026-11-01 and 2026-11-30 fall in ISO weeks that belong to the period of their Thursday, so 2026-11's sales on those days count toward this goal but toward none of its weeks");
    expect(p.breakdown).toMatchObject({ childrenTotal: 3_600_000, mismatch: false });
  });

  it('a month broken into days says nothing', () => {
    const p = goalProgress(worldOf([
      team('T-1'), goal('G', 'company', '2026-11', 3_000),
      { type: 'GoalDecomposed', data: { goalId: 'G', into: 'day', method: 'even', weights: Array(30).fill('1'), children: Array.from({ length: 30 }, (_, i) => ({ goalId: `G.${i}`, period: `2026-11-${String(i + 1).padStart(2, '0')}`, target: 100 })) } },
    ]), 'G', { at: '2026-11-15T12:00:00+08:00' })!;
    expect(p.warnings.filter((w) => w.startsWith('breakdown:'))).toEqual([]);
  });
});
