// GET /api/care: birthdays, holidays, follow-ups and surveys between two local dates in
// TALLY_TIMEZONE, each naming customer, owner rep, reason and due date; a logged contact closes
// the follow-up; a rep sees its own customers' tasks only.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { accepted } from './customersSupport';

interface Task { due: string; kind: string; customerId: string; customerName: string; ownerRepId: string; reason: string; overdue: boolean }

describe('care API', () => {
  let t: TestTally;
  let admin: string, rep1: string, rep3: string;
  const ok = (type: string, data: unknown, as?: string) => accepted(t, () => admin)(type, data, as);
  const tasks = async (query: string, token = admin): Promise<Task[]> => (await (await t.get(`/api/care?${query}`, token)).json()).tasks;

  beforeAll(async () => {
    // registered on 2026-01-05 (Shanghai); C-1 (seeded) has a 02-29 birthday
    t = await testTally({ now: '2026-01-05T10:00:00+08:00' });
    admin = await seedCompany(t);
    rep1 = await t.token('rep', 'R-1');
    rep3 = await t.token('rep', 'R-3');
    await ok('RegisterCustomer', { customerId: 'C-3', name: 'Crane Co', ownerRepId: 'R-3', birthday: '03-01' });
    await ok('SetCarePolicy', {
      holidays: [{ date: '2026-02-17', name: '春节' }, { date: '2027-02-06', name: '春节' }, { date: '2026-09-25', name: '中秋节' }],
      cadenceDays: { 'high-value': 30, regular: 60, potential: 45 },
    });
  });

  it('keeps a 02-29 birthday on 02-28 in a non-leap year', async () => {
    const b = (await tasks('from=2026-02-01&to=2026-03-31')).filter((x) => x.kind === 'birthday');
    expect(b.map((x) => [x.due, x.customerId, x.customerName, x.ownerRepId])).toEqual([['2026-02-28', 'C-1', 'Acme', 'R-1'], ['2026-03-01', 'C-3', 'Crane Co', 'R-3']]);
    expect(b[0].reason).toContain('02-28');
  });

  it('starts the default range on today in TALLY_TIMEZONE, not in UTC', async () => {
    // 2026-02-27T17:30Z is already 2026-02-28 01:30 in Shanghai: today's birthday is listed
    const shanghai = await tasks('at=2026-02-27T17:30:00Z');
    expect(shanghai.filter((x) => x.kind === 'birthday').map((x) => x.due)).toEqual(['2026-02-28', '2026-03-01']);
    // in UTC the same moment is still the 27th, and the range is the 30 days from it
    const u = await testTally({ now: '2026-01-05T10:00:00+08:00', env: { TALLY_TIMEZONE: 'UTC' } });
    const uAdmin = await seedCompany(u);
    const utc = (await (await u.get('/api/care?at=2026-02-27T17:30:00Z', uAdmin)).json());
    expect(utc.from).toBe('2026-02-27');
    expect(utc.tasks.find((x: Task) => x.kind === 'birthday').due).toBe('2026-02-28');
  });

  it('lists each holiday of the year the range covers for every customer', async () => {
    const h = (await tasks('from=2026-02-01&to=2026-02-28')).filter((x) => x.kind === 'holiday');
    expect(h.map((x) => [x.due, x.customerId, x.reason])).toEqual([['2026-02-17', 'C-1', '春节 greeting'], ['2026-02-17', 'C-3', '春节 greeting']]);
    expect((await tasks('from=2027-01-01&to=2027-02-28')).filter((x) => x.kind === 'holiday').map((x) => x.due)).toEqual(['2027-02-06', '2027-02-06']);
  });

  it('makes a follow-up due by tier cadence since registration or the last contact, and a contact closes it', async () => {
    // potential customers: every 45 days from registration on 2026-01-05 → 2026-02-19
    const before = (await tasks('from=2026-02-01&to=2026-02-28&at=2026-02-10T10:00:00%2B08:00')).filter((x) => x.kind === 'follow-up');
    expect(before.map((x) => [x.due, x.customerId])).toEqual([['2026-02-19', 'C-1'], ['2026-02-19', 'C-3']]);
    // a contact is recorded once it has happened (the clock goes back for the other cases)
    t.setNow('2026-02-16T09:00:00+08:00');
    await ok('LogCustomerContact', { customerId: 'C-1', contactId: 'K-1', repId: 'R-1', kind: 'call', occurredAt: '2026-02-15T20:00:00+08:00' }, await t.token('rep', 'R-1'));
    t.setNow('2026-01-05T10:00:00+08:00');
    const after = (await tasks('from=2026-02-01&to=2026-02-28&at=2026-02-20T10:00:00%2B08:00')).filter((x) => x.kind === 'follow-up');
    expect(after.map((x) => x.customerId)).toEqual(['C-3']);
    const next = (await tasks('from=2026-03-01&to=2026-04-30&at=2026-02-20T10:00:00%2B08:00')).find((x) => x.kind === 'follow-up' && x.customerId === 'C-1');
    expect(next?.due).toBe('2026-04-01'); // 2026-02-15 + 45 days
    expect(next?.reason).toContain('last contact (call) 2026-02-15');
  });

  it('shows a rep its own customers’ tasks only, and never to a viewer', async () => {
    const mine = await tasks('from=2026-02-01&to=2026-03-31', rep3);
    expect(new Set(mine.map((x) => x.customerId))).toEqual(new Set(['C-3']));
    expect((await t.get('/api/care?owner=rep:R-1', rep3)).status).toBe(403);
    expect((await t.get('/api/care', await t.token('viewer'))).status).toBe(403);
  });

  it('refuses a bad date or a range over a year with 400 naming the parameter', async () => {
    const bad = await t.get('/api/care?from=2026-02-30', admin);
    expect(bad.status).toBe(400);
    expect((await bad.json()).errors[0].path).toBe('from');
    expect((await t.get('/api/care?from=2026-01-01&to=2027-06-01', admin)).status).toBe(400);
    expect((await t.get('/api/care?from=2026-03-01&to=2026-02-01', admin)).status).toBe(400);
  });
});
