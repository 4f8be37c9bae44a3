// RemoveRep over HTTP: a rep who left keeps its history (past sales, names on old boards) and the
// roster says when it left, but no sale dated after it left may be credited to it — 422 naming
// the field that credits it.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

const sale = (orderId: string, credit: { repId: string } | { splits: { repId: string; share: string }[] }, occurredAt: string) => ({
  orderId, customerId: 'C-1', ...credit, lines: [{ product: 'CRM', units: 1, amount: 10_000 }], occurredAt,
});

describe('RemoveRep', () => {
  let t: TestTally;
  let admin: string;

  beforeAll(async () => {
    t = await testTally({ now: '2026-08-20T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    expect((await t.post('RecordSale', sale('O-JUL', { repId: 'R-2' }, '2026-07-10T10:00:00+08:00'), admin)).status).toBe(201);
    // recorded on 25 August: R-2's last day is 31 August, in Shanghai
    t.setNow('2026-08-25T10:00:00+08:00');
    const r = await t.post('RemoveRep', { repId: 'R-2', leftAt: '2026-08-31' }, await t.token('manager', 'M-1', 'T-1'));
    expect(r.status).toBe(201);
    const body = await r.json();
    expect(body.events.map((e: { type: string; data: unknown }) => [e.type, e.data])).toEqual([
      ['RepRemoved', { repId: 'R-2', teamId: 'T-1', leftAt: '2026-08-31', creditUntil: '2026-08-31T16:00:00.000Z' }],
    ]);
    t.setNow('2026-09-05T10:00:00+08:00');
    admin = await t.token('admin');
  });

  it('still credits a sale on the last day, and refuses one after it, naming the field that credits the rep', async () => {
    expect((await t.post('RecordSale', sale('O-LAST', { repId: 'R-2' }, '2026-08-31T23:00:00+08:00'), admin)).status).toBe(201);
    const cases: [unknown, string][] = [
      [sale('O-1', { repId: 'R-2' }, '2026-09-01T00:00:00+08:00'), 'data.repId'],
      [sale('O-2', { splits: [{ repId: 'R-1', share: '0.5' }, { repId: 'R-2', share: '0.5' }] }, '2026-09-02T10:00:00+08:00'), 'data.splits.1.repId'],
    ];
    for (const [data, path] of cases) {
      const r = await t.post('RecordSale', data, admin);
      const p = await r.json();
      expect([r.status, p.code, p.errors?.map((e: { path: string }) => e.path)], path).toEqual([422, 'rep-removed', [path]]);
    }
    expect((await t.get('/api/events?stream=tally-order-O-1', admin).then((r) => r.json())).events).toEqual([]);
  });

  it('keeps the history: July’s sale stays R-2’s and T-1’s', async () => {
    const rows = (await (await t.get('/api/analytics?period=2026-07&by=rep', admin)).json()).rows.map((r: { key: string; revenue: number }) => [r.key, r.revenue]);
    expect(rows).toEqual([['R-2', 10_000]]);
    const board = (await (await t.get('/api/leaderboard?period=2026-08&team=T-1', admin)).json()).entries.map((e: { repId: string; name: string }) => [e.repId, e.name]);
    expect(board).toContainEqual(['R-2', 'Li Wei']);
  });

  it('shows on the roster when it left: not on the team at a later `at`, on it before; unknown before the removal was recorded', async () => {
    const reps = async (q: string) => (await (await t.get(`/api/reps?team=T-1${q}`, admin)).json()).reps.map((r: { repId: string; leftAt: string | null; active: boolean }) => [r.repId, r.leftAt, r.active]);
    expect(await reps('')).toEqual([['R-1', null, true], ['R-2', '2026-08-31', false]]);
    expect(await reps(`&at=${encodeURIComponent('2026-08-31T12:00:00+08:00')}`)).toEqual([['R-1', null, true], ['R-2', '2026-08-31', true]]);
    expect(await reps(`&asOf=${encodeURIComponent('2026-08-22T00:00:00+08:00')}`)).toEqual([['R-1', null, true], ['R-2', null, true]]);
    const headcount = async (q: string) => (await (await t.get(`/api/teams${q}`, admin)).json()).teams.map((x: { teamId: string; headcount: number }) => [x.teamId, x.headcount]);
    expect(await headcount('')).toEqual([['T-1', 1], ['T-2', 1]]);
    expect(await headcount(`?at=${encodeURIComponent('2026-08-31T12:00:00+08:00')}`)).toEqual([['T-1', 2], ['T-2', 1]]);
  });

  it('refuses bad input naming the field, an unknown rep, a second removal, leaving before joining, and moving a rep who left', async () => {
    const cases: [string, unknown, number, string, string?][] = [
      ['RemoveRep', { repId: 'R-1', leftAt: 'last friday' }, 400, 'invalid', 'data.leftAt'],
      ['RemoveRep', { repId: 'R-1' }, 400, 'invalid', 'data.leftAt'],
      ['RemoveRep', { repId: 'R-9', leftAt: '2026-08-31' }, 404, 'not-found'],
      ['RemoveRep', { repId: 'R-2', leftAt: '2026-09-30' }, 422, 'rep-already-removed', 'data.repId'],
      ['RemoveRep', { repId: 'R-1', leftAt: '2024-12-31' }, 422, 'left-before-joined', 'data.leftAt'],
      ['MoveRep', { repId: 'R-2', teamId: 'T-2', reason: 'rehire' }, 422, 'rep-removed', 'data.repId'],
    ];
    for (const [type, data, status, code, path] of cases) {
      const r = await t.post(type, data, admin);
      const p = await r.json();
      expect([r.status, p.code], `${type} ${JSON.stringify(data)}`).toEqual([status, code]);
      if (path) expect(p.errors.map((e: { path: string }) => e.path), JSON.stringify(data)).toContain(path);
    }
  });

  it('gives no new work to a rep who left, 422 naming the field, while facts dated before the leaving stay recordable', async () => {
    const cases: [string, unknown, string][] = [
      ['OpenDeal', { dealId: 'D-9', customerId: 'C-1', repId: 'R-2', amount: 100_000, stage: 'lead', expectedCloseAt: '2026-10-20', title: 'Renewal', occurredAt: '2026-09-02T10:00:00+08:00' }, 'data.repId'],
      ['RegisterCustomer', { customerId: 'C-9', name: 'Northwind', ownerRepId: 'R-2' }, 'data.ownerRepId'],
      ['ReassignCustomer', { customerId: 'C-1', toRepId: 'R-2', reason: 'coverage' }, 'data.toRepId'],
      ['AddActionItem', { actionId: 'AI-9', title: 'Call back', due: '2026-09-25', ownerRepId: 'R-2' }, 'data.ownerRepId'],
      ['SetGoal', { goalId: 'G-9', title: 'Li Wei September', owner: 'rep:R-2', metric: 'revenue', period: '2026-09', target: 1_000_000 }, 'data.owner'],
      ['ScheduleTraining', { trainingId: 'TR-9', title: 'Negotiation', topic: 'negotiation', date: '2026-09-20', repIds: ['R-1', 'R-2'] }, 'data.repIds.1'],
      ['AwardBadge', { badgeId: 'BG-9', repId: 'R-2', title: 'Closer', reason: 'big deal', occurredAt: '2026-09-03T10:00:00+08:00' }, 'data.repId'],
      ['LogCustomerContact', { customerId: 'C-1', contactId: 'K-9', repId: 'R-2', kind: 'visit', occurredAt: '2026-09-01T09:00:00+08:00' }, 'data.repId'],
    ];
    for (const [type, data, path] of cases) {
      const r = await t.post(type, data, admin);
      const p = await r.json();
      expect([r.status, p.code, p.errors?.map((e: { path: string }) => e.path)], type).toEqual([422, 'rep-removed', [path]]);
      const zh = await (await t.post(type, data, admin, { 'Accept-Language': 'zh-CN' })).json();
      expect(zh.detail, type).toBe("销售代表 'R-2' 已于 2026-08-31 离职");
    }
    // a visit on the last day, logged late, is history
    const late = await t.post('LogCustomerContact', { customerId: 'C-1', contactId: 'K-8', repId: 'R-2', kind: 'visit', occurredAt: '2026-08-31T17:00:00+08:00' }, admin);
    expect(late.status).toBe(201);
  });

  it('is an admin’s or the rep’s own manager’s: another team’s manager and a rep are refused', async () => {
    expect((await t.post('RemoveRep', { repId: 'R-1', leftAt: '2026-09-30' }, await t.token('manager', 'M-2', 'T-2'))).status).toBe(403);
    expect((await t.post('RemoveRep', { repId: 'R-1', leftAt: '2026-09-30' }, await t.token('rep', 'R-1'))).status).toBe(403);
  });
});
