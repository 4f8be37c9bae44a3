// Statement line descriptions from their rules, in English (the wording statements have always
// had) and in Simplified Chinese, for every kind of rule; and a statement read in either language.
import { describe, expect, it } from 'vitest';
import { describeLine, inLanguage } from '../../../core/incentives/calculate/describe';
import { ownLines } from '../../../core/incentives/calculate/statement';
import type { LineRule, StatementBody } from '../../../core/incentives/calculate/types';
import { facts, plan, rule, sale } from './facts';

const tier = (over: Partial<Extract<LineRule, { kind: 'tier' }>> = {}): LineRule => ({
  kind: 'tier', index: 1, of: 3, measure: 'revenue', tierBasis: 'attainment', from: '0', to: '0.8', quota: 12_000_000, rate: '0.03',
  method: 'marginal', scope: 'cumulative', boundary: 'upper', ...over,
});

// [rule, English, Chinese]: one row per kind of rule and per branch of its wording
const CASES: [string, LineRule, string, string][] = [
  [
    'tier by attainment, marginal over the period',
    tier(),
    'Commission tier 1 of 3 (0%–80% of quota, CNY 0.00–CNY 96,000.00) at 3%: marginal, cumulative, boundary upper — each band of the period-to-date total at its own rate, a deal straddling a bound split across bands; a value exactly on a bound takes the tier above',
    '提成第 1 档（共 3 档，配额的 0%–80%）：对应 ¥0.00–¥96,000.00，比率 3%；分段累进，按本期累计——本期累计额按档分段，各段按本档比率计算，跨档的订单拆分计入各档；恰好落在档位边界上的数值归入较高一档',
  ],
  [
    'open-ended tier by amount, flat per order, boundary lower',
    tier({ index: 3, tierBasis: 'amount', from: '800000', to: null, quota: undefined, rate: '0.05', method: 'flat', scope: 'perTransaction', boundary: 'lower' }),
    'Commission tier 3 of 3 (CNY 8,000.00 and above) at 5%: flat, perTransaction, boundary lower — each order on its own at the rate of the tier it reaches; a value exactly on a bound takes the tier below',
    '提成第 3 档（共 3 档，¥8,000.00 及以上）：比率 5%；全额按档，逐单计算——每笔订单单独按其达到的档位比率计算；恰好落在档位边界上的数值归入较低一档',
  ],
  [
    'tier of a units plan, flat over the period',
    tier({ index: 2, of: 2, measure: 'units', tierBasis: 'amount', from: '1000', to: '2500', quota: undefined, rate: '500', method: 'flat' }),
    "Commission tier 2 of 2 (1,000 units–2,500 units) at CNY 5.00 per unit: flat, cumulative, boundary upper — the rate of the tier the period's total reaches, on the whole total; a value exactly on a bound takes the tier above",
    '提成第 2 档（共 2 档，1,000 件–2,500 件）：每件 ¥5.00；全额按档，按本期累计——本期累计额达到哪一档，全部金额都按该档比率计算；恰好落在档位边界上的数值归入较高一档',
  ],
  [
    'tier marginal per order',
    tier({ tierBasis: 'amount', from: '0', to: '100000', quota: undefined, rate: '0.01', scope: 'perTransaction' }),
    'Commission tier 1 of 3 (CNY 0.00–CNY 1,000.00) at 1%: marginal, perTransaction, boundary upper — each order on its own from tier 1, split across bands; a value exactly on a bound takes the tier above',
    '提成第 1 档（共 3 档，¥0.00–¥1,000.00）：比率 1%；分段累进，逐单计算——每笔订单单独从第 1 档起分段计算，跨档部分拆分计入各档；恰好落在档位边界上的数值归入较高一档',
  ],
  [
    'bonus',
    { kind: 'bonus', bonusId: 'B100', measure: 'revenue', attainmentAtLeast: '1', quota: 1_000_000, achieved: 1_100_000 },
    'Bonus B100: attainment of at least 100% (CNY 10,000.00 of a CNY 10,000.00 quota) reached with CNY 11,000.00',
    '奖金 B100：达成率不低于 100%（配额 ¥10,000.00，须完成 ¥10,000.00），本期完成 ¥11,000.00，已达到',
  ],
  [
    'SPIFF per order with a minimum',
    { kind: 'spiff', spiffId: 'S-AN', product: 'ANALYTICS', per: 'order', amount: 1_001, minUnits: 2, count: 3 },
    "SPIFF S-AN: CNY 10.01 per order of ANALYTICS (orders with at least 2 unit(s)); 3 order(s), split sales at the rep's share",
    '专项激励 S-AN：ANALYTICS 每单 ¥10.01（订单须含至少 2 件）；共 3 单，拆分的销售按本人份额计',
  ],
  [
    'SPIFF per unit',
    { kind: 'spiff', spiffId: 'S-TR', product: 'TRAINING', per: 'unit', amount: 500, count: 3 },
    "SPIFF S-TR: CNY 5.00 per unit of TRAINING; 3 unit(s), split sales at the rep's share",
    '专项激励 S-TR：TRAINING 每件 ¥5.00；共 3 件，拆分的销售按本人份额计',
  ],
  [
    'cap',
    { kind: 'cap', amount: 150_000, earned: 160_000 },
    'Cap: commission, bonuses and SPIFFs of a period are limited to CNY 1,500.00; CNY 1,600.00 earned',
    '封顶：每期提成、奖金和专项激励合计不超过 ¥1,500.00；本期计得 ¥1,600.00',
  ],
  [
    'clawback',
    { kind: 'clawback', orderId: 'txn_6Bv2Mq', refunded: 4_900, windowDays: 30, salePeriod: '2026-07', ratePaid: '0.3' },
    'Clawback: CNY 49.00 refunded on order txn_6Bv2Mq within 30 days of its sale in 2026-07, at the 30% paid on it',
    '追回：订单 txn_6Bv2Mq 于 2026-07 售出，售出后 30 天内退款 ¥49.00，按当时支付的 30% 追回提成',
  ],
  [
    'recoverable draw topped up',
    { kind: 'draw', step: 'top-up', recoverable: true, amount: 150_000, earnings: 50_000, owed: 100_000 },
    'Draw (recoverable) of CNY 1,500.00: earnings of CNY 500.00 topped up; CNY 1,000.00 now owed, recovered from later earnings',
    '保底（可追回）¥1,500.00：本期应得 ¥500.00，已补足至保底；现欠 ¥1,000.00，从以后的应得中扣回',
  ],
  [
    'non-recoverable draw topped up',
    { kind: 'draw', step: 'top-up', recoverable: false, amount: 150_000, earnings: 50_000, owed: 0 },
    'Draw (non-recoverable) of CNY 1,500.00: earnings of CNY 500.00 topped up, not to be paid back',
    '保底（不可追回）¥1,500.00：本期应得 ¥500.00，已补足至保底，无需偿还',
  ],
  [
    'draw recovered',
    { kind: 'draw', step: 'recovery', amount: 150_000, recovered: 100_000, owed: 100_000 },
    'Draw recovery: CNY 1,000.00 of the CNY 1,000.00 owed from earlier draws, from earnings above the CNY 1,500.00 draw',
    '保底扣回：此前保底共欠 ¥1,000.00，从本期应得超出保底 ¥1,500.00 的部分中扣回 ¥1,000.00',
  ],
  [
    'late change to an approved period',
    { kind: 'adjustment', cause: 'late', approvedPeriod: '2026-07', approvalPosition: 41, paid: 40_000, recomputed: 52_500, events: 2 },
    'Adjustment for 2026-07, approved at position 41 with CNY 400.00: recomputed with 2 event(s) recorded after approval it comes to CNY 525.00; the approved statement stays as approved and the difference is settled here',
    '2026-07 补差：该期已于事件 #41 批准，金额 ¥400.00；计入批准后记录的 2 个事件重新计算为 ¥525.00；已批准的结算单保持不变，差额在此结算',
  ],
  [
    'late change, already adjusted once (a negative settlement)',
    { kind: 'adjustment', cause: 'late', approvedPeriod: '2026-07', approvalPosition: 41, paid: 40_000, settled: -1_234_567, recomputed: 30_000, events: 1 },
    'Adjustment for 2026-07, approved at position 41 with CNY 400.00 and adjusted by CNY -12,345.67 since: recomputed with 1 event(s) recorded after approval it comes to CNY 300.00; the approved statement stays as approved and the difference is settled here',
    '2026-07 补差：该期已于事件 #41 批准，金额 ¥400.00，此后已调整 -¥12,345.67；计入批准后记录的 1 个事件重新计算为 ¥300.00；已批准的结算单保持不变，差额在此结算',
  ],
  [
    'upheld dispute',
    { kind: 'adjustment', cause: 'dispute', disputeId: 'D-1', lineId: 'commission:tier-1', disputedPeriod: '2026-07', note: 'O-77 归属错误' },
    'Dispute D-1 on line commission:tier-1 of 2026-07 upheld: O-77 归属错误',
    '异议 D-1 成立（2026-07 的 commission:tier-1 项）：O-77 归属错误',
  ],
];

describe('a line rule in words', () => {
  it.each(CASES)('%s: English, the default', (_, r, en) => {
    expect(describeLine(r, 'CNY')).toBe(en);
    expect(describeLine(r, 'CNY', 'en')).toBe(en);
  });

  it.each(CASES)('%s: Chinese', (_, r, __, zh) => {
    expect(describeLine(r, 'CNY', 'zh-CN')).toBe(zh);
  });

  it('covers every kind of rule, and every cause of an adjustment', () => {
    expect(new Set(CASES.map(([, r]) => r.kind))).toEqual(new Set(['tier', 'bonus', 'spiff', 'cap', 'clawback', 'draw', 'adjustment']));
    expect(new Set(CASES.map(([, r]) => (r.kind === 'adjustment' ? r.cause : r.kind === 'draw' ? r.step : '')))).toEqual(new Set(['', 'late', 'dispute', 'top-up', 'recovery']));
  });

  it('writes another currency by its code in Chinese', () => {
    expect(describeLine({ kind: 'cap', amount: 150_000, earned: 160_000 }, 'USD', 'zh-CN')).toBe('封顶：每期提成、奖金和专项激励合计不超过 USD 1,500.00；本期计得 USD 1,600.00');
  });
});

describe('a statement in the reader’s language', () => {
  // the worked example of the bonus and the cap (pieces.spec.ts): a tier, a bonus and a cap line
  const p = plan({ quota: { amount: 1_000_000 }, commission: rule([[0, undefined, '0.10']]), bonuses: [{ bonusId: 'B100', attainmentAtLeast: '1', amount: 50_000 }], cap: { amount: 150_000 } });
  const own = ownLines(facts(p, '2026-07', [sale('O-1', 600_000, '2026-07-01T10:00:00+08:00'), sale('O-2', 500_000, '2026-07-02T10:00:00+08:00')], { quota: 1_000_000 }));
  const body = { currency: 'CNY', lines: own.lines } as unknown as StatementBody;

  it('gives every line its rule as data, and its English words from that rule', () => {
    expect(own.lines.map((l) => l.rule)).toEqual([
      { kind: 'tier', index: 1, of: 1, measure: 'revenue', tierBasis: 'amount', from: '0', to: null, rate: '0.1', method: 'marginal', scope: 'cumulative', boundary: 'upper' },
      { kind: 'bonus', bonusId: 'B100', measure: 'revenue', attainmentAtLeast: '1', quota: 1_000_000, achieved: 1_100_000 },
      { kind: 'cap', amount: 150_000, earned: 160_000 },
    ]);
    // the words of the CASES rows above for the same rules: an open-ended marginal tier, the bonus row, the cap row
    expect(own.lines.map((l) => l.description)).toEqual([
      'Commission tier 1 of 1 (CNY 0.00 and above) at 10%: marginal, cumulative, boundary upper — each band of the period-to-date total at its own rate, a deal straddling a bound split across bands; a value exactly on a bound takes the tier above',
      'Bonus B100: attainment of at least 100% (CNY 10,000.00 of a CNY 10,000.00 quota) reached with CNY 11,000.00',
      'Cap: commission, bonuses and SPIFFs of a period are limited to CNY 1,500.00; CNY 1,600.00 earned',
    ]);
  });

  it('rewords each line in Chinese and changes nothing else', () => {
    const zh = inLanguage(body, 'zh-CN');
    expect(zh.lines.map((l) => l.description)).toEqual([
      '提成第 1 档（共 1 档，¥0.00 及以上）：比率 10%；分段累进，按本期累计——本期累计额按档分段，各段按本档比率计算，跨档的订单拆分计入各档；恰好落在档位边界上的数值归入较高一档',
      '奖金 B100：达成率不低于 100%（配额 ¥10,000.00，须完成 ¥10,000.00），本期完成 ¥11,000.00，已达到',
      '封顶：每期提成、奖金和专项激励合计不超过 ¥1,500.00；本期计得 ¥1,600.00',
    ]);
    expect(zh.lines.map(({ description: _, ...rest }) => rest)).toEqual(own.lines.map(({ description: _, ...rest }) => rest));
    expect(inLanguage(zh, 'en').lines).toEqual(own.lines);
  });

  it('keeps the words of a line approved before lines carried their rule', () => {
    const old = { currency: 'CNY', lines: [{ lineId: 'commission:tier-1', kind: 'commission', description: 'tier 1', basis: 1000, rate: '0.05', amount: 50, citations: [3] }] } as unknown as StatementBody;
    expect(inLanguage(old, 'zh-CN').lines[0].description).toBe('tier 1');
  });
});
