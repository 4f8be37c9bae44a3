// A period review as an Excel workbook: the figures of GET /api/reviews/:period as the caller may
// read them (the same answer, redacted the same way), one sheet each for what the review is of,
// its KPIs, the deviations with who moved them, budget against actual, action items, overdue
// milestones and the period's alerts. Money in the deployment currency's major unit with a currency format.
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
  return wb;
};
