// GET /api/analytics: rows by every `by` with SPEC §4's columns, growth against the previous
// period of the same kind (null when that was 0), rows sorted by key, scoped to the caller.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { accepted } from './customersSupport';

interface Row { key: string; revenue: number; units: number; orders: number; customers: number; newCustomers: number; discount: number; premium: number; growth: number | null; growthNote: string | null }

describe('analytics API', () => {
  let t: TestTally;
  let admin: string;
  const ok = (type: string, data: unknown, as?: string) => accepted(t, () => admin)(type, data, as);
  const rows = async (query: string, token = admin): Promise<Row[]> => {
    const r = await t.get(`/api/analytics?${query}`, token);
    if (r.status !== 200) throw new Error(`${query}: ${r.status} ${await r.text()}`);
    return (await r.json()).rows;
  };
  const sale = (orderId: string, customerId: string, who: string | [string, string][], lines: [string, number, number][], occurredAt: string) =>
    ok('RecordSale', { orderId, customerId, ...(typeof who === 'string' ? { repId: who } : { splits: who.map(([repId, share]) => ({ repId, share })) }), lines: lines.map(([product, units, amount]) => ({ product, units, amount })), occurredAt });

  beforeAll(async () => {
    t = await testTally({ now: '2026-08-10T10:00:00+08:00' });
    admin = await seedCompany(t);
    await ok('RegisterCustomer', { customerId: 'C-2', name: 'Bolt', ownerRepId: 'R-3', region: 'North' });
    await sale('O-1', 'C-1', 'R-1', [['CRM', 2, 600_00]], '2026-06-15T10:00:00+08:00');
    await sale('O-2', 'C-1', 'R-1', [['CRM', 1, 300_00], ['Training', 3, 300_00]], '2026-07-01T00:30:00+08:00');
    await sale('O-3', 'C-2', [['R-2', '0.6'], ['R-3', '0.4']], [['CRM', 5, 1000_00]], '2026-07-20T10:00:00+08:00');
    await ok('RefundSale', { orderId: 'O-3', amount: 100_00, occurredAt: '2026-07-25T10:00:00+08:00', reason: 'partial return' });
  });

  it('groups July by rep: each split credit counts an order; growth against June', async () => {
    expect(await rows('period=2026-07&by=rep')).toEqual([
      { key: 'R-1', revenue: 600_00, units: 4, orders: 1, customers: 1, newCustomers: 0, discount: 0, premium: 0, growth: 0, growthNote: null },
      { key: 'R-2', revenue: 540_00, units: 3, orders: 1, customers: 1, newCustomers: 1, discount: 0, premium: 0, growth: null, growthNote: 'nothing in 2026-06 to grow from' },
      { key: 'R-3', revenue: 360_00, units: 2, orders: 1, customers: 1, newCustomers: 1, discount: 0, premium: 0, growth: null, growthNote: 'nothing in 2026-06 to grow from' },
    ]);
  });

  it('groups by team, region, product and tier, each summing to the month', async () => {
    expect((await rows('period=2026-07&by=team')).map((r) => [r.key, r.revenue, r.orders])).toEqual([['T-1', 1140_00, 2], ['T-2', 360_00, 1]]);
    expect((await rows('period=2026-07&by=region')).map((r) => [r.key, r.revenue, r.customers])).toEqual([['East', 600_00, 1], ['North', 900_00, 1]]);
    // O-2's lines split by amount; O-3's refund shares its one line
    expect((await rows('period=2026-07&by=product')).map((r) => [r.key, r.revenue, r.units, r.orders])).toEqual([['CRM', 1200_00, 6, 2], ['Training', 300_00, 3, 1]]);
    // at July's end C-1 (1,200 over 12 months) leads C-2 (900): the top 20 % of 2 is C-1
    expect((await rows('period=2026-07&by=tier')).map((r) => [r.key, r.revenue])).toEqual([['high-value', 600_00], ['regular', 900_00]]);
  });

  it('groups a quarter by month and a month by ISO week and day, in TALLY_TIMEZONE', async () => {
    // O-2 at 00:30 on 1 July Shanghai time is in July, though it is still 30 June in UTC
    const months = await rows('period=2026-Q3&by=month');
    expect(months.map((r) => [r.key, r.revenue, r.growth])).toEqual([['2026-07', 1500_00, 1.5], ['2026-08', 0, -1], ['2026-09', 0, null]]);
    const weeks = await rows('period=2026-07&by=week');
    expect(weeks.map((r) => r.key)).toEqual(['2026-W27', '2026-W28', '2026-W29', '2026-W30', '2026-W31']);
    // the week of 20–26 July holds O-3 and its refund
    expect(weeks.find((r) => r.key === '2026-W30')?.revenue).toBe(900_00);
    const days = await rows('period=2026-07&by=day');
    expect(days).toHaveLength(31);
    expect(days[0]).toMatchObject({ key: '2026-07-01', revenue: 600_00, orders: 1 });
  });

  it('counts a split order by its lines, not by its credits (order SO-2026-03634 of the demo)', async () => {
    // 1 SUPPORT (316,800) + 3 CRM-PRO (3,276,000) = 3,592,800, split R-1 0.6 / R-2 0.4.
    // Credits: R-2 = 0.4 × 3,592,800 = 1,437,120 and round(0.4 × 4) = 2 units; R-1 the rest,
    // 2,155,680 and 2 units. The product rows are the lines: SUPPORT 1 unit 316,800, CRM-PRO 3
    // units 3,276,000 (the old split of each credit by lines made it 2 + 2 units).
    // R-1's part of each line, in proportion: SUPPORT 2,155,680 × 316,800 / 3,592,800 = 190,080,
    // CRM-PRO 1,965,600; units 2 × 1/4 = 0.5 and 2 × 3/4 = 1.5 → 0 + 1, the one left over to the
    // earlier line → 1 + 1. R-2 takes what is left of each line: 126,720 / 0 units and
    // 1,310,400 / 2 units.
    await sale('SO-2026-03634', 'C-1', [['R-1', '0.6'], ['R-2', '0.4']], [['SUPPORT', 1, 316_800], ['CRM-PRO', 3, 3_276_000]], '2026-05-03T10:37:00+08:00');
    const shape = (rs: Row[]) => rs.map((r) => [r.key, r.revenue, r.units, r.orders]);
    expect(shape(await rows('period=2026-05&by=product'))).toEqual([['CRM-PRO', 3_276_000, 3, 1], ['SUPPORT', 316_800, 1, 1]]);
    expect(shape(await rows('period=2026-05&by=product&owner=rep:R-1'))).toEqual([['CRM-PRO', 1_965_600, 1, 1], ['SUPPORT', 190_080, 1, 1]]);
    expect(shape(await rows('period=2026-05&by=product&owner=rep:R-2'))).toEqual([['CRM-PRO', 1_310_400, 2, 1], ['SUPPORT', 126_720, 0, 1]]);
    expect(shape(await rows('period=2026-05&by=rep'))).toEqual([['R-1', 2_155_680, 2, 1], ['R-2', 1_437_120, 2, 1]]);
  });

  it('groups by channel and promotion, with the discount below list and the premium above it', async () => {
    // O-10: 2 CRM at a list price of 500.00 sold for 900.00 → a discount of 100.00, online, under AUTUMN;
    // refunded 100.00 later (money back: the discount stays). O-11: 1 Training at a list price of
    // 100.00 sold for 120.00 → a premium of 20.00, direct, split R-2 0.6 / R-3 0.4. O-12: no terms.
    await ok('RecordSale', { orderId: 'O-10', customerId: 'C-1', repId: 'R-1', channel: 'online', promotionId: 'AUTUMN', lines: [{ product: 'CRM', units: 2, amount: 900_00, listPrice: 500_00 }], occurredAt: '2026-04-05T10:00:00+08:00' });
    t.setNow('2026-08-10T10:01:00+08:00'); // recorded a minute after O-10, so asOf can tell them apart
    await ok('RecordSale', { orderId: 'O-11', customerId: 'C-2', splits: [{ repId: 'R-2', share: '0.6' }, { repId: 'R-3', share: '0.4' }], channel: 'direct', lines: [{ product: 'Training', units: 1, amount: 120_00, listPrice: 100_00 }], occurredAt: '2026-04-10T10:00:00+08:00' });
    await sale('O-12', 'C-1', 'R-1', [['CRM', 1, 50_00]], '2026-04-12T10:00:00+08:00');
    await ok('RefundSale', { orderId: 'O-10', amount: 100_00, occurredAt: '2026-04-20T10:00:00+08:00', reason: 'late delivery' });
    const shape = (rs: Row[]) => rs.map((r) => [r.key, r.revenue, r.orders, r.discount, r.premium]);
    expect(shape(await rows('period=2026-04&by=channel'))).toEqual([['(none)', 50_00, 1, 0, 0], ['direct', 120_00, 1, 0, 20_00], ['online', 800_00, 1, 100_00, 0]]);
    expect(shape(await rows('period=2026-04&by=promotion'))).toEqual([['(none)', 170_00, 2, 0, 20_00], ['AUTUMN', 800_00, 1, 100_00, 0]]);
    // a split sale's premium is shared as its revenue is: 72.00 and 48.00 of 120.00 → 12.00 and 8.00
    expect(shape(await rows('period=2026-04&by=rep'))).toEqual([['R-1', 850_00, 2, 100_00, 0], ['R-2', 72_00, 1, 0, 12_00], ['R-3', 48_00, 1, 0, 8_00]]);
    const total = (await (await t.get('/api/analytics?period=2026-04&by=channel', admin)).json()).total;
    expect([total.revenue, total.discount, total.premium]).toEqual([970_00, 100_00, 20_00]);
    // as of before O-11 was recorded, the direct channel had nothing yet
    const before = await rows(`period=2026-04&by=channel&asOf=${encodeURIComponent('2026-08-10T10:00:30+08:00')}`);
    expect(shape(before)).toEqual([['online', 900_00, 1, 100_00, 0]]);
  });

  it('refuses a bad channel, promotion or list price with 400 naming the field', async () => {
    const line = { product: 'CRM', units: 1, amount: 1 };
    for (const [extra, path] of [[{ channel: 'on line' }, 'data.channel'], [{ promotionId: 7 }, 'data.promotionId'], [{ lines: [{ ...line, listPrice: 1.5 }] }, 'data.lines.0.listPrice']] as const) {
      const r = await t.post('RecordSale', { orderId: 'O-BAD', customerId: 'C-1', repId: 'R-1', lines: [line], occurredAt: '2026-04-05T10:00:00+08:00', ...extra }, admin);
      expect([r.status, (await r.json()).errors[0].path], path).toEqual([400, path]);
    }
  });

  it('scopes a rep to its own credits and a manager to its team', async () => {
    const r3 = await t.token('rep', 'R-3');
    expect((await rows('period=2026-07&by=product', r3)).map((r) => [r.key, r.revenue])).toEqual([['CRM', 360_00]]);
    expect((await t.get('/api/analytics?period=2026-07&by=rep&owner=company', r3)).status).toBe(403);
    const m1 = await t.token('manager', 'M-1', 'T-1');
    expect((await rows('period=2026-07&by=rep', m1)).map((r) => r.key)).toEqual(['R-1', 'R-2']);
  });

  it('refuses a missing or unknown `by` and a bad period with 400 naming the parameter', async () => {
    for (const [q, path] of [['period=2026-07', 'by'], ['period=2026-07&by=city', 'by'], ['by=rep', 'period'], ['period=July&by=rep', 'period']]) {
      const r = await t.get(`/api/analytics?${q}`, admin);
      expect(r.status, q).toBe(400);
      expect((await r.json()).errors[0].path, q).toBe(path);
    }
  });
});

describe('analytics while the period runs (issue 14, item 5)', () => {
  // Wednesday 2 December 2026, 10:00 Shanghai (measured to the end of that minute, 10:01). R-1 sold 200,000 on Tue 24 Nov at 12:00, 300,000
  // on Thu 26 Nov and 150,000 on Tue 1 Dec at 11:00.
  // by=week of December: 2026-W49 (Mon 30 Nov – Sun 6 Dec, its Thursday in December) covers only
  // its December days, and to `at`: 1 Dec 00:00 – 2 Dec 10:00 = 150,000. The same span of W48,
  // one day into the week to one day and 10 hours in: 24 Nov 00:00 – 25 Nov 10:00 = 200,000.
  // Growth 150,000 / 200,000 − 1 = −0.25 (against the whole of W48, 500,000, it showed −0.7).
  // W50 … W53 have not started: no growth (they showed −100 %).
  let t: TestTally;
  let admin: string;
  const answer = async (query: string) => {
    const r = await t.get(`/api/analytics?${query}`, admin);
    if (r.status !== 200) throw new Error(`${query}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ at: string; comparison: { periodToDate: boolean; current: { to: string } }; rows: Row[]; total: { revenue: number } }>;
  };

  beforeAll(async () => {
    t = await testTally({ now: '2026-12-02T10:00:00+08:00' });
    admin = await seedCompany(t);
    const ok = accepted(t, () => admin);
    let n = 0;
    for (const [amount, occurredAt] of [[200_000, '2026-11-24T12:00:00+08:00'], [300_000, '2026-11-26T10:00:00+08:00'], [150_000, '2026-12-01T11:00:00+08:00']] as const)
      await ok('RecordSale', { orderId: `W-${++n}`, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount }], occurredAt });
  });

  it('compares the week in progress to date with the same span of the week before; weeks to come have no growth', async () => {
    const weeks = await answer('period=2026-12&by=week');
    expect(weeks.rows.map((r) => [r.key, r.revenue, r.growth])).toEqual([
      ['2026-W49', 150_000, -0.25], ['2026-W50', 0, null], ['2026-W51', 0, null], ['2026-W52', 0, null], ['2026-W53', 0, null],
    ]);
    expect(weeks.rows[1].growthNote).toBe('2026-W50 has not started yet');
    expect(weeks.comparison.periodToDate).toBe(true);
  });

  it('compares a quarter in progress month by month: ended months whole, December to date', async () => {
    // October 0; November 500,000 against October 0 (no growth); December to 2 Dec 10:00,
    // 150,000, against 1 Nov – 2 Nov 10:00, 0 (no growth) — not against November's 500,000
    const months = await answer('period=2026-Q4&by=month');
    expect(months.rows.map((r) => [r.key, r.revenue, r.growth, r.growthNote])).toEqual([
      ['2026-10', 0, null, 'nothing in 2026-09 to grow from'],
      ['2026-11', 500_000, null, 'nothing in 2026-10 to grow from'],
      ['2026-12', 150_000, null, 'nothing in 2026-11 from 2026-11-01T00:00:00+08:00 to 2026-11-02T10:01:00+08:00 to grow from'],
    ]);
    // at the end of 25 November, November to date is 200,000 against nothing in October
    const earlier = await answer(`period=2026-11&by=rep&at=${encodeURIComponent('2026-11-25T23:59:59.999+08:00')}`);
    expect([earlier.total.revenue, earlier.comparison.current.to]).toEqual([200_000, '2026-11-26T00:00:00+08:00']);
  });

  it("says why a row has no growth in the reader's language (lang, else Accept-Language)", async () => {
    const months = await answer('period=2026-Q4&by=month&lang=zh-CN');
    expect(months.rows.map((r) => r.growthNote)).toEqual(['2026-09没有数据，无从计算增长', '2026-10没有数据，无从计算增长', '2026-11（2026-11-01T00:00:00+08:00 至 2026-11-02T10:01:00+08:00）没有数据，无从计算增长']);
    const byHeader = (await (await t.app.request('/api/analytics?period=2026-12&by=week', { headers: { authorization: `Bearer ${admin}`, 'accept-language': 'zh-CN,zh;q=0.9' } })).json()) as { rows: Row[] };
    expect(byHeader.rows[1].growthNote).toBe('2026-W50 尚未开始');
    expect((await answer('period=2026-12&by=week&lang=en')).rows[1].growthNote).toBe('2026-W50 has not started yet');
  });
});
