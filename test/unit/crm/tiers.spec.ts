// Tiers are derived at a moment, never stored: the trailing window ends at `at`, the policy in
// force at `at` applies, and a month-end history shows when a customer moved between tiers.
import { describe, expect, it } from 'vitest';
import { classifyAt, customersProjection, formatMinor, tierChanges, tierHistory } from '../../../core/customers/readModels/customers';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { logOf, ms } from './log';

const tiersAt = (log: ReturnType<typeof logOf>, at: string) => {
  const w = log.world();
  return classifyAt(w.get(customersProjection), w.get(salesLedgerProjection), ms(at));
};

describe('customer tiers', () => {
  it('formats the reason amount in major units with thousands separators', () => {
    expect(formatMinor(182_300_00)).toBe('182,300.00');
    expect(formatMinor(5)).toBe('0.05');
    expect(formatMinor(-1_234_567_89)).toBe('-1,234,567.89');
  });

  it('measures the trailing 12 months up to the `at` moment, so a sale ages out of it', () => {
    const log = logOf().customer('C-1').customer('C-2')
      .sale('O-1', 'C-1', 500_00, '2025-06-10T10:00:00+08:00')
      .sale('O-2', 'C-2', 100_00, '2026-03-10T10:00:00+08:00');
    expect(tiersAt(log, '2026-06-01T00:00:00+08:00').tiers.get('C-1')).toMatchObject({ tier: 'high-value', rank: 1, trailingRevenue: 500_00 });
    // a year and a day later the June 2025 sale is outside the window: C-2 leads
    const later = tiersAt(log, '2026-06-11T00:00:00+08:00');
    expect(later.tiers.get('C-1')).toMatchObject({ tier: 'regular', rank: 2, trailingRevenue: 0, lifetimeRevenue: 500_00 });
    expect(later.tiers.get('C-2')).toMatchObject({ tier: 'high-value', rank: 1 });
    // and before any sale both are potential: the tier at T only knows sales before T
    expect(tiersAt(log, '2025-06-01T00:00:00+08:00').tiers.get('C-1')?.tier).toBe('potential');
  });

  it('treats a fully refunded customer as having no net revenue yet', () => {
    const log = logOf().customer('C-1').sale('O-1', 'C-1', 500_00, '2026-03-10T10:00:00+08:00').refund('O-1', 'C-1', 500_00, '2026-03-20T10:00:00+08:00');
    expect(tiersAt(log, '2026-04-01T00:00:00+08:00').tiers.get('C-1')).toMatchObject({ tier: 'potential', lifetimeRevenue: 0 });
  });

  it('applies the policy in force at the moment: a minimum revenue replaces the top share', () => {
    const log = logOf();
    for (const [id, amount] of [['C-1', 300_000_00], ['C-2', 150_000_00], ['C-3', 90_000_00]] as const) log.customer(id).sale(`O-${id}`, id, amount, '2026-02-10T10:00:00+08:00');
    log.add('ClassificationPolicySet', { highValueMinRevenue: 100_000_00 }, '2026-05-01T00:00:00+08:00');
    const before = tiersAt(log, '2026-04-30T00:00:00+08:00');
    expect([...before.tiers].filter(([, t]) => t.tier === 'high-value').map(([id]) => id)).toEqual(['C-1']);
    const after = tiersAt(log, '2026-05-02T00:00:00+08:00');
    expect([...after.tiers].filter(([, t]) => t.tier === 'high-value').map(([id]) => id).sort()).toEqual(['C-1', 'C-2']);
    expect(after.rule).toContain('at least 100,000.00');
    // an empty policy restores the default
    log.add('ClassificationPolicySet', {}, '2026-06-01T00:00:00+08:00');
    expect(tiersAt(log, '2026-06-02T00:00:00+08:00').highValueSlots).toBe(1);
  });

  it('shows the month a customer moved from potential to regular to high-value', () => {
    const log = logOf().customer('C-1').customer('C-2').customer('C-3')
      .sale('O-1', 'C-2', 900_00, '2026-01-15T10:00:00+08:00')
      .sale('O-2', 'C-3', 800_00, '2026-01-16T10:00:00+08:00')
      .sale('O-3', 'C-1', 100_00, '2026-03-05T10:00:00+08:00')
      .sale('O-4', 'C-1', 5000_00, '2026-05-05T10:00:00+08:00');
    const w = log.world();
    const history = tierHistory(w.get(customersProjection), w.get(salesLedgerProjection), 'C-1', ms('2026-06-15T12:00:00+08:00'), 6);
    expect(history.map((p) => [p.month, p.tier])).toEqual([
      ['2026-01', 'potential'], ['2026-02', 'potential'], ['2026-03', 'regular'], ['2026-04', 'regular'], ['2026-05', 'high-value'], ['2026-06', 'high-value'],
    ]);
    expect(tierChanges(history)).toEqual([{ month: '2026-03', from: 'potential', to: 'regular' }, { month: '2026-05', from: 'regular', to: 'high-value' }]);
  });

  it('agrees at a month end whether read from the monthly buckets or the entries', () => {
    const log = logOf();
    for (let i = 1; i <= 7; i++) log.customer(`C-${i}`).sale(`O-${i}`, `C-${i}`, i * 1000 + (i % 3) * 77, `2026-0${1 + (i % 5)}-0${i}T23:30:00+08:00`);
    log.refund('O-6', 'C-6', 2000, '2026-06-02T01:00:00+08:00');
    const w = log.world();
    const history = tierHistory(w.get(customersProjection), w.get(salesLedgerProjection), 'C-6', ms('2026-07-10T00:00:00+08:00'), 6);
    for (const p of history.slice(0, -1)) {
      const direct = classifyAt(w.get(customersProjection), w.get(salesLedgerProjection), ms(p.at)).tiers.get('C-6');
      expect([p.month, p.tier, p.rank, p.trailingRevenue]).toEqual([p.month, direct?.tier, direct?.rank, direct?.trailingRevenue]);
    }
  });
});
