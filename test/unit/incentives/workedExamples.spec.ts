// Worked examples from vendors' public commission documentation, the numbers written down here
// by hand (in fen: 1.00 = 100) and recomputed by Tally's calculator.
import { describe, expect, it } from 'vitest';
import { ownLines } from '../../../core/incentives/calculate/statement';
import { Dec } from '../../../core/shared/money';
import { facts, plan, PLAN_POSITION, refund, rule, sale } from './facts';

const JUL = (d: number, h = 10) => `2026-07-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`;
const commission = (lines: { kind: string; amount: number }[]) => lines.filter((l) => l.kind === 'commission').reduce((a, l) => a + l.amount, 0);

describe('marginal tiers over a cumulative total, a deal straddling a bound', () => {
  // Salesforce Spiff, "Use Marginal Payout Rule Functions" (mamount):
  // https://trailhead.salesforce.com/content/learn/modules/salesforce-spiff-marginal-payout-rules/use-marginal-payout-rule-functions
  // Tiers: below 150,000 at 4 %, 150,000–250,000 at 6 %, above 250,000 at 8 %. A rep with
  // 145,000 closed closes a 20,000 deal: 5,000 of it falls in tier 1 (4 % = 200) and 15,000 in
  // tier 2 (6 % = 900) — 1,100 for the deal, a blended 5.5 %.
  const spiffPlan = plan({ commission: rule([[0, 15_000_000, '0.04'], [15_000_000, 25_000_000, '0.06'], [25_000_000, undefined, '0.08']]) });
  const before = sale('O-145K', 14_500_000, JUL(3));
  const deal = sale('O-20K', 2_000_000, JUL(20));

  it('splits the 20,000 deal 5,000 / 15,000 across tiers 1 and 2, one line per band, each citing it', () => {
    const r = ownLines(facts(spiffPlan, '2026-07', [before, deal]));
    expect(r.lines.map((l) => [l.lineId, l.basis, l.rate, l.amount])).toEqual([
      ['commission:tier-1', 15_000_000, '0.04', 600_000], // 150,000 × 4 % = 6,000
      ['commission:tier-2', 1_500_000, '0.06', 90_000], //    15,000 × 6 % =   900
    ]);
    expect(r.lines[0].citations).toEqual([PLAN_POSITION, before.position, deal.position]);
    expect(r.lines[1].citations).toEqual([PLAN_POSITION, deal.position]);
    expect(r.lines[1].description).toContain('marginal, cumulative, boundary upper');
    // the deal alone earned 1,100: 200 in tier 1 and 900 in tier 2, a blended 5.5 %
    expect(r.ratePaid('O-20K')!.toString()).toBe('0.055');
  });

  it('gives the same deal 1,100 whatever order the two sales were recorded in', () => {
    const recordedLate = { ...before, position: deal.position + 1 };
    expect(commission(ownLines(facts(spiffPlan, '2026-07', [deal, recordedLate])).lines)).toBe(690_000);
  });
});

describe('per-transaction tiers over several orders', () => {
  // Oracle Fusion Incentive Compensation, "Examples of Calculating Earnings Using Step Rates":
  // https://docs.oracle.com/en/cloud/saas/sales/facmi/examples-of-calculating-earnings-using-step-rates.html
  // Tiers 0–1,000 at 1 %, 1,000–3,000 at 2 %, 3,000–8,000 at 3 %, 8,000+ at 5 %; each transaction
  // from tier 1: 200 → 2, 300 → 3, 1,500 → 10 + 10 = 20, 1,200 → 10 + 4 = 14, 2,000 → 10 + 20 =
  // 30, 4,500 → 10 + 40 + 45 = 95; 164 for the quarter.
  const oracle = plan({ period: 'quarter', commission: rule([[0, 100_000, '0.01'], [100_000, 300_000, '0.02'], [300_000, 800_000, '0.03'], [800_000, undefined, '0.05']], { scope: 'perTransaction' }) });
  const orders = [
    sale('T1', 20_000, '2026-01-01T10:00:00+08:00'), sale('T2', 30_000, '2026-01-02T10:00:00+08:00'), sale('T3', 150_000, '2026-01-15T10:00:00+08:00'),
    sale('T4', 120_000, '2026-02-01T10:00:00+08:00'), sale('T5', 200_000, '2026-02-15T10:00:00+08:00'), sale('T6', 450_000, '2026-03-01T10:00:00+08:00'),
  ];

  it('pays 164 for the quarter: 45 in tier 1, 74 in tier 2, 45 in tier 3', () => {
    const r = ownLines(facts(oracle, '2026-Q1', orders));
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount])).toEqual([
      ['commission:tier-1', 450_000, 4_500], // 200 + 300 + 4 × 1,000 at 1 %
      ['commission:tier-2', 370_000, 7_400], // 500 + 200 + 1,000 + 2,000 at 2 %
      ['commission:tier-3', 150_000, 4_500], // 1,500 at 3 %
    ]);
    expect(commission(r.lines)).toBe(16_400);
    expect(r.lines[0].description).toContain('perTransaction');
  });

  it('pays each transaction what Oracle lists for it', () => {
    const r = ownLines(facts(oracle, '2026-Q1', orders));
    expect(orders.map((o) => Dec(r.ratePaid(o.orderId)!).times(o.amount).toNumber())).toEqual([200, 300, 2_000, 1_400, 3_000, 9_500]);
  });
});

describe('per-transaction flat tiers on a bound', () => {
  // The Oracle step tiers above, flat per order: 1,000.00 is exactly the bound of tiers 1 and 2.
  // upper: it takes tier 2, 2 % → 20.00; lower: tier 1, 1 % → 10.00. 1,500.00 is inside tier 2
  // either way: 30.00.
  const run = (boundary: 'upper' | 'lower') =>
    ownLines(facts(plan({ commission: rule([[0, 100_000, '0.01'], [100_000, 300_000, '0.02'], [300_000, undefined, '0.03']], { method: 'flat', scope: 'perTransaction', boundary }) }), '2026-07', [sale('B1', 100_000, JUL(1)), sale('B2', 150_000, JUL(2))]));

  it('takes the tier above on the bound with boundary upper, the tier below with lower', () => {
    expect(run('upper').lines.map((l) => [l.lineId, l.basis, l.amount])).toEqual([['commission:tier-2', 250_000, 5_000]]);
    expect(run('lower').lines.map((l) => [l.lineId, l.basis, l.amount])).toEqual([['commission:tier-1', 100_000, 1_000], ['commission:tier-2', 150_000, 3_000]]);
  });
});

describe('marginal against flat on the same sales; a flat rate on the whole period', () => {
  // Oracle Fusion, "Options for Splitting Attainment Numbers Across Rate Tiers":
  // https://docs.oracle.com/en/cloud/saas/sales/facmi/options-for-splitting-attainment-numbers-across-rate-tiers.html
  // Tiers 0–10,000 at 1 %, 10,000–50,000 at 2 %, 50,000–100,000 at 3 %, 100,000+ at 4 %.
  // Rate not split (flat): 15,000 takes 2 %, 60,000 takes 3 %. Step rate (marginal): 15,000 is
  // 1 % on the first 10,000 and 2 % on 5,000; 60,000 is 1 % on 10,000, 2 % on 40,000, 3 % on 10,000.
  const tiers: [number, number | undefined, string][] = [[0, 1_000_000, '0.01'], [1_000_000, 5_000_000, '0.02'], [5_000_000, 10_000_000, '0.03'], [10_000_000, undefined, '0.04']];
  const run = (method: 'marginal' | 'flat', amounts: number[]) =>
    ownLines(facts(plan({ commission: rule(tiers, { method }) }), '2026-07', amounts.map((a, i) => sale(`O-${i}`, a, JUL(i + 1)))));

  it('60,000 in the period: 1,800 flat (3 % on everything) against 1,200 marginal (100 + 800 + 300)', () => {
    const flat = run('flat', [2_000_000, 4_000_000]);
    expect(flat.lines.map((l) => [l.lineId, l.basis, l.rate, l.amount])).toEqual([['commission:tier-3', 6_000_000, '0.03', 180_000]]);
    expect(flat.lines[0].description).toContain("flat, cumulative, boundary upper — the rate of the tier the period's total reaches, on the whole total");
    const marginal = run('marginal', [2_000_000, 4_000_000]);
    expect(marginal.lines.map((l) => l.amount)).toEqual([10_000, 80_000, 30_000]);
    expect(commission(marginal.lines)).toBe(120_000);
  });

  it('15,000: 300 flat against 200 marginal', () => {
    expect(commission(run('flat', [1_500_000]).lines)).toBe(30_000);
    expect(commission(run('marginal', [1_500_000]).lines)).toBe(20_000);
  });
});

describe('a value exactly on a tier bound', () => {
  // Oracle Fusion, "Equal Tier Values": https://docs.oracle.com/en/cloud/saas/sales/facmi/equal-tier-values.html
  // 0–25,000 at 1 %, 25,000–50,000 at 2 %, 50,000–75,000 at 3 %, 75,000–100,000 at 4 %: a
  // transaction of exactly 50,000 is paid at 3 % — the tier above (Tally's boundary `upper`).
  const tiers: [number, number | undefined, string][] = [[0, 2_500_000, '0.01'], [2_500_000, 5_000_000, '0.02'], [5_000_000, 7_500_000, '0.03'], [7_500_000, undefined, '0.04']];
  const flat = (boundary: 'upper' | 'lower') => ownLines(facts(plan({ commission: rule(tiers, { method: 'flat', boundary }) }), '2026-07', [sale('O-50K', 5_000_000, JUL(9))]));

  it('upper: 50,000 takes tier 3 at 3 %, 1,500', () => {
    expect(flat('upper').lines.map((l) => [l.lineId, l.rate, l.amount])).toEqual([['commission:tier-3', '0.03', 150_000]]);
    expect(flat('upper').lines[0].description).toContain('a value exactly on a bound takes the tier above');
  });

  it('lower: 50,000 stays in tier 2 at 2 %, 1,000', () => {
    expect(flat('lower').lines.map((l) => [l.lineId, l.rate, l.amount])).toEqual([['commission:tier-2', '0.02', 100_000]]);
    expect(flat('lower').lines[0].description).toContain('a value exactly on a bound takes the tier below');
  });

  // Richard Lawrence's tiered-commission scenarios (https://gist.github.com/richardlawrence/1138036):
  // 10 % up to 5,000 and 12 % above; selling exactly 5,000 earns 500, 6,000 earns 620. Marginal
  // bands do not depend on which side owns the bound, so both boundaries agree.
  it('marginal: exactly 5,000 earns 500 under upper and under lower; 6,000 earns 620', () => {
    for (const boundary of ['upper', 'lower'] as const) {
      const p = plan({ commission: rule([[0, 500_000, '0.10'], [500_000, undefined, '0.12']], { boundary }) });
      expect(commission(ownLines(facts(p, '2026-07', [sale('O-1', 500_000, JUL(2))])).lines)).toBe(50_000);
      expect(commission(ownLines(facts(p, '2026-07', [sale('O-1', 600_000, JUL(2))])).lines)).toBe(62_000);
    }
  });
});

describe('tiers by attainment: cumulative (marginal) against non-cumulative (flat)', () => {
  // Sales Cookie, "What is the difference between cumulative and non-cumulative tiers":
  // https://support2.salescookie.com/portal/en/kb/articles/kb-what-is-the-difference-between-cumulative-and-non-cumulative-tiers
  // Under 100 % of quota 6 %, 100–150 % 8 %, above 150 % 10 %. At 110 % attainment, cumulative
  // tiers pay part in tier A and part in tier B; non-cumulative pay tier B on everything. With a
  // 100,000 quota and 110,000 sold: 6,000 + 800 = 6,800 against 8,800.
  const tiers: [string, string | undefined, string][] = [['0', '1', '0.06'], ['1', '1.5', '0.08'], ['1.5', undefined, '0.10']];
  const first = sale('O-1', 6_000_000, JUL(1));
  const crossing = sale('O-2', 5_000_000, JUL(28)); // takes attainment from 60 % to 110 %, across the 100 % bound
  const at110 = (method: 'marginal' | 'flat') =>
    ownLines(facts(plan({ quota: { amount: 10_000_000 }, commission: rule(tiers, { tierBasis: 'attainment', method }) }), '2026-07', [first, crossing], { quota: 10_000_000 }));

  it('cumulative: 6,000 in tier A, 800 in tier B; the deal that crossed 100 % is cited in both', () => {
    const r = at110('marginal');
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount])).toEqual([['commission:tier-1', 10_000_000, 600_000], ['commission:tier-2', 1_000_000, 80_000]]);
    expect(r.lines[0].citations).toEqual(expect.arrayContaining([first.position, crossing.position]));
    expect(r.lines[1].citations).toContain(crossing.position);
    expect(r.lines[1].citations).not.toContain(first.position);
    expect(r.lines[1].description).toContain('100%–150% of quota');
    expect(r.attainment).toBe(1.1);
  });

  it('non-cumulative: 8 % on all 110,000, 8,800', () => {
    expect(ownLines(facts(plan({ quota: { amount: 10_000_000 }, commission: rule(tiers, { tierBasis: 'attainment', method: 'flat' }) }), '2026-07', [sale('O-1', 11_000_000, JUL(1))], { quota: 10_000_000 })).lines.map((l) => l.amount)).toEqual([880_000]);
    expect(commission(at110('flat').lines)).toBe(880_000);
  });
});

describe('refunds: the base goes down, never up; a clawback at the rate originally paid', () => {
  // Tolt, "Refunds" (https://docs.tolt.com/guides/refunds): a $49.00 sale at a 30 % commission
  // earns 14.70. Refunded before it is paid out, the commission goes to 0; refunded after it was
  // paid, the paid commission is not edited: a clawback line of −14.70 nets against the next payout.
  const thirty = (over = {}) => plan({ commission: rule([[0, undefined, '0.30']]), ...over });
  const sold = sale('txn_6Bv2Mq', 4_900, JUL(5));

  it('a refund in the same period lowers the base: 49.00 sold and refunded earns 0', () => {
    const r = ownLines(facts(thirty(), '2026-07', [sold, refund('txn_6Bv2Mq', 4_900, JUL(6))]));
    expect(commission(r.lines)).toBe(0);
    expect(r.achieved).toBe(0);
    expect(r.lines[0].citations).toHaveLength(3); // the plan, the sale and the refund
  });

  it('a partial refund lowers it in proportion (a 200 refund on a 1,000 order leaves 800, at 30 % → 240)', () => {
    expect(commission(ownLines(facts(thirty(), '2026-07', [sale('O-1', 100_000, JUL(5)), refund('O-1', 20_000, JUL(9))])).lines)).toBe(24_000);
  });

  it('a refund never raises the base: a later month with only a refund pays no negative commission', () => {
    const r = ownLines(facts(thirty(), '2026-08', [refund('txn_6Bv2Mq', 4_900, '2026-08-03T10:00:00+08:00')], { earlierSales: [sold] }));
    expect(commission(r.lines)).toBe(0);
    expect(r.lines.every((l) => l.amount <= 0)).toBe(true);
  });

  it('refunded after the period was paid: clawed back at the 30 % paid, −14.70', () => {
    const r = ownLines(facts(thirty({ clawback: { windowDays: 90 } }), '2026-08', [refund('txn_6Bv2Mq', 4_900, '2026-08-03T10:00:00+08:00')], { earlierSales: [sold], ratePaid: () => Dec('0.3') }));
    expect(r.lines.map((l) => [l.kind, l.basis, l.rate, l.amount])).toEqual([['clawback', 4_900, '0.3', -1_470]]);
    expect(r.lines[0].citations).toEqual(expect.arrayContaining([sold.position]));
  });

  it('claws back at the blended rate the deal was paid (5.5 % on the Spiff straddle), and not outside the window', () => {
    const p = plan({ clawback: { windowDays: 30 }, commission: rule([[0, 15_000_000, '0.04'], [15_000_000, undefined, '0.06']]) });
    const deal = sale('O-20K', 2_000_000, JUL(20));
    const july = ownLines(facts(p, '2026-07', [sale('O-145K', 14_500_000, JUL(3)), deal]));
    const inWindow = ownLines(facts(p, '2026-08', [refund('O-20K', 1_000_000, '2026-08-10T10:00:00+08:00')], { earlierSales: [deal], ratePaid: (s) => july.ratePaid(s.orderId) }));
    expect(inWindow.lines.map((l) => l.amount)).toEqual([-55_000]); // 10,000 × 5.5 %
    const late = ownLines(facts(p, '2026-09', [refund('O-20K', 1_000_000, '2026-09-10T10:00:00+08:00')], { earlierSales: [deal], ratePaid: (s) => july.ratePaid(s.orderId) }));
    expect(late.lines).toEqual([]);
  });
});
