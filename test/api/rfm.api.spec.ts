// Customers by behaviour over HTTP: a classification policy of kind rfm adds RFM scores and a
// segment (named in the reader's language) to the customers answer, as of any moment; contacts
// carry a birthday the care calendar greets; bad policies and birthdays are 400 naming the field.
import { beforeAll, describe, expect, it } from 'vitest';
import { created, seedCompany, testTally, type TestTally } from '../support/app';


describe('RFM segments and contact birthdays', () => {
  let t: TestTally;
  let admin: string;
  let beforePolicy = '';

  beforeAll(async () => {
    t = await testTally({ now: '2026-06-01T10:00:00+08:00', env: { TALLY_RATE_LIMIT: '0' } });
    admin = await seedCompany(t);
    await created(await t.post('RegisterCustomer', { customerId: 'C-2', name: 'Beta', ownerRepId: 'R-1', contacts: [{ name: '李雷', birthday: '06-05' }, { name: 'Han Meimei', birthday: '02-29' }, { name: 'No Birthday' }] }, admin));
    await created(await t.post('RecordSale', { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 500_00 }], occurredAt: '2026-05-30T10:00:00+08:00' }, admin));
    await created(await t.post('RecordSale', { orderId: 'O-2', customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 500_00 }], occurredAt: '2026-05-31T10:00:00+08:00' }, admin));
    const last = await created(await t.post('RecordSale', { orderId: 'O-3', customerId: 'C-2', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 100_00 }], occurredAt: '2025-09-01T10:00:00+08:00' }, admin));
    beforePolicy = last.events[0].recordedAt;
    t.setNow('2026-06-01T11:00:00+08:00');
    await created(await t.post('SetClassificationPolicy', { kind: 'rfm' }, admin));
  });

  it('shows each customer its scores and segment beside its tier, in the list and alone', async () => {
    const list = await (await t.get('/api/customers', admin)).json();
    expect(list.policy).toMatchObject({ kind: 'rfm', trailingMonths: 12 });
    const byId = new Map(list.customers.map((c: { customerId: string }) => [c.customerId, c]));
    expect(byId.get('C-1')).toMatchObject({ tier: 'high-value', rfm: { recencyDays: 1, orders: 2, revenue: 1000_00, recency: 4, frequency: 4, monetary: 4, score: '444', segment: 'champions', segmentName: 'Champions' } });
    expect(byId.get('C-2')).toMatchObject({ tier: 'regular', rfm: { recencyDays: 273, orders: 1, recency: 2, segment: 'lost' } });
    const zh = await (await t.get('/api/customers/C-2?lang=zh-CN', admin)).json();
    expect(zh.rfm).toMatchObject({ segment: 'lost', segmentName: '已流失客户' });
    expect(zh.contacts).toEqual([{ name: '李雷', birthday: '06-05' }, { name: 'Han Meimei', birthday: '02-29' }, { name: 'No Birthday' }]);
  });

  it('has no RFM before the policy asked for it (asOf) or under a revenue policy', async () => {
    const then = await (await t.get(`/api/customers?asOf=${encodeURIComponent(beforePolicy)}`, admin)).json();
    expect(then.policy.kind).toBe('revenue');
    expect(then.customers.map((c: { rfm: unknown }) => c.rfm)).toEqual([null, null]);
  });

  it('puts contacts’ birthdays on the care calendar, a 02-29 one on 02-28 in other years', async () => {
    const care = await (await t.get('/api/care?from=2026-06-01&to=2026-06-30', admin)).json();
    const birthdays = care.tasks.filter((k: { kind: string }) => k.kind === 'birthday');
    expect(birthdays).toEqual([expect.objectContaining({ due: '2026-06-05', customerId: 'C-2', contactName: '李雷', reason: "contact 李雷's birthday 06-05" })]);
    const feb = await (await t.get('/api/care?from=2027-02-01&to=2027-03-01&lang=zh-CN&at=2027-01-15T00:00:00%2B08:00', admin)).json();
    // C-1's own birthday first (tasks of a day are ordered by customer)
    expect(feb.tasks.filter((k: { kind: string }) => k.kind === 'birthday').map((k: { due: string; contactName: string; reason: string }) => [k.due, k.contactName, k.reason])).toEqual([
      ['2027-02-28', null, '生日 02-29（2027 年不是闰年，提前到 02-28）'],
      ['2027-02-28', 'Han Meimei', '联系人 Han Meimei 的生日 02-29（2027 年不是闰年，提前到 02-28）'],
    ]);
  });

  it('refuses a policy kind it does not know and a contact birthday that is no day, naming the field', async () => {
    const kind = await t.post('SetClassificationPolicy', { kind: 'rfn' }, admin);
    expect([kind.status, (await kind.json()).errors[0].path]).toEqual([400, 'data.kind']);
    for (const birthday of ['02-30', '13-01', '2-3', 229]) {
      const r = await t.post('UpdateCustomerProfile', { customerId: 'C-2', contacts: [{ name: 'X', birthday }] }, admin);
      expect([r.status, (await r.json()).errors[0].path], String(birthday)).toEqual([400, 'data.contacts.0.birthday']);
    }
    expect((await t.post('SetClassificationPolicy', { kind: 'rfm' }, admin)).status).toBe(422);
    expect((await t.post('SetClassificationPolicy', { kind: 'rfm' }, await t.token('manager', 'M-1', 'T-1'))).status).toBe(403);
  });
});
