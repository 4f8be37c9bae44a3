// The worked examples of issue 4, each with where its numbers come from.
import { describe, expect, it } from 'vitest';
import { classifyAt, customersProjection } from '../../../core/customers/readModels/customers';
import { pipelineOf, pipelineProjection } from '../../../core/pipeline/readModels/pipeline';
import { metricValue, salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { logOf, ms } from './log';

describe('worked examples', () => {
  it('forecasts three deals of 100,000 at 50 %, 50 % and 100 % closing in June, July, August as 50,000 / 50,000 / 100,000', () => {
    // Source: issue 4; the weighted ("expected") amount of a deal is amount × stage probability
    // (e.g. Twenty CRM's "Expected amount = Amount × Probability", docs.twenty.com).
    const log = logOf()
      .add('PipelineStagesSet', { stages: [{ stage: 'Proposal', probability: '0.5' }, { stage: 'Commit', probability: '1' }] }, '2026-05-01T09:00:00+08:00');
    const deal = (dealId: string, stage: string, probability: string, close: string) =>
      log.add('DealOpened', { dealId, customerId: 'C-1', repId: 'R-1', teamId: 'T-1', amount: 100_000_00, stage, probability, expectedCloseAt: close }, '2026-05-02T09:00:00+08:00');
    deal('D-JUN', 'Proposal', '0.5', '2026-06-15');
    deal('D-JUL', 'Proposal', '0.5', '2026-07-20');
    deal('D-AUG', 'Commit', '1', '2026-08-05');
    const p = pipelineOf(log.world().get(pipelineProjection), () => true, undefined, ms('2026-05-10T00:00:00+08:00'));
    expect(p.forecast.map((f) => [f.month, f.weighted])).toEqual([['2026-06', 50_000_00], ['2026-07', 50_000_00], ['2026-08', 100_000_00]]);
    expect(p.open).toEqual({ deals: 3, amount: 300_000_00, weighted: 200_000_00 });
  });

  it('leaves 800 of net revenue after a refund of 200 on a 1,000 order (refunds subtract, never add)', () => {
    // Source: SPEC §3 metrics — revenue is net of refunds, in the period the refund occurred.
    const log = logOf().customer('C-1').sale('O-1', 'C-1', 1000_00, '2026-07-10T10:00:00+08:00').refund('O-1', 'C-1', 200_00, '2026-07-20T10:00:00+08:00');
    const w = log.world();
    expect(metricValue(w.get(salesLedgerProjection), 'customer:C-1', 'revenue', '2026-07')).toBe(800_00);
    const c = classifyAt(w.get(customersProjection), w.get(salesLedgerProjection), ms('2026-08-01T00:00:00+08:00'));
    expect(c.tiers.get('C-1')).toMatchObject({ trailingRevenue: 800_00, lifetimeRevenue: 800_00 });
    expect(c.figures.get('C-1')?.orders).toBe(1);
  });

  it('with 10 customers with sales, makes the top 2 by trailing-12m revenue high-value', () => {
    // Source: SPEC §4 default policy — high-value is the top 20 % (rounded up) of customers with
    // sales by trailing 12-month net revenue: ⌈0.2 × 10⌉ = 2.
    const log = logOf();
    for (let i = 1; i <= 11; i++) log.customer(`C-${String(i).padStart(2, '0')}`);
    for (let i = 1; i <= 10; i++) log.sale(`O-${i}`, `C-${String(i).padStart(2, '0')}`, i * 10_000_00, '2026-03-10T10:00:00+08:00');
    const w = log.world();
    const c = classifyAt(w.get(customersProjection), w.get(salesLedgerProjection), ms('2026-07-01T00:00:00+08:00'));
    const high = [...c.tiers].filter(([, t]) => t.tier === 'high-value').map(([id]) => id).sort();
    expect(high).toEqual(['C-09', 'C-10']);
    expect(c.tiers.get('C-08')?.tier).toBe('regular');
    expect(c.tiers.get('C-11')).toMatchObject({ tier: 'potential', reason: 'no net revenue yet' });
    expect(c.tiers.get('C-09')?.reason).toBe('rank 2 of 10 by trailing-12m revenue 90,000.00');
  });
});
