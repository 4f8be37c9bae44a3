// A payout statement as an Excel workbook: GET /api/payouts/:repId's answer in the reader's
// language — what it is of (rep, period, plan version, quota, achieved, attainment, total, status,
// statementHash), then each line with its kind, its rule in words and as data, basis, rate, amount
// and the log positions it cites, and a total row that is the sum of the rounded lines.
import type { Lang } from '../../core/incentives/calculate/describe';
import type { StatementLine } from '../../core/incentives/calculate/types';
import { TallyWorkbook, words, type CellKind } from './workbook';
import { label } from './words';

/** What of a statement the workbook shows (statementView in projections/statements.ts). */
export interface StatementDocument {
  repId: string;
  period: string;
  measure: 'revenue' | 'units' | null;
  currency: string;
  plan: { planId: string; version: number; name: string; position: number } | null;
  quota: number | null;
  achieved: number;
  attainment: number | null;
  lines: readonly StatementLine[];
  total: number;
  warnings?: readonly string[];
  status: string;
  statementHash: string;
  approval: { position: number; approvedAt: string; approvedBy: string } | null;
  asOf: string;
}

/** A measure value is money when the measure is revenue (fen), else a count of units. */
const measureKind = (measure: string | null | undefined): CellKind => (measure === 'units' ? 'count' : 'money');

/** What a line's basis is in: the measure for tiers and bonuses, a count of orders or units for a SPIFF, money otherwise (earnings, refunds, a recomputed total). */
const basisKind = (l: StatementLine, measure: string | null): CellKind => {
  const m = l.rule && 'measure' in l.rule ? l.rule.measure : measure;
  return l.kind === 'commission' || l.kind === 'bonus' ? measureKind(m) : l.kind === 'spiff' ? 'count' : 'money';
};

/** A rate is per fen of revenue (a ratio) — or money per unit or order (a SPIFF, a tier on units). */
const rateKind = (l: StatementLine, measure: string | null): CellKind => (l.kind === 'spiff' || basisKind(l, measure) === 'count' ? 'money' : 'ratio');

export const statementWorkbook = (s: StatementDocument, lang: Lang, repName: string | undefined): TallyWorkbook => {
  const wb = new TallyWorkbook(lang, s.currency);
  wb.facts(words('Statement', '对账单'), [
    [words('Rep', '销售代表'), 'text', repName ? `${repName} (${s.repId})` : s.repId],
    [words('Period', '期间'), 'text', s.period],
    [words('Plan', '提成方案'), 'text', s.plan ? `${s.plan.name} (${s.plan.planId} v${s.plan.version})` : null],
    [words('Plan published at position', '方案发布位置'), 'count', s.plan?.position],
    [words('Quota', '指标'), measureKind(s.measure), s.quota],
    [words('Achieved', '完成'), measureKind(s.measure), s.achieved],
    [words('Attainment', '达成率'), 'ratio', s.attainment],
    [words('Total', '合计'), 'money', s.total],
    [words('Status', '状态'), 'text', label(lang, 'statement', s.status)],
    [words('Approved at', '批准时间'), 'instant', s.approval?.approvedAt],
    [words('Approved by', '批准人'), 'text', s.approval?.approvedBy],
    [words('Statement hash (SHA-256)', '对账单哈希（SHA-256）'), 'text', s.statementHash],
    [words('Known as of (recorded time)', '数据截至（记录时间）'), 'instant', s.asOf],
    [words('Currency', '币种'), 'text', s.currency],
    ...(s.warnings ?? []).map((w) => [words('Warning', '提示'), 'text', w] as const),
  ]);
  type Row = StatementLine | { total: number };
  const line = (r: Row): StatementLine | undefined => ('lineId' in r ? r : undefined);
  wb.table<Row>(words('Lines', '明细'), [
    { heading: words('Line', '明细项'), kind: 'text', value: (r) => line(r)?.lineId ?? label(lang, 'by', 'total') },
    { heading: words('Kind', '类型'), kind: 'text', value: (r) => label(lang, 'line', line(r)?.kind) },
    { heading: words('Rule', '规则'), kind: 'text', value: (r) => line(r)?.description, width: 60 },
    { heading: words('Basis', '计算基数'), kind: (r) => (line(r) ? basisKind(line(r)!, s.measure) : 'text'), value: (r) => line(r)?.basis },
    { heading: words('Rate', '比率'), kind: (r) => (line(r) ? rateKind(line(r)!, s.measure) : 'text'), value: (r) => line(r)?.rate },
    { heading: words('Amount', '金额'), kind: 'money', value: (r) => ('lineId' in r ? r.amount : r.total) },
    { heading: words('Cited log positions', '引用的日志位置'), kind: 'text', value: (r) => line(r)?.citations.join(', '), width: 40 },
    { heading: words('Settles period', '所属期间'), kind: 'text', value: (r) => line(r)?.origin },
    { heading: words('Rule as data (JSON)', '规则数据（JSON）'), kind: 'text', value: (r) => (line(r)?.rule ? JSON.stringify(line(r)!.rule) : null), width: 40 },
  ], [...s.lines, { total: s.total }]);
  return wb;
};
