// A goal for a period that has not begun: its achievability run-rate is of the 90 days before it
// was set, not of the 90 days before the period (which would count days still to come as zero).
import { describe, expect, it } from 'vitest';
import { seedCompany, testTally } from '../support/app';

describe('SMART achievable for a future period', () => {
  it('measures the trailing run-rate up to the moment the goal was set', async () => {
    const t = await testTally({ now: '2026-11-27T10:00:00+08:00' });
    const admin = await seedCompany(t);
    // the only sale: 15 September, inside the 90 days before 27 November, outside the 90 days before 2027
    expect((await t.post('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'X', units: 1, amount: 900 }], occurredAt: '2026-09-15T10:00:00+08:00' }, admin)).status).toBe(201);
    expect((await t.post('SetGoal', { goalId: 'G-2027', title: '2027', owner: 'rep:R-1', metric: 'revenue', period: '2027', target: 10_000, relevance: 'growth' }, admin)).status).toBe(201);
    const g = await (await t.get('/api/goals/G-2027', admin)).json();
    // 900 fen over 90 days is 3,650 fen (CNY 36.50) a year; 10,000 fen (CNY 100.00) is 2.74× that
    const warning = g.smart.warnings.find((w: string) => w.includes('run-rate'));
    expect(warning).toContain('the target CNY 100.00 is 2.74× the trailing run-rate (CNY 36.50 per year');
    expect(warning).toContain('before it was set');
    expect(g.smart.achievable).toBe(false);
  });
});
