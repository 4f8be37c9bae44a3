// The sentences core writes into read answers in English — automatic badges' titles and reasons,
// care reasons, growth notes, review KPI titles — said in the reader's language, phrase by phrase
// (as statement warnings are: core/incentives/calculate/describe.ts). Core keeps one wording, the
// facts; this is only words for them. A sentence with no phrase here stays as core wrote it, and a
// test lists the English words a zh-CN answer must not hold.
import type { Lang } from '../../core/incentives/calculate/describe';
import type { ReviewAlert } from '../../core/views/review/alerts';
import { alertText } from '../alerts/words';
import { label } from '../documents/words';
import { sayBy, type Phrase } from '../../core/shared/phrases';
import type { RfmSegment } from '../../core/customers/readModels/rfm';

/** The first phrase that matches the whole text, in Chinese; the text itself when none does. */
const sayZh = (phrases: readonly Phrase[], text: string): string => sayBy(phrases, text) ?? text;

const metricZh = (m: string): string => label('zh-CN', 'metric', m) ?? m;

const TIER_ZH: Readonly<Record<string, string>> = { 'high-value': '高价值', regular: '普通', potential: '潜在' };
const CONTACT_ZH: Readonly<Record<string, string>> = { visit: '拜访', call: '电话', message: '消息', gift: '礼品', greeting: '问候', survey: '满意度调查' };

/** A comparison's base as growth.ts names it: a period id, a span of one, or the window before a contest's. */
const baseZh = (base: string): string =>
  sayZh(
    [
      [/^(\S+) from (\S+) to (\S+)$/, (_, id, from, to) => `${id}（${from} 至 ${to}）`],
      [/^the window before, from (\S+) to (\S+)$/, (_, from, to) => `前一个同样长的时段（${from} 至 ${to}）`],
      [/^the base period$/, () => '基期'],
    ],
    base,
  );

const GROWTH_NOTES_ZH: readonly Phrase[] = [
  [/^nothing in (.+) to grow from$/, (_, base) => `${baseZh(base)}没有数据，无从计算增长`],
  [/^(.+) was negative \((-?\d+)\): a change over a loss is not growth$/, (_, base, n) => `${baseZh(base)}为负（${n}）：相对亏损的变化不算增长`],
  [/^(.+) has not started yet$/, (_, what) => `${what} 尚未开始`],
];

const CARE_REASONS_ZH: readonly Phrase[] = [
  [/^contact (.*)'s birthday (\d{2}-\d{2}), kept on 02-28 in (\d{4}) \(not a leap year\)$/, (_, name, day, y) => `联系人 ${name} 的生日 ${day}（${y} 年不是闰年，提前到 02-28）`],
  [/^contact (.*)'s birthday (\d{2}-\d{2})$/, (_, name, day) => `联系人 ${name} 的生日 ${day}`],
  [/^birthday (\d{2}-\d{2}), kept on 02-28 in (\d{4}) \(not a leap year\)$/, (_, day, y) => `生日 ${day}（${y} 年不是闰年，提前到 02-28）`],
  [/^birthday (\d{2}-\d{2})$/, (_, day) => `生日 ${day}`],
  [/^(.+) greeting$/, (_, holiday) => `${holiday}问候`],
  [/^([\w-]+) customer: last contact \((\w+)\) (\S+); follow up every (\d+) days$/, (_, tier, kind, day, n) => `${TIER_ZH[tier] ?? tier}客户：上次联系（${CONTACT_ZH[kind] ?? kind}）${day}；每 ${n} 天跟进一次`],
  [/^([\w-]+) customer: no contact since registration (\S+); follow up every (\d+) days$/, (_, tier, day, n) => `${TIER_ZH[tier] ?? tier}客户：自 ${day} 登记以来未联系；每 ${n} 天跟进一次`],
  [/^last survey (\S+); survey every (\d+) days$/, (_, day, n) => `上次满意度调查 ${day}；每 ${n} 天调查一次`],
  [/^no survey since the first sale (\S+); survey every (\d+) days$/, (_, day, n) => `自首笔销售（${day}）以来未做满意度调查；每 ${n} 天调查一次`],
];

export const growthNoteIn = (note: string | null, lang: Lang): string | null => (note === null || lang === 'en' ? note : sayZh(GROWTH_NOTES_ZH, note));

export const careReasonIn = (reason: string, lang: Lang): string => (lang === 'en' ? reason : sayZh(CARE_REASONS_ZH, reason));

/** A review KPI's title, `metric · owner · period`: the whole company is 全公司, a team keeps its name. */
export const kpiTitleIn = (title: string, lang: Lang): string =>
  lang === 'en' ? title : sayZh([[/^(\w+) · (.+) · (\S+)$/, (_, metric, owner, period) => `${metricZh(metric)} · ${owner === 'company' ? '全公司' : owner} · ${period}`]], title);

interface BadgeWords {
  readonly badgeId: string;
  readonly title: string;
  readonly reason: string;
}

/** An automatic badge (`auto:<code>:…`) in the reader's language; one awarded by hand keeps the words its giver wrote. */
export const badgeIn = <B extends BadgeWords>(badge: B, lang: Lang, currency: string): B => {
  if (lang === 'en' || !badge.badgeId.startsWith('auto:')) return badge;
  const amount = (metric: string, n: string) =>
    metric === 'revenue' ? new Intl.NumberFormat('zh-CN', { style: 'currency', currency }).format(Number(n) / 100) : `${Number(n).toLocaleString('zh-CN')} ${metric === 'units' ? '件' : '单'}`;
  const title = sayZh(
    [
      [/^First sale$/, () => '首单'],
      [/^100 % of goal$/, () => '目标达成 100%'],
      [/^Most improved of the month$/, () => '本月进步最大'],
    ],
    badge.title,
  );
  const reason = sayZh(
    [
      [/^first sale$/, () => '完成第一笔销售'],
      [/^reached the (\w+) goal (\S+) for (\S+) \((\d+)\)$/, (_, metric, goalId, period, target) => `达成 ${period} 的${metricZh(metric)}目标 ${goalId}（${amount(metric, target)}）`],
      [/^revenue in (\S+) grew ([\d.]+) % over (\S+), the most of any rep$/, (_, month, pct, prev) => `${month} 销售额比 ${prev} 增长 ${pct}%，全体销售代表中最多`],
    ],
    badge.reason,
  );
  return { ...badge, title, reason };
};

type Row = Record<string, unknown>;

/** A section that is a list of rows, each row said again by `say`; anything else (an absent section's null) as it is. */
const rows = (section: unknown, say: (row: Row) => Row): unknown => (Array.isArray(section) ? section.map((r) => (r && typeof r === 'object' ? say(r as Row) : r)) : section);

const titled = (lang: Lang) => (r: Row): Row => (typeof r.title === 'string' ? { ...r, title: kpiTitleIn(r.title, lang) } : r);

/** An alert of the review said in one line (its text) in place of the details it is said from. */
const alertIn = (lang: Lang) => ({ details, ...alert }: Row): Row => ({ ...alert, text: alertText({ kind: String(alert.kind), details: (details ?? {}) as Record<string, string | number | null> }, lang) });

/** A review's alert as the answer holds it: one line of text in place of its details. */
export type SaidAlert = Omit<ReviewAlert, 'details'> & { readonly text: string };

/**
 * A review's alerts as text, and its KPI and deviation titles, growth notes and automatic badges, in
 * the reader's language (sections are typed `unknown` in a Review; the alerts are typed here, so
 * the answer's schema describes them).
 */
export const reviewIn = <R extends object>(review: R, lang: Lang, currency: string): R & { readonly alerts: SaidAlert[] | null } => {
  const r = review as Row;
  // each RFM segment named in the reader's language, as on a customer
  const said = { ...review, alerts: rows(r.alerts, alertIn(lang)) as SaidAlert[] | null, ...('segments' in r ? { segments: rows(r.segments, (s) => ({ segmentName: RFM_SEGMENT_NAMES[lang][s.segment as RfmSegment], ...s })) } : {}) };
  if (lang === 'en') return said;
  return {
    ...said,
    kpis: rows(r.kpis, (k) => ({ ...titled(lang)(k), growthNote: typeof k.growthNote === 'string' ? growthNoteIn(k.growthNote, lang) : k.growthNote })),
    deviations: rows(r.deviations, titled(lang)),
    badges: rows(r.badges, (b) => (typeof b.badgeId === 'string' && typeof b.title === 'string' && typeof b.reason === 'string' ? badgeIn(b as Row & BadgeWords, lang, currency) : b)),
  };
};

const KIND_ZH: Readonly<Record<string, string>> = { year: '年', quarter: '季度', month: '月', week: '周', day: '天' };

/** Money as core writes it in a warning (`CNY 9,000,000.00`) as a Chinese reader reads it (`¥9,000,000.00`). */
const moneyZh = (s: string): string => s.replace(/\bCNY (-?[\d,]+\.\d{2})\b/g, '¥$1');

const WHICH_ZH: readonly Phrase[] = [
  [/^the goals of other owners for (\S+) that name it as parent \((.+)\)$/, (_, period, ids) => `以它为上级的 ${period} 其他负责人的目标（${ids}）`],
  [/^the goals of its sub-periods that name it as parent \((.+)\)$/, (_, ids) => `以它为上级的各子期间目标（${ids}）`],
  [/^the children's targets$/, () => '子目标'],
];

const GOAL_WARNINGS_ZH: readonly Phrase[] = [
  [/^specific: (\S+) is not a known team or rep$/, (_, owner) => `具体：${owner} 不是已知的团队或销售代表`],
  [/^measurable: Tally does not measure '(.+)' \(it measures (.+)\), so progress cannot be tracked$/, (_, m, list) => `可衡量：Tally 不衡量 '${m}'（可衡量的有 ${list}），无法跟踪进度`],
  [/^achievable: (\S+) has no (\w+) before (\S+), so the target cannot be judged against history yet$/, (_, owner, m, period) => `可实现：${owner} 在 ${period} 之前没有${metricZh(m)}记录，暂时无法对照历史判断目标`],
  [
    /^achievable: the target (.+) is ([\d.]+)× the best (\w+) of the last (\d+) \((\S+): (.+)\); above ([\d.]+)× is a stretch$/,
    (_, target, r, kind, n, best, value, f) => `可实现：目标 ${moneyZh(target)} 是最近 ${n} 个${KIND_ZH[kind] ?? kind}中最好的一个（${best}：${moneyZh(value)}）的 ${r} 倍；超过 ${f} 倍即为冒进`,
  ],
  [
    /^achievable: the target (.+) is ([\d.]+)× the trailing run-rate \((.+) per (\w+), from the (\d+) days before (\S+) or before it was set\); above ([\d.]+)× is a stretch$/,
    (_, target, r, rate, kind, days, period, f) => `可实现：目标 ${moneyZh(target)} 是近期速率（每${KIND_ZH[kind] ?? kind} ${moneyZh(rate)}，按 ${period} 开始或目标设定之前 ${days} 天计）的 ${r} 倍；超过 ${f} 倍即为冒进`,
  ],
  [/^relevant: the parent goal '(.+)' is unknown$/, (_, id) => `相关：上级目标 '${id}' 不存在`],
  [/^relevant: link the goal to a parent goal \(parentGoalId\) or say why it matters \(relevance\)$/, () => '相关：请把目标关联到上级目标（parentGoalId），或说明它的意义（relevance）'],
  [/^timeBound: the period (\S+) had already ended when the goal was set$/, (_, period) => `有时限：设定目标时 ${period} 已经结束`],
  [
    /^mismatch: (.+) sum to (.+), not to the target (.+) \((short|over) by (.+)\); revise the children or the target$/,
    (_, which, sum, target, way, gap) => `不一致：${sayZh(WHICH_ZH, which)}合计 ${moneyZh(sum)}，不等于目标 ${moneyZh(target)}（${way === 'short' ? '少' : '多'} ${moneyZh(gap)}）；请修改子目标或目标`,
  ],
];

/** Days as weekCoverage.ts lists them: `2026-11-30`, `2026-12-28 to 2026-12-31`, joined by `and`. */
const daysZh = (days: string): string => days.replace(/ and /g, '、').replace(/ to /g, ' 至 ');

/** Why a breakdown was split evenly (core/goals/decide.ts). */
const EVEN_BECAUSE_ZH: readonly Phrase[] = [
  [/^Tally does not measure '(.+)', so there is no history a year before \((.+)\) to weigh by$/, (_, m, span) => `Tally 不衡量 '${m}'，没有一年前（${span}）的历史可用于加权`],
  [/^the reference a year before \((.+)\) is not complete: (.+) (?:has|have) not ended, so (\S+) to (\S+) is missing from it$/, (_, span, open, from, to) => `一年前的参照（${span}）不完整：${open} 尚未结束，因此缺少 ${from} 至 ${to}`],
  [/^the reference a year before \((.+)\) is missing (entirely|in part): no (\w+) in (.+)$/, (_, span, how, m, list) => `一年前的参照（${span}）${how === 'entirely' ? '全部' : '部分'}缺失：${list} 没有${metricZh(m)}`],
  [/^no (.+) to weigh by$/, (_, what) => `没有可用于加权的 ${what}`],
];

const BREAKDOWN_WARNINGS_ZH: readonly Phrase[] = [
  [
    /^breakdown: (.+) (?:falls|fall) in ISO weeks that belong to the period of their Thursday, so (\S+)'s sales on those days count toward this goal but toward none of its weeks$/,
    (_, days, period) => `分解：${daysZh(days)} 所在的 ISO 周按其周四归属期间，因此 ${period} 这些天的销售计入本目标，但不计入它的任何一周`,
  ],
  [/^breakdown: (.+), so the target was split evenly$/, (_, why) => `分解：${sayZh(EVEN_BECAUSE_ZH, why)}，因此目标被平均分配`],
  [
    /^baseline: (\S+) had not ended when the target was set \((\S+)\), so its baseline (-?\d+) leaves out (\S+) to (\S+); the target is (\S+) over part of (\S+)$/,
    (_, over, at, baseline, from, to, growth) => `基数：设定目标时（${at}）${over} 尚未结束，因此基数 ${baseline} 不含 ${from} 至 ${to}；目标是在 ${over} 的部分期间之上增长 ${growth}`,
  ],
];

export const goalWarningIn = (warning: string, lang: Lang): string => (lang === 'en' ? warning : sayZh([...GOAL_WARNINGS_ZH, ...BREAKDOWN_WARNINGS_ZH], warning));

interface GoalWords {
  readonly warnings: readonly string[];
  readonly smart: { readonly warnings: readonly string[] };
}

/** A goal's SMART and tree warnings in the reader's language. */
export const goalIn = <G extends GoalWords>(goal: G, lang: Lang): G =>
  lang === 'en'
    ? goal
    : { ...goal, warnings: goal.warnings.map((w) => goalWarningIn(w, lang)), smart: { ...goal.smart, warnings: goal.smart.warnings.map((w) => goalWarningIn(w, lang)) } };

const TIER_PART_ZH: readonly Phrase[] = [
  [/^top (\S+) % of (\d+) customers with net revenue, rounded up \((\d+)\)$/, (_, share, n, slots) => `有净收入的 ${n} 个客户中的前 ${share}%（向上取整，${slots} 个）`],
  [/^trailing-(\d+)m revenue of at least (\S+)$/, (_, m, amount) => `近 ${m} 个月收入不低于 ${amount}`],
];

/** The customer tiers' rule, as the policy states it. */
export const tierRuleIn = (rule: string, lang: Lang): string =>
  lang === 'en'
    ? rule
    : sayZh(
        [[/^high-value: (.+); regular: the other customers with net revenue; potential: no net revenue yet$/, (_, parts) => `高价值：${parts.split(' and ').map((p) => sayZh(TIER_PART_ZH, p)).join('，且')}；普通：其余有净收入的客户；潜在：尚无净收入`]],
        rule,
      );

/** Why a customer has its tier. */
export const tierReasonIn = (reason: string, lang: Lang): string =>
  lang === 'en'
    ? reason
    : sayZh(
        [
          [/^rank (\d+) of (\d+) by trailing-(\d+)m revenue (\S+)$/, (_, rank, n, m, amount) => `按近 ${m} 个月收入 ${amount} 排名第 ${rank}（共 ${n} 个）`],
          [/^no net revenue yet$/, () => '尚无净收入'],
        ],
        reason,
      );

const RFM_SEGMENT_NAMES: Readonly<Record<Lang, Readonly<Record<RfmSegment, string>>>> = {
  en: { champions: 'Champions', loyal: 'Loyal', promising: 'Promising', 'at-risk': 'At risk', lost: 'Lost', 'needs-attention': 'Needs attention' },
  'zh-CN': { champions: '冠军客户', loyal: '忠诚客户', promising: '潜力新客', 'at-risk': '流失风险客户', lost: '已流失客户', 'needs-attention': '需关注客户' },
};

/** A customer's RFM scores with its segment's name in the reader's language. */
export const rfmIn = <R extends { segment: RfmSegment }>(rfm: R | null, lang: Lang): (R & { segmentName: string }) | null =>
  rfm === null ? null : { ...rfm, segmentName: RFM_SEGMENT_NAMES[lang][rfm.segment] };

/** Why the pipeline has no goal coverage. */
export const coverageNoteIn = (note: string, lang: Lang): string =>
  lang === 'en'
    ? note
    : sayZh(
        [
          [/^give a period to measure coverage against the revenue goal of that period$/, () => '请给出期间（period），以对照该期间的销售额目标计算覆盖率'],
          [/^no revenue goal for (\S+) in (\S+)$/, (_, owner, period) => `${owner} 在 ${period} 没有销售额目标`],
        ],
        note,
      );

/** One event left out (core/fold/outOfRange.ts): `position 7 (SaleRecorded: it occurred at 0999-…)`. */
const leftOutEventZh = (event: string): string =>
  sayZh(
    [
      [/^position (\d+) \((\w+): it occurred at (.+)\)$/, (_, p, type, at) => `位置 ${p}（${type}：发生于 ${at}）`],
      [/^position (\d+) \((\w+): it names period (.+)\)$/, (_, p, type, period) => `位置 ${p}（${type}：期间为 ${period}）`],
    ],
    event,
  );

/** The warning every GET answer carries when the log holds events no figure counts. */
export const leftOutWarningIn = (warning: string, lang: Lang): string =>
  lang === 'en'
    ? warning
    : sayZh(
        [
          [
            /^left out (\d+) event\(s\) of the log that an older version recorded with a year outside (\d+)–(\d+); no figure here counts them: (.+?)(?:; and (\d+) more)?$/,
            (_, n, first, last, list, more) => `日志中有 ${n} 个事件是旧版本以 ${first}–${last} 之外的年份记录的，这里的数字都不计入它们：${list.split('; ').map(leftOutEventZh).join('；')}${more ? `；另有 ${more} 个` : ''}`,
          ],
        ],
        warning,
      );
