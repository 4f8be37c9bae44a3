// A statement's warnings in the reader's language: the calculator writes them in English, and a
// zh-CN reader gets each in Chinese (the statementHash is of the English body, so it is unchanged).
import { describe, expect, it } from 'vitest';
import { LANGS, warningIn } from '../../../core/incentives/calculate/describe';

const WARNINGS = [
  'commission tiers are by attainment, but there is no quota: no commission computed',
  'bonuses are by attainment, but there is no quota: no bonus computed',
  "the quota is the rep's goal, but rep 'R-07' has no revenue goal for 2026-11",
];

describe('statement warnings', () => {
  it('are written in Chinese for a zh-CN reader, with the rep and the period kept', () => {
    expect(WARNINGS.map((w) => warningIn(w, 'zh-CN'))).toEqual([
      '提成档位按达成率计算，但没有指标：未计算提成',
      '奖金按达成率计算，但没有指标：未计算奖金',
      "指标取自销售代表的目标，但销售代表 'R-07' 没有 2026-11 的销售额目标",
    ]);
    for (const w of WARNINGS) expect(warningIn(w, 'zh-CN')).not.toMatch(/[A-Za-z]{4,}/);
  });

  it('stay as written for an English reader', () => {
    expect(LANGS).toContain('en');
    expect(WARNINGS.map((w) => warningIn(w, 'en'))).toEqual(WARNINGS);
  });
});
