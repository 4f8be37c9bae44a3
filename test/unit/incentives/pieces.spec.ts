// Bonuses, SPIFFs, the cap and draws, each on its own.
import { describe, expect, it } from 'vitest';
import { drawLines } from '../../../core/incentives/calculate/draw';
import { ownLines } from '../../../core/incentives/calculate/statement';
import { sumAmounts } from '../../../core/incentives/calculate/types';
import { facts, plan, rule, sale } from './facts';

const JUL = (d: number) => `2026-07-${String(d).padStart(2, '0')}T10:00:00+08:00`;

describe('draws', () => {
  // Xactly, "The Non-Recoverable Draw Against Commission" (https://www.xactlycorp.com/blog/non-recoverable-draw/):
  // a 1,500 draw; August earns 500 → paid 1,500 (1,000 from the draw, carried as a balance);
  // September earns 3,000 → the 1,000 is paid back, 2,000 paid. Non-recoverable: September pays 3,000.
  it('recoverable: tops August up by 1,000 and carries it; recovers it from September', () => {
    const aug = drawLines({ amount: 150_000, recoverable: true }, 50_000, 0, 'CNY', [1]);
    expect(aug.lines.map((l) => [l.lineId, l.amount])).toEqual([['draw:top-up', 100_000]]);
    expect(aug.balanceAfter).toBe(100_000);
    const sep = drawLines({ amount: 150_000, recoverable: true }, 300_000, aug.balanceAfter, 'CNY', [1]);
    expect(sep.lines.map((l) => [l.lineId, l.amount])).toEqual([['draw:recovery', -100_000]]);
    expect(300_000 + sumAmounts(sep.lines)).toBe(200_000);
    expect(sep.balanceAfter).toBe(0);
  });

  it('non-recoverable: a guarantee, never paid back', () => {
    const aug = drawLines({ amount: 150_000, recoverable: false }, 50_000, 0, 'CNY', [1]);
    expect(aug.lines.map((l) => l.amount)).toEqual([100_000]);
    expect(aug.balanceAfter).toBe(0);
    expect(drawLines({ amount: 150_000, recoverable: false }, 300_000, 0, 'CNY', [1]).lines).toEqual([]);
  });

  it('recovers no more than the earnings above the draw', () => {
    const r = drawLines({ amount: 150_000, recoverable: true }, 180_000, 100_000, 'CNY', [1]);
    expect(r.lines.map((l) => l.amount)).toEqual([-30_000]);
    expect(r.balanceAfter).toBe(70_000);
  });
});

describe('SPIFFs', () => {
  const spiffPlan = plan({ spiffs: [{ spiffId: 'S-AN', product: 'ANALYTICS', amount: 1_001, per: 'order', minUnits: 2 }, { spiffId: 'S-TR', product: 'TRAINING', amount: 500, per: 'unit' }] });
  const orders = {
    'O-1': { lines: [{ product: 'ANALYTICS', units: 2, amount: 100 }, { product: 'TRAINING', units: 3, amount: 100 }] },
    'O-2': { lines: [{ product: 'ANALYTICS', units: 1, amount: 100 }] },
    'O-3': { lines: [{ product: 'ANALYTICS', units: 5, amount: 100 }], split: { shares: ['0.6', '0.4'], index: 1 } },
    'O-4': { lines: [{ product: 'ANALYTICS', units: 5, amount: 100 }], split: { shares: ['0.6', '0.4'], index: 0 } },
  };

  it('pays per order at the minimum units and per unit; a split rep gets its share, rounded like the sale’s credits', () => {
    const r = ownLines(facts(spiffPlan, '2026-07', ['O-1', 'O-2', 'O-3', 'O-4'].map((id, i) => sale(id, 100, JUL(i + 1))), { orders }));
    const an = r.lines.find((l) => l.lineId === 'spiff:S-AN')!;
    // O-1: 1,001; O-2: below 2 units, nothing; O-3: second split of 1,001 at 0.4 = 400.4 → 400; O-4: first split takes the rest, 601
    expect([an.basis, an.rate, an.amount]).toEqual([3, '1001', 1_001 + 400 + 601]);
    const tr = r.lines.find((l) => l.lineId === 'spiff:S-TR')!;
    expect([tr.basis, tr.amount]).toEqual([3, 1_500]);
  });
});

describe('SPIFFs of a split sale', () => {
  // 3 fen per order over shares 0.0005 + 5 × 0.1999, as a sale's credits: 3 × 0.1999 = 0.5997 → 1
  // for each of five would leave the first −2, so largest remainder: 0.0015 → 0 for the first,
  // and the three 0.5997s that come first (splits 1, 2, 3) take a fen each; splits 4 and 5 none.
  const shares = ['0.0005', '0.1999', '0.1999', '0.1999', '0.1999', '0.1999'];
  const spiffPlan = plan({ spiffs: [{ spiffId: 'S-3', product: 'X', amount: 3, per: 'order' }] });
  const spiffOf = (index: number) => {
    const r = ownLines(facts(spiffPlan, '2026-07', [sale('O-1', 3, JUL(1), 3)], { orders: { 'O-1': { lines: [{ product: 'X', units: 3, amount: 3 }], split: { shares, index } } } }));
    return r.lines.find((l) => l.lineId === 'spiff:S-3')!.amount;
  };

  it('pays no split less than zero, and the splits sum to the SPIFF', () => {
    const paid = shares.map((_, i) => spiffOf(i));
    expect(paid).toEqual([0, 1, 1, 1, 0, 0]);
  });
});

describe('bonuses and the cap', () => {
  const p = plan({
    quota: { amount: 1_000_000 },
    commission: rule([[0, undefined, '0.10']]),
    bonuses: [{ bonusId: 'B100', attainmentAtLeast: '1', amount: 50_000 }, { bonusId: 'B150', attainmentAtLeast: '1.5', amount: 80_000 }],
    cap: { amount: 150_000 },
  });

  it('pays each bonus reached, citing the sale that crossed its line; caps the period with its own negative line', () => {
    const first = sale('O-1', 600_000, JUL(1));
    const crossing = sale('O-2', 500_000, JUL(2));
    const r = ownLines(facts(p, '2026-07', [first, crossing], { quota: 1_000_000 }));
    expect(r.lines.map((l) => [l.lineId, l.amount])).toEqual([['commission:tier-1', 110_000], ['bonus:B100', 50_000], ['cap', -10_000]]);
    expect(r.lines[1].citations).toContain(crossing.position);
    expect(r.lines[1].citations).not.toContain(first.position);
    expect(r.lines[2].description).toContain('CNY 1,500.00');
    expect(sumAmounts(r.lines)).toBe(150_000);
  });

  it('reaches a bonus exactly at its line (100 % of quota)', () => {
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 1_000_000, JUL(1))], { quota: 1_000_000 }));
    expect(r.lines.map((l) => l.lineId)).toContain('bonus:B100');
    expect(r.attainment).toBe(1);
  });

  it('warns instead of guessing when a quota from a goal is missing', () => {
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 1_000_000, JUL(1))]));
    expect(r.lines.map((l) => l.lineId)).toEqual(['commission:tier-1']);
    expect(r.warnings[0]).toContain('no quota');
  });
});
