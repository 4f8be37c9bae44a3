// RFM scores: quintiles where ties share a score, the segment rules in order, and the scores read
// from the sales ledger over the policy's trailing window up to `at`.
import { describe, expect, it } from 'vitest';
import { classifyAt, customersProjection } from '../../../core/customers/readModels/customers';
import { quintiles, rfmAt, segmentOf } from '../../../core/customers/readModels/rfm';
import { salesLedgerProjection } from '../../../core/ledger/salesLedger';
import { logOf, ms } from './log';

describe('RFM quintiles', () => {
  it('makes exact fifths of ten distinct values, best fifth 5', () => {
    expect(quintiles([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toEqual([1, 1, 2, 2, 3, 3, 4, 4, 5, 5]);
    expect(quintiles([5, 4, 3, 2, 1])).toEqual([5, 4, 3, 2, 1]);
  });

  it('gives tied values one score, the middle of their group: all alike is 3, one alone is 3', () => {
    expect(quintiles([7, 7, 7, 7])).toEqual([3, 3, 3, 3]);
    expect(quintiles([42])).toEqual([3]);
    // 1,1,1 are below none and tie three of six: ⌈5 × 3 / 12⌉ = 2; 9 is below five: ⌈5 × 11 / 12⌉ = 5
    expect(quintiles([1, 1, 1, 4, 4, 9])).toEqual([2, 2, 2, 4, 4, 5]);
  });
});

describe('RFM segments', () => {
  it.each([
    [5, 5, 5, 'champions'], [4, 4, 4, 'champions'], [3, 5, 5, 'loyal'], [5, 4, 3, 'loyal'], [5, 1, 5, 'promising'], [4, 2, 1, 'promising'],
    [2, 3, 1, 'at-risk'], [1, 1, 4, 'at-risk'], [2, 2, 2, 'lost'], [1, 1, 1, 'lost'], [3, 3, 3, 'needs-attention'], [4, 3, 5, 'needs-attention'],
  ] as const)('R %i F %i M %i is %s', (r, f, m, segment) => expect(segmentOf(r, f, m)).toBe(segment));
});

describe('RFM from the ledger', () => {
  const log = logOf().customer('C-A').customer('C-B').customer('C-C').customer('C-D').customer('C-E').customer('C-NEW')
    // C-A: three recent orders, the most money; C-B: two orders, last one weeks ago
    .sale('O-1', 'C-A', 300_00, '2026-05-02T10:00:00+08:00').sale('O-2', 'C-A', 300_00, '2026-05-20T10:00:00+08:00').sale('O-3', 'C-A', 400_00, '2026-05-30T10:00:00+08:00')
    .sale('O-4', 'C-B', 200_00, '2026-03-01T10:00:00+08:00').sale('O-5', 'C-B', 200_00, '2026-04-15T10:00:00+08:00')
    // C-C bought once, long ago (outside a 6-month window); C-D once, recently, a little; C-E once mid-way
    .sale('O-6', 'C-C', 900_00, '2025-06-01T10:00:00+08:00')
    .sale('O-7', 'C-D', 50_00, '2026-05-29T10:00:00+08:00')
    .sale('O-8', 'C-E', 100_00, '2026-02-01T10:00:00+08:00');
  const at = ms('2026-06-01T00:00:00+08:00');
  const w = log.world();
  const c = classifyAt(w.get(customersProjection), w.get(salesLedgerProjection), at);
  const rfm = rfmAt(c.figures, at, 'Asia/Shanghai');

  it('scores only customers who have bought, with days since the last sale, orders and revenue of the window', () => {
    expect([...rfm.keys()]).toEqual(['C-A', 'C-B', 'C-C', 'C-D', 'C-E']);
    expect(rfm.get('C-A')).toMatchObject({ recencyDays: 2, orders: 3, revenue: 1000_00, recency: 5, frequency: 5, monetary: 5, score: '555', segment: 'champions' });
    expect(rfm.get('C-D')).toMatchObject({ recencyDays: 3, orders: 1, revenue: 50_00, recency: 4, segment: 'promising' });
    // the 12-month window of the default policy still holds C-C's sale of 2025-06-01 (a year to the day)
    expect(rfm.get('C-C')).toMatchObject({ recencyDays: 365, orders: 1, revenue: 900_00, recency: 1, monetary: 4, segment: 'at-risk' });
    expect(rfm.get('C-E')).toMatchObject({ recencyDays: 120, recency: 2, frequency: 2, segment: 'lost' });
  });

  it('knows only the sales before `at`', () => {
    const early = ms('2026-05-25T00:00:00+08:00');
    const before = rfmAt(classifyAt(w.get(customersProjection), w.get(salesLedgerProjection), early).figures, early, 'Asia/Shanghai');
    expect(before.get('C-A')).toMatchObject({ orders: 2, revenue: 600_00 });
    expect(before.has('C-D')).toBe(false);
  });
});
