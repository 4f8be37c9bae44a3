// A statement line's rule in Simplified Chinese, for a sales rep who reads why they were paid:
// money as ¥1,234.56 (another currency by its code), percentages as 3%, units as 件.
import type Decimal from 'decimal.js';
import { Dec } from '../../shared/money';
import { boundValue, group, percent, type Measure } from './format';
import type { RuleOf as Rule, RuleWords } from './types';

const money = (minor: Decimal.Value, currency: string): string => {
  const text = group(new Dec(minor).dividedBy(100).toFixed(2));
  const sign = text.startsWith('-') ? '-' : '';
  return `${sign}${currency === 'CNY' ? '¥' : `${currency} `}${sign ? text.slice(1) : text}`;
};

const measureText = (value: Decimal.Value, measure: Measure, currency: string): string =>
  measure === 'revenue' ? money(value, currency) : `${group(new Dec(value).toString())} 件`;

const rateText = (rate: string, measure: Measure, currency: string): string => (measure === 'revenue' ? `比率 ${percent(rate)}` : `每件 ${money(rate, currency)}`);

const METHOD = { marginal: '分段累进', flat: '全额按档' } as const;
const SCOPE = { cumulative: '按本期累计', perTransaction: '逐单计算' } as const;
const SCOPE_WORDS = {
  'marginal/cumulative': '本期累计额按档分段，各段按本档比率计算，跨档的订单拆分计入各档',
  'flat/cumulative': '本期累计额达到哪一档，全部金额都按该档比率计算',
  'marginal/perTransaction': '每笔订单单独从第 1 档起分段计算，跨档部分拆分计入各档',
  'flat/perTransaction': '每笔订单单独按其达到的档位比率计算',
} as const;

const span = (from: string, to: string | null) => (to === null ? `${from} 及以上` : `${from}–${to}`);

// The name (before '：') stays short for the statement's first column: the tier and its band;
// the money range, rate, method and boundary are the how.
const tier = (r: Rule<'tier'>, currency: string): string => {
  const value = (bound: string) => measureText(boundValue(bound, r.quota).toDecimalPlaces(4), r.measure, currency);
  const range = span(value(r.from), r.to === null ? null : value(r.to));
  const band = r.tierBasis === 'attainment' ? `配额的 ${span(percent(r.from), r.to === null ? null : percent(r.to))}` : range;
  const boundary = `恰好落在档位边界上的数值归入${r.boundary === 'upper' ? '较高' : '较低'}一档`;
  return `提成第 ${r.index} 档（共 ${r.of} 档，${band}）：${r.tierBasis === 'attainment' ? `对应 ${range}，` : ''}${rateText(r.rate, r.measure, currency)}；${METHOD[r.method]}，${SCOPE[r.scope]}——${SCOPE_WORDS[`${r.method}/${r.scope}`]}；${boundary}`;
};

const bonus = (r: Rule<'bonus'>, currency: string): string => {
  const m = (v: Decimal.Value) => measureText(v, r.measure, currency);
  return `奖金 ${r.bonusId}：达成率不低于 ${percent(r.attainmentAtLeast)}（配额 ${m(r.quota)}，须完成 ${m(new Dec(r.attainmentAtLeast).times(r.quota))}），本期完成 ${m(r.achieved)}，已达到`;
};

const spiff = (r: Rule<'spiff'>, currency: string): string => {
  const unit = r.per === 'order' ? '单' : '件';
  const min = r.minUnits !== undefined ? `（订单须含至少 ${r.minUnits} 件）` : '';
  return `专项激励 ${r.spiffId}：${r.product} 每${unit} ${money(r.amount, currency)}${min}；共 ${r.count} ${unit}，拆分的销售按本人份额计`;
};

const draw = (r: Rule<'draw'>, currency: string): string =>
  r.step === 'top-up'
    ? `保底（${r.recoverable ? '可追回' : '不可追回'}）${money(r.amount, currency)}：本期应得 ${money(r.earnings, currency)}，已补足至保底${r.recoverable ? `；现欠 ${money(r.owed, currency)}，从以后的应得中扣回` : '，无需偿还'}`
    : `保底扣回：此前保底共欠 ${money(r.owed, currency)}，从本期应得超出保底 ${money(r.amount, currency)} 的部分中扣回 ${money(r.recovered, currency)}`;

const adjustment = (r: Rule<'adjustment'>, currency: string): string =>
  r.cause === 'dispute'
    ? `异议 ${r.disputeId} 成立（${r.disputedPeriod} 的 ${r.lineId} 项）：${r.note}`
    : `${r.approvedPeriod} 补差：该期已于事件 #${r.approvalPosition} 批准，金额 ${money(r.paid, currency)}${r.settled !== undefined ? `，此后已调整 ${money(r.settled, currency)}` : ''}；计入批准后记录的 ${r.events} 个事件重新计算为 ${money(r.recomputed, currency)}；已批准的结算单保持不变，差额在此结算`;

export const zhCN: RuleWords = {
  tier,
  bonus,
  spiff,
  cap: (r, currency) => `封顶：每期提成、奖金和专项激励合计不超过 ${money(r.amount, currency)}；本期计得 ${money(r.earned, currency)}`,
  clawback: (r, currency) => `追回：订单 ${r.orderId} 于 ${r.salePeriod} 售出，售出后 ${r.windowDays} 天内退款 ${money(r.refunded, currency)}，按当时支付的 ${percent(new Dec(r.ratePaid).toDecimalPlaces(6))} 追回提成`,
  draw,
  adjustment,
};
