// Disputes on statement lines: a rep opens on their own statement, the manager resolves; an
// upheld dispute pays its amount on the next open period; GET /api/disputes is scoped.
import { beforeEach, describe, expect, it } from 'vitest';
import { testTally, type TestTally } from '../support/app';
import { incentiveCompany, sell, statement } from './payoutsSupport';

let t: TestTally;
let admin: string, rep1: string, m1: string, m2: string;

beforeEach(async () => {
  t = await testTally({ now: '2026-08-03T09:00:00+08:00' });
  admin = await incentiveCompany(t);
  [rep1, m1, m2] = await Promise.all([t.token('rep', 'R-1'), t.token('manager', 'M-1', 'T-1'), t.token('manager', 'M-2', 'T-2')]);
  await sell(t, admin, 'R-1', 800_000, '2026-07-05T10:00:00+08:00');
  await sell(t, admin, 'R-3', 800_000, '2026-07-05T10:00:00+08:00');
});

const dispute = (over: Record<string, unknown> = {}) => ({ disputeId: 'D-1', repId: 'R-1', period: '2026-07', lineId: 'commission:tier-1', reason: 'missing-sale', text: 'Order O-77 of 30 July is mine', ...over });

describe('disputes', () => {
  it('a rep disputes a line of their own statement only, and only a line it has', async () => {
    expect((await t.post('OpenDispute', dispute(), rep1)).status).toBe(201);
    expect((await t.post('OpenDispute', dispute({ disputeId: 'D-2', repId: 'R-3' }), rep1)).status).toBe(403);
    const r = await t.post('OpenDispute', dispute({ disputeId: 'D-3', lineId: 'bonus:B100' }), rep1);
    expect([r.status, ((await r.json()) as any).rule]).toEqual([422, 'unknown-statement-line']);
  });

  it("upheld by the rep's manager (not another team's, not the rep), the amount is paid on the next open period", async () => {
    const july = await statement(t, admin, 'R-1', '2026-07');
    await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: july.body.statementHash }, admin);
    const opened = await t.post('OpenDispute', dispute(), rep1);
    const openedAt = ((await opened.json()) as any).events[0].position;
    const resolve = { disputeId: 'D-1', outcome: 'upheld', note: 'O-77 was credited to R-2 by mistake', amount: 4_000 };
    expect((await t.post('ResolveDispute', resolve, rep1)).status).toBe(403);
    expect((await t.post('ResolveDispute', resolve, m2)).status).toBe(403);
    const resolved = await t.post('ResolveDispute', resolve, m1);
    expect(resolved.status).toBe(201);
    const resolvedAt = ((await resolved.json()) as any).events[0].position;

    expect((await statement(t, admin, 'R-1', '2026-07')).body.statementHash).toBe(july.body.statementHash);
    const aug = await statement(t, rep1, 'R-1', '2026-08');
    expect(aug.body.lines).toEqual([
      expect.objectContaining({ lineId: 'adjustment:dispute:D-1', kind: 'adjustment', origin: '2026-07', amount: 4_000, citations: [openedAt, resolvedAt] }),
    ]);
    expect(aug.body.total).toBe(4_000);

    // paid once: after August is approved, September does not carry it again
    await t.post('ApprovePayout', { repId: 'R-1', period: '2026-08', statementHash: aug.body.statementHash }, admin);
    expect((await statement(t, admin, 'R-1', '2026-09')).body.lines).toEqual([]);
  });

  it('a rejected dispute changes nothing', async () => {
    await t.post('OpenDispute', dispute(), rep1);
    const before = await statement(t, admin, 'R-1', '2026-07');
    expect((await t.post('ResolveDispute', { disputeId: 'D-1', outcome: 'rejected', note: 'O-77 belongs to R-2' }, m1)).status).toBe(201);
    expect((await statement(t, admin, 'R-1', '2026-07')).body.statementHash).toBe(before.body.statementHash);
  });

  it('GET /api/disputes: a manager sees their team’s, a rep their own, a viewer none; filtered by status', async () => {
    await t.post('OpenDispute', dispute(), rep1);
    await t.post('OpenDispute', dispute({ disputeId: 'D-3', repId: 'R-3' }), await t.token('rep', 'R-3'));
    await t.post('ResolveDispute', { disputeId: 'D-3', outcome: 'rejected', note: 'no' }, m2);
    const ids = async (path: string, token: string) => ((await (await t.get(path, token)).json()) as any).disputes.map((d: any) => d.disputeId);
    expect(await ids('/api/disputes', admin)).toEqual(['D-1', 'D-3']);
    expect(await ids('/api/disputes', m1)).toEqual(['D-1']);
    expect(await ids('/api/disputes?status=rejected', m2)).toEqual(['D-3']);
    expect(await ids('/api/disputes?status=open', admin)).toEqual(['D-1']);
    expect(await ids('/api/disputes', rep1)).toEqual(['D-1']);
    expect((await t.get('/api/disputes?rep=R-3', rep1)).status).toBe(403);
    expect((await t.get('/api/disputes', await t.token('viewer'))).status).toBe(403);
    expect((await t.get('/api/disputes?status=closed', admin)).status).toBe(400);
  });
});
