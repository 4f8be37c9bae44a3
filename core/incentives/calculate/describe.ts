// A statement line's description in the reader's language, from its rule: one formatter per
// language. The rule is the fact (and hashed); the description is only words for it.
import { en } from './describeEn';
import { zhCN } from './describeZh';
import type { LineRule, RuleWords, StatementBody } from './types';

export const LANGS = ['en', 'zh-CN'] as const;
export type Lang = (typeof LANGS)[number];

const WORDS: Record<Lang, RuleWords> = { en, 'zh-CN': zhCN };

// TypeScript cannot pair a union member with its own formatter, hence the widening cast.
export const describeLine = (rule: LineRule, currency: string, lang: Lang = 'en'): string =>
  (WORDS[lang][rule.kind] as (rule: LineRule, currency: string) => string)(rule, currency);

/** A line's rule and its English description, as the calculator writes them. */
export const ruled = (rule: LineRule, currency: string): { description: string; rule: LineRule } => ({ description: describeLine(rule, currency), rule });

/** The statement with each line described in `lang`; a line approved before lines carried their rule keeps its words. */
export const inLanguage = (body: StatementBody, lang: Lang): StatementBody => ({
  ...body,
  lines: body.lines.map((l) => (l.rule ? { ...l, description: describeLine(l.rule, body.currency, lang) } : l)),
});
