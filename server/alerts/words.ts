// An alert said in one short line in the reader's language: what happened and to what, by name
// (never an id) — the review's alerts list shows it, and the chat robots' messages use it as their
// title (webhooks/messages.ts). The words of each kind sit side by side, English and Chinese.
import type { Lang } from '../../core/incentives/calculate/describe';

type Details = Readonly<Record<string, string | number | null>>;
type Words = readonly [en: string, zh: string];

/** What each kind of alert says before its subject's name. */
const HEADS: Readonly<Record<string, Words>> = {
  'goal-behind': ['Goal behind pace', '目标进度落后'],
  'goal-at-risk': ['Goal at risk', '目标进度有风险'],
  'milestone-overdue': ['Milestone overdue', '里程碑已逾期'],
  'action-item-overdue': ['Action item overdue', '行动项已逾期'],
  'deal-overdue': ['Deal past its expected close date', '商机超过预计成交日期'],
  'care-due': ['Customer care due today', '今日客户关怀'],
  'appraisal-pending': ['Appraisal awaiting acknowledgement', '绩效考核待确认'],
};

/** The name an alert is about, from its details: a title, else the customer or the rep. */
const subjectName = (kind: string, d: Details): unknown => {
  switch (kind) {
    case 'care-due':
      return d.customerName;
    case 'appraisal-pending':
      return d.ownerName;
    default:
      return d.title ?? d.customerName;
  }
};

/** What kind of alert it is, in the reader's language (the kind itself when unknown). */
export const alertKindIn = (kind: string, lang: Lang): string => HEADS[kind]?.[lang === 'zh-CN' ? 1 : 0] ?? kind;

/** `Goal behind pace: East Q4 revenue` / `目标进度落后：East Q4 revenue`; an unknown kind says its kind. */
export const alertText = (a: { readonly kind: string; readonly details: Details }, lang: Lang): string => {
  const zh = lang === 'zh-CN';
  const name = subjectName(a.kind, a.details);
  if (!HEADS[a.kind]) return zh ? `提醒：${a.kind}` : `Alert: ${a.kind}`;
  const words = alertKindIn(a.kind, lang);
  return name === null || name === undefined || name === '' ? words : `${words}${zh ? '：' : ': '}${String(name)}`;
};
