// The calculator at the edges a rep or an auditor argues about: a refund on the last day of the
// clawback window, earnings exactly at the cap or the draw, the credit that finally carried a rep
// over a bonus line, a refund that takes a total back below a tier bound. Figures in fen.
import { describe, expect, it } from 'vitest';
import { clawbackLines, withinWindow } from '../../../core/incentives/calculate/clawback';
import { drawLines } from '../../../core/incentives/calculate/draw';
import { ownLines } from '../../../core/incentives/calculate/statement';
import { sumAmounts } from '../../../core/incentives/calculate/types';
import { Dec } from '../../../core/shared/money';
import { facts, plan, PLAN_POSITION, refund, rule, sale } from './facts';

const JUL = (d: number) => `2026-07-${String(d).padStart(2, '0')}T10:00:00+08:00`;
const DAY = 86_400_000;

describe('the clawback window', () => {
  // sold 20 July 10:00; a 30-day window runs to 19 August 10:00 included
  const sold = sale('O-1', 4_900, JUL(20));
  const refundAt = (ms: number, position = 900) => ({ ...refund('O-1', 4_900, JUL(20), position), ms });

  it('includes its last millisecond and nothing after', () => {
    expect(withinWindow(refundAt(sold.ms + 30 * DAY), sold, 30)).toBe(true);
    expect(withinWindow(refundAt(sold.ms + 30 * DAY + 1), sold, 30)).toBe(false);
    expect(withinWindow(refundAt(sold.ms), sold, 0)).toBe(true);
  });

  it('claws back 4,900 × 30 % = 1,470 on the window’s last day, citing the sale, the refund and the plan', () => {
    const r = refundAt(sold.ms + 30 * DAY);
    const lines = clawbackLines(30, [{ refund: r, sale: sold, salePeriod: '2026-07', ratePaid: new Dec('0.3') }], 'CNY', [PLAN_POSITION]);
    expect(lines).toEqual([
      {
        lineId: `clawback:O-1:${r.position}`,
        kind: 'clawback',
        description: 'Clawback: CNY 49.00 refunded on order O-1 within 30 days of its sale in 2026-07, at the 30% paid on it',
        rule: { kind: 'clawback', orderId: 'O-1', refunded: 4_900, windowDays: 30, salePeriod: '2026-07', ratePaid: '0.3' },
        basis: 4_900,
        rate: '0.3',
        amount: -1_470,
        citations: [PLAN_POSITION, sold.position, r.position].sort((a, b) => a - b),
      },
    ]);
  });

  it('takes back nothing when nothing was paid on the sale, or the refund came after the window', () => {
    const r = refundAt(sold.ms + DAY);
    expect(clawbackLines(30, [{ refund: r, sale: sold, salePeriod: '2026-07', ratePaid: new Dec(0) }], 'CNY', [1])).toEqual([]);
    expect(clawbackLines(30, [{ refund: r, sale: sold, salePeriod: '2026-07', ratePaid: null }], 'CNY', [1])).toEqual([]);
    expect(clawbackLines(30, [{ refund: refundAt(sold.ms + 31 * DAY), sale: sold, salePeriod: '2026-07', ratePaid: new Dec('0.3') }], 'CNY', [1])).toEqual([]);
  });

  it('rounds the clawback half away from zero: 4,905 × 0.3 = 1,471.5 → −1,472', () => {
    const r = { ...refundAt(sold.ms + DAY), amount: -4_905 };
    expect(clawbackLines(30, [{ refund: r, sale: sold, salePeriod: '2026-07', ratePaid: new Dec('0.3') }], 'CNY', [1]).map((l) => l.amount)).toEqual([-1_472]);
  });

  it('through a statement: a refund in August of a July sale under a clawback plan is a clawback, not a lower base', () => {
    const p = plan({ clawback: { windowDays: 30 }, commission: rule([[0, undefined, '0.30']]) });
    const aug = refund('O-1', 4_900, '2026-08-19T10:00:00+08:00');
    const r = ownLines(facts(p, '2026-08', [sale('O-2', 10_000, '2026-08-01T10:00:00+08:00'), aug], { earlierSales: [sold], ratePaid: () => new Dec('0.3') }));
    // base: O-2's 10,000 at 30 % = 3,000; the refund claws back 1,470 on its own line
    expect(r.achieved).toBe(10_000);
    expect(r.lines.map((l) => [l.lineId, l.amount])).toEqual([['commission:tier-1', 3_000], [`clawback:O-1:${aug.position}`, -1_470]]);
    expect(r.inputs).toContain(sold.position);
  });
});

describe('the cap', () => {
  const capped = (amount: number) => plan({ commission: rule([[0, undefined, '0.10']]), cap: { amount } });

  it('leaves earnings exactly at the cap alone, and takes off the one fen above it', () => {
    // 100,000 at 10 % = 10,000
    expect(ownLines(facts(capped(10_000), '2026-07', [sale('O-1', 100_000, JUL(1))])).lines.map((l) => l.kind)).toEqual(['commission']);
    const r = ownLines(facts(capped(9_999), '2026-07', [sale('O-1', 100_000, JUL(1))]));
    expect(r.lines.map((l) => [l.kind, l.basis, l.amount])).toEqual([['commission', 100_000, 10_000], ['cap', 10_000, -1]]);
    expect(sumAmounts(r.lines)).toBe(9_999);
  });
});

describe('draws at the line', () => {
  it('earnings exactly at the draw: no top-up, nothing recovered, the balance carried as it was', () => {
    expect(drawLines({ amount: 150_000, recoverable: true }, 150_000, 40_000, 'CNY', [1])).toEqual({ lines: [], balanceAfter: 40_000 });
    expect(drawLines({ amount: 150_000, recoverable: false }, 150_000, 0, 'CNY', [1])).toEqual({ lines: [], balanceAfter: 0 });
  });

  it('a fen below the draw is topped up by a fen, added to what is owed', () => {
    const r = drawLines({ amount: 150_000, recoverable: true }, 149_999, 40_000, 'CNY', [7]);
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount, l.citations])).toEqual([['draw:top-up', 149_999, 1, [7]]]);
    expect(r.balanceAfter).toBe(40_001);
  });

  it('recovers the whole balance when earnings above the draw cover it, and says so', () => {
    // 200,000 earned, 150,000 draw: 50,000 above it covers the 30,000 owed
    const r = drawLines({ amount: 150_000, recoverable: true }, 200_000, 30_000, 'CNY', [1]);
    expect(r.lines.map((l) => [l.lineId, l.amount, l.description])).toEqual([
      ['draw:recovery', -30_000, 'Draw recovery: CNY 300.00 of the CNY 300.00 owed from earlier draws, from earnings above the CNY 1,500.00 draw'],
    ]);
    expect(r.balanceAfter).toBe(0);
  });
});

describe('bonuses', () => {
  const p = plan({
    quota: { amount: 1_000 },
    // given out of order: lines come by threshold, then by id
    bonuses: [
      { bonusId: 'B-150', attainmentAtLeast: '1.5', amount: 300 },
      { bonusId: 'B-100b', attainmentAtLeast: '1', amount: 200 },
      { bonusId: 'B-100a', attainmentAtLeast: '1.0', amount: 100 },
    ],
  });

  it('cites the credit that finally carried the rep over the line, after a refund took them back below it', () => {
    // 600 → 1,100 (crosses 1,000) → refund 200 in the period: 900 (below) → +300: 1,200 (crosses again)
    const s1 = sale('O-1', 600, JUL(1));
    const s2 = sale('O-2', 500, JUL(2));
    const back = refund('O-2', 200, JUL(3));
    const s3 = sale('O-3', 300, JUL(4));
    const r = ownLines(facts(p, '2026-07', [s3, back, s2, s1], { quota: 1_000 }));
    expect(r.achieved).toBe(1_200);
    expect(r.attainment).toBe(1.2);
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount])).toEqual([['bonus:B-100a', 1_200, 100], ['bonus:B-100b', 1_200, 200]]);
    expect(r.lines[0].citations).toEqual([PLAN_POSITION, s3.position]);
  });

  it('pays none below the line, and warns without a quota rather than guessing', () => {
    expect(ownLines(facts(p, '2026-07', [sale('O-1', 999, JUL(1))], { quota: 1_000 })).lines).toEqual([]);
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 5_000, JUL(1))]));
    expect([r.lines, r.attainment, r.warnings]).toEqual([[], null, ['bonuses are by attainment, but there is no quota: no bonus computed']]);
  });
});

describe('marginal tiers when a refund takes the total back below a bound', () => {
  // 0–5,000 at 10 %, 5,000 and above at 20 %. Sold 6,000 (5,000 × 10 % + 1,000 × 20 % = 700), then
  // 2,000 of it refunded in the period: 4,000 left, all in tier 1 → 400, and nothing in tier 2.
  const p = plan({ commission: rule([[0, 5_000, '0.10'], [5_000, undefined, '0.20']]) });

  it('pays on what is left: 400', () => {
    const sold = sale('O-1', 6_000, JUL(1));
    const back = refund('O-1', 2_000, JUL(2));
    const r = ownLines(facts(p, '2026-07', [sold, back]));
    expect(r.achieved).toBe(4_000);
    expect(sumAmounts(r.lines)).toBe(400);
    expect(r.lines.find((l) => l.lineId === 'commission:tier-1')).toMatchObject({ basis: 4_000, amount: 400 });
    expect(r.lines.filter((l) => l.lineId === 'commission:tier-2').every((l) => l.basis === 0 && l.amount === 0)).toBe(true);
  });

  it('states the rate paid on the order net of its refund: 400 / 4,000 = 10 %', () => {
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 6_000, JUL(1)), refund('O-1', 2_000, JUL(2))]));
    expect(r.ratePaid('O-1')?.toString()).toBe('0.1');
    expect(r.ratePaid('O-unknown')).toBeNull();
  });
});

describe('attainment tiers without a quota', () => {
  it('computes no commission and says why', () => {
    const p = plan({ commission: rule([[0, '1', '0.05'], ['1', undefined, '0.08']], { tierBasis: 'attainment' }) });
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 100_000, JUL(1))]));
    expect([r.lines, r.warnings]).toEqual([[], ['commission tiers are by attainment, but there is no quota: no commission computed']]);
    expect(r.ratePaid('O-1')).toBeNull();
  });

  it('with a quota of 10,000: bounds at 0–10,000 and 10,000 up; 12,000 earns 500 + 160 = 660', () => {
    const p = plan({ commission: rule([[0, '1', '0.05'], ['1', undefined, '0.08']], { tierBasis: 'attainment' }) });
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 12_000, JUL(1))], { quota: 10_000 }));
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount])).toEqual([['commission:tier-1', 10_000, 500], ['commission:tier-2', 2_000, 160]]);
    expect(r.attainment).toBe(1.2);
  });
});

describe('a units plan', () => {
  it('counts units; a refund changes none, and under a clawback plan it is clawed back, not netted', () => {
    // 3 + 2 units at 500 fen per unit = 2,500; no clawback rule: the refund does nothing
    const p = plan({ measure: 'units', commission: rule([[0, undefined, '500']]) });
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 9_000, JUL(1), 3), sale('O-2', 6_000, JUL(2), 2), refund('O-1', 9_000, JUL(3))]));
    expect([r.achieved, sumAmounts(r.lines)]).toEqual([5, 2_500]);
  });
});
