// A period review as an Excel workbook: the figures of GET /api/reviews/:period as the caller may
// read them (the same answer, redacted the same way), one sheet each for what the review is of,
// its KPIs, the deviations with who moved them, budget against actual, action items, overdue
// milestones, the period's alerts, and the plan's market and people sections (revenue by channel
// and promotion, capacity, customer segments, campaigns, market share, training programmes).
// Money in the deployment currency's major unit with a currency format.
import type { Lang } from '../../core/incentives/calculate/describe';
import { TallyWorkbook, words, type Column } from './workbook';
import { alertKindIn } from '../alerts/words';
import { label, yesNo } from './words';

type Num = number | null | undefined;

interface Contributor { key: string; name?: string; value: number; previous: number; change: number; target?: number; expectedToDate?: number; deviation?: number }
interface Kpi { metric: string; goalId: string | null; target: Num; actual: number; attainment: Num; expectedToDate: Num; deviation: Num; pace: string | null; previous?: number; growth?: Num; forecast?: number; contributors: Record<string, Contributor[] | null | undefined> | null }
interface BudgetLine { category: string; allocated: number; spent: number; remaining: number; overBudget: boolean; unbudgeted: boolean }
interface Budget { allocated: number; spent: number; remaining: number; overBudget: boolean; plans?: ({ salesPlanId: string; title: string; period: string; categories: BudgetLine[] } & Omit<BudgetLine, 'category' | 'unbudgeted'>)[] }
interface Action { actionId: string; title: string; due: string; ownerRepId: string | null; ownerColleague?: { name: string; department: string } | null; teamId: string | null; meetingId: string | null; status: string; daysOverdue: number; completedAt: string | null; outcome: string | null }
interface Alert { alertId: string; kind: string; ownerName: string | null; at: string; raisedAt: string; text: string }
interface Milestone { salesPlanId: string; milestoneId: string; title: string; due: string; ownerRepId?: string | null; status?: string }
interface TermRow { channel?: string | null; promotion?: string | null; revenue: number; orders: number; newCustomers: number; discount: number }
interface Channels { revenue: number; discount: number; byChannel: TermRow[]; byPromotion: TermRow[] }
interface Capacity { teamId: string; name: string; goal: number; perRep: number | null; repsNeeded: number | null; headcount: number; gap: number | null }
interface Segment { segment: string; segmentName?: string; customers: number }
interface Campaign { campaignId: string; title: string; budget: number; spend: number; revenue: number; newCustomers: number; roi: Num | string; channel?: string | null; promotionId?: string | null; from: string; to: string }
interface MarketShare { insightId: string; subject: string; region: string | null; marketSize: number; ourRevenue: number; share: Num | string; period: string; product: string | null }
interface Programme { trainingId: string; title: string; session: string; date: string; invited: number; attended: number }

/** What of a review the workbook shows (its JSON answer has more). */
export interface ReviewDocument {
  asOf: string;
  at: string;
  period: string;
  position: number;
  team: { teamId: string; name: string } | null;
  // the sections a review of this period has (every month, quarter and year has these)
  kpis?: Kpi[];
  deviations?: Kpi[];
  budget?: Budget | null;
  actionItems?: Action[] | null;
  overdueMilestones?: Milestone[] | null;
  alerts?: Alert[] | null;
  channels?: Channels | null;
  capacity?: Capacity[] | null;
  segments?: Segment[] | null;
  campaigns?: Campaign[] | null;
  marketShare?: MarketShare[] | null;
  programmes?: Programme[] | null;
}

/** A KPI's figures are in its metric's unit: revenue is money, the rest are counts. */
const unitOf = (metric: string) => (metric === 'revenue' ? 'money' : 'count') as 'money' | 'count';

const kpiColumns = (lang: Lang): Column<Kpi>[] => {
  const figure = (en: string, zh: string, get: (k: Kpi) => Num): Column<Kpi> => ({ heading: words(en, zh), kind: (k) => unitOf(k.metric), value: get });
  return [
    { heading: words('Metric', '指标'), kind: 'text', value: (k) => label(lang, 'metric', k.metric) },
    { heading: words('Goal', '目标'), kind: 'text', value: (k) => k.goalId },
    figure('Target', '目标值', (k) => k.target),
    figure('Actual', '实际', (k) => k.actual),
    { heading: words('Attainment', '达成率'), kind: 'ratio', value: (k) => k.attainment },
    figure('Expected to date', '截至目前应达', (k) => k.expectedToDate),
    figure('Deviation', '偏差', (k) => k.deviation),
    { heading: words('Pace', '进度'), kind: 'text', value: (k) => label(lang, 'pace', k.pace) },
    figure('Previous period', '上期', (k) => k.previous),
    { heading: words('Growth', '增长率'), kind: 'ratio', value: (k) => k.growth },
    figure('Forecast', '预测', (k) => k.forecast),
  ];
};

interface DeviationRow { metric: string; by: string; key: string | null; name: string | null; c: Partial<Contributor> }

const deviationRows = (deviations: readonly Kpi[]): DeviationRow[] =>
  deviations.flatMap((d) => [
    { metric: d.metric, by: 'total', key: d.goalId, name: null, c: { value: d.actual, target: d.target ?? undefined, expectedToDate: d.expectedToDate ?? undefined, deviation: d.deviation ?? undefined, previous: d.previous, change: d.previous === undefined ? undefined : d.actual - d.previous } },
    ...Object.entries(d.contributors ?? {}).flatMap(([by, list]) => (list ?? []).map((c) => ({ metric: d.metric, by, key: c.key, name: c.name ?? null, c }))),
  ]);

export const reviewWorkbook = (review: ReviewDocument, lang: Lang, currency: string, repName: (repId: string) => string | undefined): TallyWorkbook => {
  const wb = new TallyWorkbook(lang, currency);
  const metric = (m: string) => label(lang, 'metric', m);
  wb.facts(words('Review', '复盘'), [
    [words('Period', '期间'), 'text', review.period],
    [words('Team', '团队'), 'text', review.team ? `${review.team.name} (${review.team.teamId})` : lang === 'zh-CN' ? '全公司' : 'company'],
    [words('Known as of (recorded time)', '数据截至（记录时间）'), 'instant', review.asOf],
    [words('Measured at (business time)', '衡量时点（业务时间）'), 'instant', review.at],
    [words('Log position', '日志位置'), 'count', review.position],
    [words('Currency', '币种'), 'text', currency],
  ]);

  wb.table(words('KPIs', '关键指标'), kpiColumns(lang), review.kpis ?? []);

  const figure = (en: string, zh: string, get: (c: Partial<Contributor>) => Num): Column<DeviationRow> => ({ heading: words(en, zh), kind: (r) => unitOf(r.metric), value: (r) => get(r.c) });
  wb.table(words('Deviations', '偏差分析'), [
    { heading: words('Metric', '指标'), kind: 'text', value: (r) => metric(r.metric) },
    { heading: words('By', '维度'), kind: 'text', value: (r) => label(lang, 'by', r.by) },
    { heading: words('Key', '编号'), kind: 'text', value: (r) => r.key },
    { heading: words('Name', '名称'), kind: 'text', value: (r) => r.name },
    figure('Actual', '实际', (c) => c.value),
    figure('Previous period', '上期', (c) => c.previous),
    figure('Change', '变化', (c) => c.change),
    figure('Target', '目标值', (c) => c.target),
    figure('Expected to date', '截至目前应达', (c) => c.expectedToDate),
    figure('Deviation', '偏差', (c) => c.deviation),
  ], deviationRows(review.deviations ?? []));

  type BudgetRow = { plan: string | null; title: string | null; category: string | null; allocated: number; spent: number; remaining: number; overBudget: boolean; unbudgeted?: boolean };
  const plans = review.budget?.plans ?? [];
  const budgetRows: BudgetRow[] = [
    ...plans.flatMap((p): BudgetRow[] => [
      ...p.categories.map((c) => ({ plan: p.salesPlanId, title: p.title, ...c })),
      { plan: p.salesPlanId, title: p.title, category: label(lang, 'by', 'total'), allocated: p.allocated, spent: p.spent, remaining: p.remaining, overBudget: p.overBudget },
    ]),
    ...(review.budget && plans.length > 1 ? [{ plan: null, title: null, category: label(lang, 'by', 'total'), ...review.budget }] : []),
  ];
  wb.table(words('Budget', '预算'), [
    { heading: words('Sales plan', '销售计划'), kind: 'text', value: (r) => r.plan },
    { heading: words('Title', '标题'), kind: 'text', value: (r) => r.title },
    { heading: words('Category', '类别'), kind: 'text', value: (r) => r.category },
    { heading: words('Allocated', '预算'), kind: 'money', value: (r) => r.allocated },
    { heading: words('Spent', '实际支出'), kind: 'money', value: (r) => r.spent },
    { heading: words('Remaining', '剩余'), kind: 'money', value: (r) => r.remaining },
    { heading: words('Over budget', '超支'), kind: 'text', value: (r) => yesNo(lang, r.overBudget) },
    { heading: words('Unbudgeted', '预算外'), kind: 'text', value: (r) => yesNo(lang, r.unbudgeted) },
  ], budgetRows);

  wb.table(words('Action items', '行动项'), [
    { heading: words('Action item', '行动项'), kind: 'text', value: (a) => a.actionId },
    { heading: words('Title', '标题'), kind: 'text', value: (a) => a.title },
    { heading: words('Owner', '负责人'), kind: 'text', value: (a) => (a.ownerRepId ? `${repName(a.ownerRepId) ?? a.ownerRepId} (${a.ownerRepId})` : a.ownerColleague ? `${a.ownerColleague.name} (${a.ownerColleague.department})` : null) },
    { heading: words('Team', '团队'), kind: 'text', value: (a) => a.teamId },
    { heading: words('Meeting', '会议'), kind: 'text', value: (a) => a.meetingId },
    { heading: words('Due', '截止日期'), kind: 'date', value: (a) => a.due },
    { heading: words('Status', '状态'), kind: 'text', value: (a) => label(lang, 'action', a.status) },
    { heading: words('Days overdue', '逾期天数'), kind: 'count', value: (a) => a.daysOverdue },
    { heading: words('Completed at', '完成时间'), kind: 'instant', value: (a) => a.completedAt },
    { heading: words('Outcome', '结果'), kind: 'text', value: (a) => a.outcome, width: 40 },
  ], review.actionItems ?? []);

  wb.table(words('Overdue milestones', '逾期里程碑'), [
    { heading: words('Sales plan', '销售计划'), kind: 'text', value: (m) => m.salesPlanId },
    { heading: words('Milestone', '里程碑'), kind: 'text', value: (m) => m.milestoneId },
    { heading: words('Title', '标题'), kind: 'text', value: (m) => m.title },
    { heading: words('Due', '截止日期'), kind: 'date', value: (m) => m.due },
    { heading: words('Owner', '负责人'), kind: 'text', value: (m) => (m.ownerRepId ? `${repName(m.ownerRepId) ?? m.ownerRepId} (${m.ownerRepId})` : null) },
  ], review.overdueMilestones ?? []);

  wb.table(words('Alerts', '提醒'), [
    { heading: words('Raised at', '提醒时间'), kind: 'instant', value: (a) => a.raisedAt },
    { heading: words('Kind', '类型'), kind: 'text', value: (a) => alertKindIn(a.kind, lang) },
    { heading: words('Alert', '提醒内容'), kind: 'text', value: (a) => a.text, width: 40 },
    { heading: words('Owner', '负责人'), kind: 'text', value: (a) => a.ownerName ?? (lang === 'zh-CN' ? '全公司' : 'company') },
    { heading: words('Since', '起始时间'), kind: 'instant', value: (a) => a.at },
    { heading: words('Alert id', '提醒编号'), kind: 'text', value: (a) => a.alertId },
  ], review.alerts ?? []);

  planSheets(wb, review, lang);
  return wb;
};

/** The plan's market and people sections, one sheet each, in the order the review panel shows them. */
const planSheets = (wb: TallyWorkbook, review: ReviewDocument, lang: Lang) => {
  const none = lang === 'zh-CN' ? '（无）' : '(none)';
  const termColumns = (heading: Readonly<Record<Lang, string>>, term: (r: TermRow) => string | null | undefined): Column<TermRow>[] => [
    { heading, kind: 'text', value: (r) => term(r) ?? none },
    { heading: words('Revenue', '销售额'), kind: 'money', value: (r) => r.revenue },
    { heading: words('Orders', '订单数'), kind: 'count', value: (r) => r.orders },
    { heading: words('New customers', '新客户'), kind: 'count', value: (r) => r.newCustomers },
    { heading: words('Discount given', '折让金额'), kind: 'money', value: (r) => r.discount },
  ];
  wb.table(words('Channels', '渠道'), termColumns(words('Channel', '渠道'), (r) => r.channel), review.channels?.byChannel ?? []);
  wb.table(words('Promotions', '促销'), termColumns(words('Promotion', '促销'), (r) => r.promotion), review.channels?.byPromotion ?? []);

  wb.table(words('Capacity', '人力配置'), [
    { heading: words('Team', '团队'), kind: 'text', value: (c) => `${c.name} (${c.teamId})` },
    { heading: words('Revenue goal', '销售额目标'), kind: 'money', value: (c) => c.goal },
    { heading: words('Revenue per rep', '人均销售额'), kind: 'money', value: (c) => c.perRep },
    { heading: words('Reps needed', '所需人数'), kind: 'count', value: (c) => c.repsNeeded },
    { heading: words('Headcount', '现有人数'), kind: 'count', value: (c) => c.headcount },
    { heading: words('Gap', '缺口'), kind: 'count', value: (c) => c.gap },
  ], review.capacity ?? []);

  wb.table(words('Segments', '客户分群'), [
    { heading: words('Segment', '分群'), kind: 'text', value: (s) => s.segmentName ?? s.segment },
    { heading: words('Customers', '客户数'), kind: 'count', value: (s) => s.customers },
  ], review.segments ?? []);

  wb.table(words('Campaigns', '营销活动'), [
    { heading: words('Campaign', '活动'), kind: 'text', value: (c) => c.campaignId },
    { heading: words('Title', '标题'), kind: 'text', value: (c) => c.title },
    { heading: words('From', '开始日期'), kind: 'date', value: (c) => c.from },
    { heading: words('To', '结束日期'), kind: 'date', value: (c) => c.to },
    { heading: words('Channel', '渠道'), kind: 'text', value: (c) => c.channel ?? null },
    { heading: words('Promotion', '促销'), kind: 'text', value: (c) => c.promotionId ?? null },
    { heading: words('Budget', '预算'), kind: 'money', value: (c) => c.budget },
    { heading: words('Spend', '实际支出'), kind: 'money', value: (c) => c.spend },
    { heading: words('Revenue', '销售额'), kind: 'money', value: (c) => c.revenue },
    { heading: words('New customers', '新客户'), kind: 'count', value: (c) => c.newCustomers },
    { heading: words('Return on spend', '投入产出比'), kind: 'ratio', value: (c) => c.roi },
  ], review.campaigns ?? []);

  wb.table(words('Market share', '市场份额'), [
    { heading: words('Insight', '洞察'), kind: 'text', value: (m) => m.insightId },
    { heading: words('Subject', '主题'), kind: 'text', value: (m) => m.subject },
    { heading: words('Period', '期间'), kind: 'text', value: (m) => m.period },
    { heading: words('Region', '区域'), kind: 'text', value: (m) => m.region },
    { heading: words('Product', '产品'), kind: 'text', value: (m) => m.product },
    { heading: words('Market size', '市场规模'), kind: 'money', value: (m) => m.marketSize },
    { heading: words('Our revenue', '我方销售额'), kind: 'money', value: (m) => m.ourRevenue },
    { heading: words('Share', '份额'), kind: 'ratio', value: (m) => m.share },
  ], review.marketShare ?? []);

  wb.table(words('Programmes', '培训项目'), [
    { heading: words('Training', '培训'), kind: 'text', value: (p) => p.trainingId },
    { heading: words('Programme', '项目'), kind: 'text', value: (p) => p.title },
    { heading: words('Session', '课程'), kind: 'text', value: (p) => p.session },
    { heading: words('Date', '日期'), kind: 'date', value: (p) => p.date },
    { heading: words('Invited', '应到'), kind: 'count', value: (p) => p.invited },
    { heading: words('Attended', '实到'), kind: 'count', value: (p) => p.attended },
  ], review.programmes ?? []);
};
