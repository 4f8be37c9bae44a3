// The demo's incentive statements (issue 18): the months of the plan year before this one are
// approved by each team's manager on the 1st–3rd of the next month, this month is open, and one
// refund keyed in after its month was approved reaches the rep as an adjustment on the following
// statement — the approved statement itself unchanged (SPEC §6).
import { describe, expect, it } from 'vitest';
import { shiftPeriod } from '../../core/shared/period';
import { repIds } from '../../server/demo/company';
import { demoTally } from '../support/demo';

describe('the demo on 15 September 2026', () => {
  it('has past months approved by the managers, this month open, and a late refund as an adjustment', async () => {
    const { t, admin } = await demoTally('2026-09-15T10:00:00+08:00');
    const get = async (path: string) => {
      const r = await t.get(path, admin);
      expect(r.status, path).toBe(200);
      return r.json();
    };
    // the plan year is the year of the month 11 months back (2025-10 → 2025): its months from
    // 2025-01 to 2026-08 are approved, 12 + 8 = 20 months × 12 reps = 240 approvals
    const events = await t.deps.store.readAll({ after: 0, limit: 1_000_000 });
    const approvals = events.filter((e) => e.type === 'PayoutApproved');
    expect(approvals.length).toBe(20 * 12);
    for (const a of approvals) {
      const d = a.data as { repId: string; period: string; teamId: string };
      // by the rep's team's manager (M-EAST for T-EAST…), on the 1st, 2nd or 3rd of the next month
      expect(a.meta.actor, d.repId).toBe(`M-${d.teamId.slice(2)}`);
      expect(a.recordedAt.slice(0, 7)).toBe(shiftPeriod(d.period, 1));
      expect(['01', '02', '03']).toContain(new Date(Date.parse(a.recordedAt) + 8 * 3_600_000).toISOString().slice(8, 10));
    }
    for (const repId of repIds()) {
      expect((await get(`/api/payouts/${repId}?period=2026-08`)).status, repId).toBe('approved');
      expect((await get(`/api/payouts/${repId}?period=2026-09`)).status, repId).toBe('open');
    }

    // the refund of a July sale, recorded on 6 August after the July approvals (1st–3rd August)
    const refund = events.find((e) => e.type === 'SaleRefunded' && e.occurredAt.startsWith('2026-07-31T17:30'))!;
    expect(refund.recordedAt.slice(0, 10)).toBe('2026-08-06');
    const [{ repId }] = (refund.data as { credits: { repId: string }[] }).credits;
    const july = await get(`/api/payouts/${repId}?period=2026-07`);
    const august = await get(`/api/payouts/${repId}?period=2026-08`);
    // July as approved still counts the sale; August carries the difference July now has, citing the refund
    const adjustment = august.lines.find((l: { lineId: string }) => l.lineId === 'adjustment:late:2026-07');
    expect(adjustment, JSON.stringify(august.lines.map((l: { lineId: string }) => l.lineId))).toBeDefined();
    expect(adjustment.amount).toBeLessThan(0);
    expect(adjustment.citations).toContain(refund.position);
    expect(adjustment.citations).toContain(july.approval.position);
    // the adjustment is what July pays now less what it paid: its own lines recomputed
    // (basis) minus the approved own lines
    const paid = july.lines.filter((l: { kind: string }) => ['commission', 'bonus', 'spiff', 'cap', 'clawback'].includes(l.kind)).reduce((a: number, l: { amount: number }) => a + l.amount, 0);
    expect(adjustment.amount).toBe(adjustment.basis - paid);
  }, 120_000);
});
