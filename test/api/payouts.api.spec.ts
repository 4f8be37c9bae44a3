import { beforeEach, describe, expect, it } from 'vitest';
import { testTally, type TestTally } from '../support/app';
import { incentiveCompany, sell, statement } from './payoutsSupport';

let t: TestTally;
let admin: string;

beforeEach(async () => {
  t = await testTally({ now: '2026-08-03T09:00:00+08:00' });
  admin = await incentiveCompany(t);
});

describe('GET /api/payouts/:repId', () => {
  it('gives the statement of a period: plan version, quota, achieved, attainment, band lines citing the sales, total = sum of lines, hash', async () => {
    const a = await sell(t, admin, 'R-1', 800_000, '2026-07-05T10:00:00+08:00');
    const b = await sell(t, admin, 'R-1', 500_000, '2026-07-20T10:00:00+08:00'); // straddles 10,000.00
    const { status, body } = await statement(t, await t.token('rep', 'R-1'), 'R-1', '2026-07');
    expect(status).toBe(200);
    expect(body).toMatchObject({ repId: 'R-1', period: '2026-07', plan: { planId: 'P-2026', version: 1 }, quota: 2_000_000, achieved: 1_300_000, attainment: 0.65, status: 'open' });
    expect(body.lines.map((l: any) => [l.lineId, l.kind, l.basis, l.rate, l.amount])).toEqual([
      ['commission:tier-1', 'commission', 1_000_000, '0.05', 50_000],
      ['commission:tier-2', 'commission', 300_000, '0.1', 30_000],
    ]);
    expect(body.lines[0].citations).toEqual(expect.arrayContaining([a.position, b.position, body.plan.position]));
    expect(body.lines[1].citations).toEqual(expect.arrayContaining([b.position]));
    expect(body.lines[1].citations).not.toContain(a.position);
    expect(body.total).toBe(80_000);
    expect(body.statementHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('is a 400 without a period, 404 for an unknown rep, 422 for a week (plans pay by month, quarter or year)', async () => {
    expect((await t.get('/api/payouts/R-1', admin)).status).toBe(400);
    expect((await statement(t, admin, 'R-9', '2026-07')).status).toBe(404);
    const week = await statement(t, admin, 'R-1', '2026-W28');
    expect(week.status).toBe(422);
    expect(week.body.rule).toBe('statement-period');
  });
});

describe('roles', () => {
  it('a rep reads only their own statement; a viewer no statement at all', async () => {
    const rep = await t.token('rep', 'R-1');
    expect((await statement(t, rep, 'R-1', '2026-07')).status).toBe(200);
    expect((await statement(t, rep, 'R-2', '2026-07')).status).toBe(403);
    expect((await statement(t, await t.token('viewer'), 'R-1', '2026-07')).status).toBe(403);
    expect((await t.get('/api/payouts?period=2026-07', await t.token('viewer'))).status).toBe(403);
  });

  it("a manager reads and approves their own team's statements only", async () => {
    const m1 = await t.token('manager', 'M-1', 'T-1');
    expect((await statement(t, m1, 'R-1', '2026-07')).status).toBe(200);
    expect((await statement(t, m1, 'R-3', '2026-07')).status).toBe(403);
    const foreign = await statement(t, admin, 'R-3', '2026-07');
    expect((await t.post('ApprovePayout', { repId: 'R-3', period: '2026-07', statementHash: foreign.body.statementHash }, m1)).status).toBe(403);
    const own = await statement(t, m1, 'R-1', '2026-07');
    expect((await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: own.body.statementHash }, m1)).status).toBe(201);
    const rep = await t.token('rep', 'R-2');
    const mine = await statement(t, rep, 'R-2', '2026-07');
    expect((await t.post('ApprovePayout', { repId: 'R-2', period: '2026-07', statementHash: mine.body.statementHash }, rep)).status).toBe(403);
  });

  it("lists a team's statements for its manager, and refuses another team", async () => {
    await sell(t, admin, 'R-2', 100_000, '2026-07-05T10:00:00+08:00');
    const m1 = await t.token('manager', 'M-1', 'T-1');
    const r = await t.get('/api/payouts?period=2026-07&team=T-1', m1);
    expect(r.status).toBe(200);
    const body = (await r.json()) as any;
    expect(body.statements.map((s: any) => s.repId)).toEqual(['R-1', 'R-2']);
    expect(body.total).toBe(body.statements.reduce((a: number, s: any) => a + s.total, 0));
    expect((await t.get('/api/payouts?period=2026-07&team=T-2', m1)).status).toBe(403);
    const everyone = (await (await t.get('/api/payouts?period=2026-07', m1)).json()) as any;
    expect(everyone.statements.map((s: any) => s.repId)).toEqual(['R-1', 'R-2']);
  });
});

describe('approval', () => {
  it('pins the hash: a statement that changed since it was read is refused with 422', async () => {
    await sell(t, admin, 'R-1', 800_000, '2026-07-05T10:00:00+08:00');
    const read = await statement(t, admin, 'R-1', '2026-07');
    await sell(t, admin, 'R-1', 10_000, '2026-07-30T10:00:00+08:00');
    const r = await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: read.body.statementHash }, admin);
    expect(r.status).toBe(422);
    expect(((await r.json()) as any).rule).toBe('statement-changed');
    const again = await statement(t, admin, 'R-1', '2026-07');
    expect((await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: again.body.statementHash }, admin)).status).toBe(201);
    const twice = await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: again.body.statementHash }, admin);
    expect(((await twice.json()) as any).rule).toBe('payout-already-approved');
  });

  it('an approved period followed by a late sale: the approved statement is unchanged, the next period shows one adjustment citing the late sale', async () => {
    await sell(t, admin, 'R-1', 800_000, '2026-07-05T10:00:00+08:00');
    const read = await statement(t, admin, 'R-1', '2026-07');
    const approvedAt = '2026-08-03T09:00:00+08:00';
    const approved = await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: read.body.statementHash }, admin);
    const approvalPosition = ((await approved.json()) as any).events[0].position;

    t.setNow('2026-08-05T09:00:00+08:00');
    admin = await t.token('admin');
    const late = await sell(t, admin, 'R-1', 400_000, '2026-07-31T16:00:00+08:00'); // recorded in August, occurred in July
    await sell(t, admin, 'R-1', 100_000, '2026-08-04T10:00:00+08:00');

    const now = await statement(t, admin, 'R-1', '2026-07');
    expect(now.body.status).toBe('approved');
    expect(now.body.statementHash).toBe(read.body.statementHash);
    expect(now.body.total).toBe(read.body.total);
    expect(now.body.lines).toEqual(read.body.lines);
    const then = await statement(t, admin, 'R-1', '2026-07', approvedAt);
    expect(then.body.statementHash).toBe(read.body.statementHash);

    const august = await statement(t, admin, 'R-1', '2026-08');
    const adjustments = august.body.lines.filter((l: any) => l.kind === 'adjustment');
    expect(adjustments).toHaveLength(1);
    // July now: 10,000 at 5 % + 2,000 at 10 % = 700.00; approved 400.00 → +300.00 here
    expect(adjustments[0]).toMatchObject({ lineId: 'adjustment:late:2026-07', origin: '2026-07', amount: 30_000 });
    expect(adjustments[0].citations).toEqual([approvalPosition, late.position]);
    expect(august.body.total).toBe(august.body.lines.reduce((a: number, l: any) => a + l.amount, 0));
  });

  it('a refund recorded after approval that occurred in the approved month is a negative adjustment on the next open month', async () => {
    const sale = await sell(t, admin, 'R-1', 1_200_000, '2026-07-05T10:00:00+08:00'); // 500 + 200 = 700.00
    const read = await statement(t, admin, 'R-1', '2026-07');
    await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: read.body.statementHash }, admin);
    const r = await t.post('RefundSale', { orderId: sale.orderId, amount: 400_000, occurredAt: '2026-07-30T10:00:00+08:00', reason: 'returned' }, admin);
    const refundAt = ((await r.json()) as any).events[0].position;
    const august = await statement(t, admin, 'R-1', '2026-08');
    // July recomputed: 8,000.00 at 5 % = 400.00, 300.00 less than approved
    expect(august.body.lines.map((l: any) => [l.lineId, l.amount, l.citations.includes(refundAt)])).toEqual([['adjustment:late:2026-07', -30_000, true]]);
    expect((await statement(t, admin, 'R-1', '2026-07')).body.total).toBe(70_000);
  });

  it('a refund after approval of a sale in the approved month claws back in the month it occurs, at the rate paid', async () => {
    const sale = await sell(t, admin, 'R-1', 1_200_000, '2026-07-05T10:00:00+08:00'); // 500 + 200 = 700.00, a blended 5.833… %
    const read = await statement(t, admin, 'R-1', '2026-07');
    await t.post('ApprovePayout', { repId: 'R-1', period: '2026-07', statementHash: read.body.statementHash }, admin);
    const refund = await t.post('RefundSale', { orderId: sale.orderId, amount: 600_000, occurredAt: '2026-08-02T10:00:00+08:00', reason: 'returned' }, admin);
    expect(refund.status).toBe(201);
    const august = await statement(t, admin, 'R-1', '2026-08');
    const claw = august.body.lines.filter((l: any) => l.kind === 'clawback');
    expect(claw.map((l: any) => [l.basis, l.amount])).toEqual([[600_000, -35_000]]); // half the order, half the 700.00 paid
    expect(august.body.lines.filter((l: any) => l.kind === 'adjustment')).toEqual([]);
    expect((await statement(t, admin, 'R-1', '2026-07')).body.statementHash).toBe(read.body.statementHash);
  });
});
