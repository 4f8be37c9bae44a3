// A statement line's description in the reader's language, from its rule: one formatter per
// language. The rule is the fact (and hashed); the description is only words for it.
import { en } from './describeEn';
import { zhCN } from './describeZh';
import type { LineRule, RuleWords, StatementBody } from './types';
import { sayBy, type Phrase } from '../../shared/phrases';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

const WORDS: Record<Lang, RuleWords> = { en, 'zh-CN': zhCN };

// TypeScript cannot pair a union member with its own formatter, hence the widening cast.
export const describeLine = (rule: LineRule, currency: string, lang: Lang = 'en'): string =>
  (WORDS[lang][rule.kind] as (rule: LineRule, currency: string) => string)(rule, currency);

/** A line's rule and its English description, as the calculator writes them. */
export const ruled = (rule: LineRule, currency: string): { description: string; rule: LineRule } => ({ description: describeLine(rule, currency), rule });

/** A statement warning in Chinese, phrase by phrase (the calculator writes them in English). */
const WARNINGS_ZH: readonly Phrase[] = [
  [/^commission tiers are by attainment, but there is no quota: no commission computed$/, () => '提成档位按达成率计算，但没有指标：未计算提成'],
  [/^bonuses are by attainment, but there is no quota: no bonus computed$/, () => '奖金按达成率计算，但没有指标：未计算奖金'],
  [/^the quota is the rep's goal, but rep '(.+)' has no (\w+) goal for (.+)$/, (_, rep, measure, period) => `指标取自销售代表的目标，但销售代表 '${rep}' 没有 ${period} 的${measure === 'units' ? '销量' : '销售额'}目标`],
];

export const warningIn = (warning: string, lang: Lang): string => {
  if (lang === 'en') return warning;
  return sayBy(WARNINGS_ZH, warning) ?? warning;
};

/** The statement with each line and warning in `lang`; a line approved before lines carried their rule keeps its words. */
export const inLanguage = (body: StatementBody, lang: Lang): StatementBody => ({
  ...body,
  warnings: (body.warnings ?? []).map((w) => warningIn(w, lang)),
  lines: body.lines.map((l) => (l.rule ? { ...l, description: describeLine(l.rule, body.currency, lang) } : l)),
});
