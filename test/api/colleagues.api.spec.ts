// Colleagues of other departments over HTTP: AddColleague (admin), an action item owned by one
// (AddActionItem.ownerColleagueId), and reviews and the action item list naming its owner.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

describe('colleagues of other departments', () => {
  let t: TestTally;
  let admin: string;
  let manager: string;

  beforeAll(async () => {
    t = await testTally({ now: '2026-11-10T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    manager = await t.token('manager', 'M-1', 'T-1');
    const r = await t.post('AddColleague', { colleagueId: 'CO-MKT', name: 'Zhou Min', department: 'Marketing' }, admin);
    expect(r.status).toBe(201);
    t.setNow('2026-11-12T10:00:00+08:00');
    manager = await t.token('manager', 'M-1', 'T-1');
    admin = await t.token('admin');
    const item = await t.post('AddActionItem', { actionId: 'AI-1', title: 'Run the December promotion', due: '2026-11-30', ownerColleagueId: 'CO-MKT', teamId: 'T-1', period: '2026-11' }, manager);
    expect(item.status, await item.clone().text()).toBe(201);
  });

  it('shows the colleague who owns an item by name and department, in the review and the action item list', async () => {
    const owner = { colleagueId: 'CO-MKT', name: 'Zhou Min', department: 'Marketing' };
    const review = await (await t.get('/api/reviews/2026-11?team=T-1', admin)).json();
    expect(review.actionItems.map((a: { actionId: string; ownerRepId: string | null; ownerColleague: unknown }) => [a.actionId, a.ownerRepId, a.ownerColleague])).toEqual([['AI-1', null, owner]]);
    const items = await (await t.get('/api/action-items?team=T-1', manager)).json();
    expect(items.items[0].ownerColleague).toEqual(owner);
    // not yet known before it was added
    const before = await (await t.get(`/api/reviews/2026-11?team=T-1&asOf=${encodeURIComponent('2026-11-11T00:00:00+08:00')}`, admin)).json();
    expect(before.actionItems).toEqual([]);
  });

  it('refuses bad input naming the field, a colleague added twice, and anyone but an admin', async () => {
    const cases: [string, unknown, string, number, string, string?][] = [
      ['AddColleague', { colleagueId: 'CO-2', name: 'Wu' }, admin, 400, 'invalid', 'data.department'],
      ['AddColleague', { colleagueId: 'CO 2', name: 'Wu', department: 'Service' }, admin, 400, 'invalid', 'data.colleagueId'],
      ['AddColleague', { colleagueId: 'CO-MKT', name: 'Zhou Min', department: 'Marketing' }, admin, 409, 'conflict'],
      ['AddColleague', { colleagueId: 'CO-3', name: 'Wu', department: 'Service' }, manager, 403, 'forbidden'],
      ['AddActionItem', { actionId: 'AI-2', title: 'x', due: '2026-11-30', ownerColleagueId: 'CO-9', teamId: 'T-1' }, manager, 404, 'not-found'],
      ['AddActionItem', { actionId: 'AI-3', title: 'x', due: '2026-11-30', ownerColleagueId: 'CO-MKT', ownerRepId: 'R-1' }, manager, 400, 'invalid', 'data.ownerColleagueId'],
      ['AddActionItem', { actionId: 'AI-4', title: 'x', due: '2026-11-30', ownerColleagueId: 'bad id' }, manager, 400, 'invalid', 'data.ownerColleagueId'],
      // a colleague's item naming no team is the company's: the admin's, not a manager's
      ['AddActionItem', { actionId: 'AI-5', title: 'x', due: '2026-11-30', ownerColleagueId: 'CO-MKT' }, manager, 403, 'forbidden'],
      ['AddActionItem', { actionId: 'AI-6', title: 'x', due: '2026-11-30', ownerColleagueId: 'CO-MKT', teamId: 'T-2' }, manager, 403, 'forbidden'],
    ];
    for (const [type, data, token, status, code, path] of cases) {
      const r = await t.post(type, data, token);
      const p = await r.json();
      expect([r.status, p.code], `${type} ${JSON.stringify(data)}`).toEqual([status, code]);
      if (path) expect(p.errors.map((e: { path: string }) => e.path), JSON.stringify(data)).toContain(path);
    }
  });
});
