// What a statement's lines say beyond their amounts: the citations an auditor follows (in log
// order, whatever order the credits were recorded in), each line's kind and rule, and the cases
// a refund meets — a SPIFF already paid, a clawback plan in the sale's own period, a units plan.
// Figures in fen; positions are the log positions each credit was recorded at.
import { describe, expect, it } from 'vitest';
import { refundRole, sortCredits } from '../../../core/incentives/calculate/achieved';
import { describeLine } from '../../../core/incentives/calculate/describe';
import { drawLines } from '../../../core/incentives/calculate/draw';
import { group, money } from '../../../core/incentives/calculate/format';
import { ownLines } from '../../../core/incentives/calculate/statement';
import { applyTiers, bandsOf, tierIndex } from '../../../core/incentives/calculate/tiers';
import { Dec } from '../../../core/shared/money';
import { facts, plan, PLAN_POSITION, refund, rule, sale } from './facts';

const JUL = (d: number, h = 10) => `2026-07-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00+08:00`;
const GOAL_POSITION = 400;
const X = (units = 1) => ({ lines: [{ product: 'X', units, amount: 100 }] });

describe('credits recorded out of business-time order', () => {
  // Business time: O-1 (1 July), O-2, O-3, O-4 (4 July); recorded at 300, 200, 250, 210. The
  // quota comes from a goal set later, at 400. Tiers 0–5,000 at 10 %, 5,000 up at 20 %; a bonus
  // of 100 at 100 % of the 8,000 quota; a SPIFF of 50 per order of product X (O-2 holds only Y).
  const p = plan({
    commission: rule([[0, 5_000, '0.10'], [5_000, undefined, '0.20']]),
    bonuses: [{ bonusId: 'B', attainmentAtLeast: '1', amount: 100 }],
    spiffs: [{ spiffId: 'S', product: 'X', amount: 50, per: 'order' }],
  });
  const o1 = sale('O-1', 4_000, JUL(1), 1, 300); //    0 →  4,000
  const o2 = sale('O-2', 3_000, JUL(2), 1, 200); // 4,000 →  7,000: crosses 5,000
  const o3 = sale('O-3', 2_000, JUL(3), 1, 250); // 7,000 →  9,000: crosses the 8,000 quota
  const o4 = sale('O-4', 1_000, JUL(4), 1, 210); // 9,000 → 10,000
  const orders = { 'O-1': X(), 'O-2': { lines: [{ product: 'Y', units: 1, amount: 100 }] }, 'O-3': X(), 'O-4': X() };
  const statement = () => {
    const f = facts(p, '2026-07', [o4, o2, o1, o3], { orders });
    return ownLines({ ...f, quota: { amount: 8_000, kind: 'goal', goalId: 'G', citations: [GOAL_POSITION] } });
  };

  it('cites each line’s credits in log order, and the sale that crossed the bonus line, not a later one', () => {
    const r = statement();
    expect(r.lines.map((l) => [l.lineId, l.kind, l.basis, l.amount, l.citations])).toEqual([
      // 4,000 of O-1 and 1,000 of O-2 at 10 % = 500
      ['commission:tier-1', 'commission', 5_000, 500, [PLAN_POSITION, 200, 300, GOAL_POSITION]],
      // 2,000 of O-2, 2,000 of O-3 and 1,000 of O-4 at 20 % = 1,000
      ['commission:tier-2', 'commission', 5_000, 1_000, [PLAN_POSITION, 200, 210, 250, GOAL_POSITION]],
      // 10,000 ≥ 8,000: O-3 took the total from 7,000 to 9,000; O-4 came after
      ['bonus:B', 'bonus', 10_000, 100, [PLAN_POSITION, 250, GOAL_POSITION]],
      // O-1, O-3, O-4 hold X: 3 × 50; the SPIFF cites the plan, not the goal
      ['spiff:S', 'spiff', 3, 150, [PLAN_POSITION, 210, 250, 300]],
    ]);
    expect(r.inputs).toEqual([PLAN_POSITION, 200, 210, 250, 300, GOAL_POSITION]);
    expect(r.achieved).toBe(10_000);
  });

  it('the tiers alone cite their movements in log order, and list bands by index', () => {
    const bands = bandsOf(p.commission!, null)!;
    const moves = [o1, o2, o3, o4].map((e) => ({ position: e.position, orderId: e.orderId, delta: new Dec(e.amount) }));
    expect(applyTiers(p.commission!, bands, moves).uses.map((u) => [u.band.index, u.basis.toNumber(), u.citations])).toEqual([
      [1, 5_000, [200, 300]],
      [2, 5_000, [200, 210, 250]],
    ]);
    // each order on its own at its tier's rate: the first order reaches tier 2, the second only tier 1
    const flatEach = rule([[0, 5_000, '0.10'], [5_000, undefined, '0.20']], { method: 'flat', scope: 'perTransaction' });
    const big = { position: 7, orderId: 'O-big', delta: new Dec(6_000) };
    const small = { position: 8, orderId: 'O-small', delta: new Dec(1_000) };
    expect(applyTiers(flatEach, bands, [big, small]).uses.map((u) => [u.band.index, u.basis.toNumber(), u.citations])).toEqual([
      [1, 1_000, [8]],
      [2, 6_000, [7]],
    ]);
  });

  it('takes two credits of the same millisecond in the order they were recorded', () => {
    // 600 recorded at 500, then 500 recorded at 501, both at 10:00 on 1 July: 600 → 1,100 crosses
    // the 1,000 quota with the one recorded second, whichever order the list holds them in
    const bonusPlan = plan({ bonuses: [{ bonusId: 'B', attainmentAtLeast: '1', amount: 100 }] });
    const first = sale('O-1', 600, JUL(1), 1, 500);
    const second = sale('O-2', 500, JUL(1), 1, 501);
    for (const entries of [[first, second], [second, first]]) {
      expect(ownLines(facts(bonusPlan, '2026-07', entries, { quota: 1_000 })).lines[0].citations).toEqual([PLAN_POSITION, 501]);
    }
  });
});

describe('bonuses', () => {
  it('lists bonuses of the same threshold by id, whatever order the plan gives them in', () => {
    const a = { bonusId: 'B-a', attainmentAtLeast: '1', amount: 100 };
    const b = { bonusId: 'B-b', attainmentAtLeast: '1.00', amount: 200 };
    for (const bonuses of [[a, b], [b, a]]) {
      const r = ownLines(facts(plan({ bonuses }), '2026-07', [sale('O-1', 1_000, JUL(1))], { quota: 1_000 }));
      expect(r.lines.map((l) => l.lineId)).toEqual(['bonus:B-a', 'bonus:B-b']);
    }
  });

  it('a bonus at 0 % is reached with no sale at all, and cites the plan alone: no credit crossed its line', () => {
    const r = ownLines(facts(plan({ bonuses: [{ bonusId: 'B0', attainmentAtLeast: '0', amount: 100 }] }), '2026-07', [], { quota: 1_000 }));
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount, l.citations])).toEqual([['bonus:B0', 0, 100, [PLAN_POSITION]]]);
  });

  it('warns of no missing quota when the plan has no bonus, or an empty list of them', () => {
    for (const p of [plan({ commission: rule([[0, undefined, '0.1']]) }), plan({ commission: rule([[0, undefined, '0.1']]), bonuses: [] })]) {
      const r = ownLines(facts(p, '2026-07', [sale('O-1', 1_000, JUL(1))]));
      expect([r.warnings, r.lines.map((l) => l.amount)]).toEqual([[], [100]]);
    }
  });
});

describe('SPIFFs', () => {
  it('a refund of an order does not pay its SPIFF again', () => {
    // sold 1 July, 400 of 1,000 refunded 5 July: one order, one SPIFF of 50, citing the sale
    const p = plan({ spiffs: [{ spiffId: 'S', product: 'X', amount: 50, per: 'order' }] });
    const sold = sale('O-1', 1_000, JUL(1));
    const back = refund('O-1', 400, JUL(5));
    const r = ownLines(facts(p, '2026-07', [sold, back], { orders: { 'O-1': X() } }));
    // a SPIFF without a minimum has no minUnits in its rule, not one left undefined
    expect(Object.keys(r.lines[0].rule!)).not.toContain('minUnits');
    expect(r.lines).toEqual([{
      lineId: 'spiff:S',
      kind: 'spiff',
      description: "SPIFF S: CNY 0.50 per order of X; 1 order(s), split sales at the rep's share",
      rule: { kind: 'spiff', spiffId: 'S', product: 'X', per: 'order', amount: 50, count: 1 },
      basis: 1,
      rate: '50',
      amount: 50,
      citations: [PLAN_POSITION, sold.position],
    }]);
  });

  it('states its minimum units in its rule; pays nothing, and writes no line, for orders without the product or unknown orders', () => {
    // 20 per unit of X on orders of at least 2: O-1 holds 3 (60); O-2 holds 1 (none); O-3 only Y; O-4 unknown
    const p = plan({ spiffs: [{ spiffId: 'S2', product: 'X', amount: 20, per: 'unit', minUnits: 2 }, { spiffId: 'SZ', product: 'Z', amount: 70, per: 'order' }] });
    const o1 = sale('O-1', 100, JUL(1));
    const orders = { 'O-1': X(3), 'O-2': X(1), 'O-3': { lines: [{ product: 'Y', units: 9, amount: 100 }] } };
    const r = ownLines(facts(p, '2026-07', [o1, sale('O-2', 100, JUL(2)), sale('O-3', 100, JUL(3)), sale('O-4', 100, JUL(4))], { orders }));
    expect(r.lines.map((l) => [l.lineId, l.kind, l.rule, l.basis, l.amount, l.citations])).toEqual([
      ['spiff:S2', 'spiff', { kind: 'spiff', spiffId: 'S2', product: 'X', per: 'unit', amount: 20, minUnits: 2, count: 3 }, 3, 60, [PLAN_POSITION, o1.position]],
    ]);
  });
});

describe('refunds', () => {
  const tenPercent = rule([[0, undefined, '0.10']]);

  it('under a clawback plan, a refund of a sale of the same period lowers the base; it is not clawed back', () => {
    // 10,000 sold, 4,000 refunded in July: 6,000 at 10 % = 600, and no clawback line
    const p = plan({ commission: tenPercent, clawback: { windowDays: 30 } });
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 10_000, JUL(1)), refund('O-1', 4_000, JUL(5))]));
    expect([r.achieved, r.lines.map((l) => [l.lineId, l.basis, l.amount])]).toEqual([6_000, [['commission:tier-1', 6_000, 600]]]);
  });

  it('a clawback line cites the plan, the sale and the refund', () => {
    const p = plan({ commission: tenPercent, clawback: { windowDays: 30 } });
    const sold = sale('O-1', 4_000, '2026-06-20T10:00:00+08:00');
    const back = refund('O-1', 4_000, JUL(5));
    const r = ownLines(facts(p, '2026-07', [back], { earlierSales: [sold], ratePaid: () => new Dec('0.1') }));
    // 4,000 × 10 % = 400 taken back
    expect(r.lines.map((l) => [l.lineId, l.kind, l.amount, l.citations])).toEqual([[`clawback:O-1:${back.position}`, 'clawback', -400, [PLAN_POSITION, sold.position, back.position]]]);
    expect(r.inputs).toEqual([PLAN_POSITION, sold.position, back.position]);
  });

  it('states no rate paid on an order refunded to nothing, or below it, in the period', () => {
    // July: O-1 sold 5,000 and refunded 5,000 — net 0, so no rate; O-3 sold 10,000, then O-2 of
    // June refunded 4,000 under a plan without clawback: July's base falls to 6,000, and O-2's net
    // in July is −4,000, on which −400 was "paid" — no rate either, not 10 %
    const p = plan({ commission: tenPercent });
    const june = sale('O-2', 4_000, '2026-06-20T10:00:00+08:00');
    const r = ownLines(facts(p, '2026-07', [sale('O-1', 5_000, JUL(1)), refund('O-1', 5_000, JUL(2)), sale('O-3', 10_000, JUL(3)), refund('O-2', 4_000, JUL(4))], { earlierSales: [june] }));
    expect(r.achieved).toBe(6_000);
    expect([r.ratePaid('O-1'), r.ratePaid('O-2'), r.ratePaid('O-3')?.toString()]).toEqual([null, null, '0.1']);
  });

  it('on a units plan with a clawback, a refund in the sale’s own period is clawed back at the rate paid', () => {
    // 3 units at 500 fen each = 1,500 paid on a 6,000-fen sale: 0.25 per fen; 2,000 fen refunded
    // → 500 taken back. The refund changes no units. O-9's refund is of no sale of this rep: nothing.
    const p = plan({ measure: 'units', commission: rule([[0, undefined, '500']]), clawback: { windowDays: 30 } });
    const sold = sale('O-1', 6_000, JUL(1), 3);
    const back = refund('O-1', 2_000, JUL(5));
    const r = ownLines(facts(p, '2026-07', [sold, back, refund('O-9', 1_000, JUL(6))]));
    expect(r.achieved).toBe(3);
    expect(r.lines.map((l) => [l.lineId, l.basis, l.rate, l.amount])).toEqual([
      ['commission:tier-1', 3, '500', 1_500],
      [`clawback:O-1:${back.position}`, 2_000, '0.25', -500],
    ]);
  });

  it('a refund lowers the base, is left to the clawback rule, or (units, no clawback) does nothing', () => {
    const claw = { windowDays: 30 };
    expect([
      refundRole({ measure: 'revenue' }, true), refundRole({ measure: 'revenue', clawback: claw }, false), refundRole({ measure: 'revenue', clawback: claw }, true),
      refundRole({ measure: 'units' }, true), refundRole({ measure: 'units', clawback: claw }, false),
    ]).toEqual(['base', 'base', 'clawback', 'none', 'clawback']);
  });

  it('sorts a period’s credits into the base and the refunds left to the clawback rule', () => {
    const p = plan({ clawback: { windowDays: 30 } });
    const s = sale('O-1', 1_000, JUL(1));
    const sameMonth = refund('O-1', 100, JUL(2));
    const ofJune = refund('O-2', 300, JUL(3));
    const r = sortCredits(p, [s, sameMonth, ofJune], (e) => e === ofJune);
    expect(r).toEqual({ base: [s, sameMonth], clawbacks: [ofJune], achieved: 900 });
  });
});

describe('tiers that start above zero', () => {
  // 1,000–2,000 at 1 %, 2,000 up at 2 %, each order on its own at its tier's rate (flat)
  const p = plan({ commission: rule([[100_000, 200_000, '0.01'], [200_000, undefined, '0.02']], { method: 'flat', scope: 'perTransaction' }) });

  it('a value below the first tier reaches none', () => {
    const bands = bandsOf(p.commission!, null)!;
    expect([99_999, 100_000, 199_999, 200_000].map((v) => tierIndex(bands, new Dec(v), 'upper'))).toEqual([-1, 0, 0, 1]);
    expect(tierIndex(bands, new Dec(100_000), 'lower')).toBe(-1);
  });

  it('over the period: a total of 500 below the first tier earns no line; 1,500 earns 1 % of all of it = 15', () => {
    const overPeriod = plan({ commission: { ...p.commission!, scope: 'cumulative' } });
    expect(ownLines(facts(overPeriod, '2026-07', [sale('O-1', 50_000, JUL(1))])).lines).toEqual([]);
    const more = sale('O-2', 100_000, JUL(2));
    expect(ownLines(facts(overPeriod, '2026-07', [sale('O-1', 50_000, JUL(1)), more])).lines.map((l) => [l.lineId, l.basis, l.amount])).toEqual([['commission:tier-1', 150_000, 1_500]]);
  });

  it('pays an order of 500 nothing (at a rate of 0), 1,500 at 1 % = 15, 2,500 at 2 % = 50', () => {
    const small = sale('O-500', 50_000, JUL(1));
    const mid = sale('O-1500', 150_000, JUL(2));
    const big = sale('O-2500', 250_000, JUL(3));
    const r = ownLines(facts(p, '2026-07', [small, mid, big]));
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount, l.citations])).toEqual([
      ['commission:tier-1', 150_000, 1_500, [PLAN_POSITION, mid.position]],
      ['commission:tier-2', 250_000, 5_000, [PLAN_POSITION, big.position]],
    ]);
    // the small order was paid nothing: a rate of 0 on it, not an unknown one
    expect(r.ratePaid('O-500')?.toString()).toBe('0');
  });
});

describe('flat tiers and refunded orders', () => {
  const flat = (scope: 'cumulative' | 'perTransaction') => plan({ commission: rule([[0, 5_000, '0.10'], [5_000, undefined, '0.20']], { method: 'flat', scope }) });

  it('over the period: 3,000 + 4,000 − 1,000 = 6,000 reaches tier 2, 20 % of it = 1,200, citing the sales and the refund', () => {
    const o1 = sale('O-1', 3_000, JUL(1));
    const o2 = sale('O-2', 4_000, JUL(2));
    const back = refund('O-1', 1_000, JUL(3));
    expect(ownLines(facts(flat('cumulative'), '2026-07', [o1, o2, back])).lines.map((l) => [l.lineId, l.basis, l.amount, l.citations])).toEqual([
      ['commission:tier-2', 6_000, 1_200, [PLAN_POSITION, o1.position, o2.position, back.position]],
    ]);
  });

  it('over the period: a total refunded to zero earns no line at all', () => {
    expect(ownLines(facts(flat('cumulative'), '2026-07', [sale('O-1', 3_000, JUL(1)), refund('O-1', 3_000, JUL(2))])).lines).toEqual([]);
  });

  it('per order: an order netting 4,000 is paid at 10 % citing its sale and refund; one refunded to zero is cited by no line', () => {
    const o1 = sale('O-1', 5_000, JUL(1));
    const back = refund('O-1', 1_000, JUL(2));
    const zeroed = [sale('O-2', 2_000, JUL(3)), refund('O-2', 2_000, JUL(4))];
    expect(ownLines(facts(flat('perTransaction'), '2026-07', [o1, back, ...zeroed])).lines.map((l) => [l.lineId, l.basis, l.amount, l.citations])).toEqual([
      ['commission:tier-1', 4_000, 400, [PLAN_POSITION, o1.position, back.position]],
    ]);
  });

  it('marginal over the period: a credit of 0 fen (a split’s smallest share) is cited by no band', () => {
    const p = plan({ commission: rule([[0, 5_000, '0.10'], [5_000, undefined, '0.20']]) });
    const o1 = sale('O-1', 3_000, JUL(1));
    const nothing = sale('O-2', 0, JUL(2));
    const r = ownLines(facts(p, '2026-07', [o1, nothing]));
    expect(r.lines.map((l) => [l.lineId, l.basis, l.amount, l.citations])).toEqual([['commission:tier-1', 3_000, 300, [PLAN_POSITION, o1.position]]]);
    expect(r.inputs).toContain(nothing.position);
  });
});

describe('attainment tiers in a statement', () => {
  it('carry the quota in their rule, and say the band as a share of it in both languages', () => {
    // quota 10,000: tier 1 is 0–100 % (0–10,000), tier 2 100 % up; 12,000 sold → 500 + 160
    const p = plan({ commission: rule([[0, '1', '0.05'], ['1', undefined, '0.08']], { tierBasis: 'attainment' }) });
    const [first, second] = ownLines(facts(p, '2026-07', [sale('O-1', 12_000, JUL(1))], { quota: 10_000 })).lines;
    expect(first.rule).toEqual({ kind: 'tier', index: 1, of: 2, measure: 'revenue', tierBasis: 'attainment', from: '0', to: '1', quota: 10_000, rate: '0.05', method: 'marginal', scope: 'cumulative', boundary: 'upper' });
    expect(first.description).toBe('Commission tier 1 of 2 (0%–100% of quota, CNY 0.00–CNY 100.00) at 5%: marginal, cumulative, boundary upper — each band of the period-to-date total at its own rate, a deal straddling a bound split across bands; a value exactly on a bound takes the tier above');
    expect(describeLine(second.rule!, 'CNY', 'zh-CN')).toBe('提成第 2 档（共 2 档，配额的 100% 及以上）：对应 ¥100.00 及以上，比率 8%；分段累进，按本期累计——本期累计额按档分段，各段按本档比率计算，跨档的订单拆分计入各档；恰好落在档位边界上的数值归入较高一档');
  });
});

describe('numbers in words', () => {
  it('groups millions, and negative amounts after their sign', () => {
    expect(['1234567.5', '-1234567.5', '-123', '1000000000'].map(group)).toEqual(['1,234,567.5', '-1,234,567.5', '-123', '1,000,000,000']);
    expect([money(123_456_789, 'CNY'), money(-100_000_000, 'CNY')]).toEqual(['CNY 1,234,567.89', 'CNY -1,000,000.00']);
  });

  it('a cap line of a million-sized period says so', () => {
    // 123,456,789 fen at 10 % = 12,345,678.9 → 12,345,679 fen earned; capped at 10,000,000
    const p = plan({ commission: rule([[0, undefined, '0.10']]), cap: { amount: 10_000_000 } });
    const cap = ownLines(facts(p, '2026-07', [sale('O-1', 123_456_789, JUL(1))])).lines.find((l) => l.kind === 'cap')!;
    expect([cap.description, cap.amount]).toEqual(['Cap: commission, bonuses and SPIFFs of a period are limited to CNY 100,000.00; CNY 123,456.79 earned', -2_345_679]);
  });
});

describe('draw lines', () => {
  it('are of kind draw, and their rule names the step', () => {
    const up = drawLines({ amount: 150_000, recoverable: true }, 50_000, 0, 'CNY', [3]).lines[0];
    expect([up.kind, up.rule]).toEqual(['draw', { kind: 'draw', step: 'top-up', recoverable: true, amount: 150_000, earnings: 50_000, owed: 100_000 }]);
    const back = drawLines({ amount: 150_000, recoverable: true }, 200_000, 30_000, 'CNY', [3]).lines[0];
    expect([back.kind, back.rule, back.citations]).toEqual(['draw', { kind: 'draw', step: 'recovery', amount: 150_000, recovered: 30_000, owed: 30_000 }, [3]]);
  });
});
