// The period review over HTTP: as of a recorded moment it shows what was known then; compare
// names exactly what was learnt in between; managers see their team, viewers no customer data.
import { describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

const sale = (orderId: string, amount: number, occurredAt: string, repId = 'R-1') => ({
  orderId, customerId: 'C-1', repId, lines: [{ product: 'CRM', units: 1, amount }], occurredAt,
});

const ok = async (r: Response) => {
  if (r.status >= 300) throw new Error(`${r.status} ${await r.text()}`);
  return r.json();
};

/** Move the server clock and mint an admin token valid at the new time. */
const at = async (t: TestTally, now: string) => {
  t.setNow(now);
  return t.token('admin');
};

/** A June sale recorded in June, and a late one for June recorded on July 5. */
const withLateSale = async () => {
  const t = await testTally({ now: '2026-06-01T09:00:00+08:00' });
  await seedCompany(t);
  await ok(await t.post('RecordSale', sale('O-JUNE', 100_000, '2026-06-14T10:00:00+08:00'), await at(t, '2026-06-15T09:00:00+08:00')));
  await ok(await t.post('RecordSale', sale('O-LATE', 35_000, '2026-06-28T16:00:00+08:00', 'R-2'), await at(t, '2026-07-05T09:00:00+08:00')));
  return { t, admin: await at(t, '2026-07-20T09:00:00+08:00') };
};

const revenueOf = (review: { kpis: { metric: string; actual: number }[] }) => review.kpis.find((k) => k.metric === 'revenue')!.actual;

describe('GET /api/reviews/:period as of a recorded moment', () => {
  it('excludes a June sale recorded on July 5 as of July 1 and includes it as of July 10', async () => {
    const { t, admin } = await withLateSale();
    const july1 = await ok(await t.get('/api/reviews/2026-06?asOf=2026-07-01T00:00:00%2B08:00', admin));
    const july10 = await ok(await t.get('/api/reviews/2026-06?asOf=2026-07-10T00:00:00%2B08:00', admin));
    expect(revenueOf(july1)).toBe(100_000);
    expect(revenueOf(july10)).toBe(135_000);
    expect(july10.position).toBeGreaterThan(july1.position);
    expect(revenueOf(await ok(await t.get('/api/reviews/2026-06', admin)))).toBe(135_000);
  });

  it('names the rep who moved the number, and a section it cannot compute yet as absent with a note', async () => {
    const { t, admin } = await withLateSale();
    const review = await ok(await t.get('/api/reviews/2026-06', admin));
    const revenue = review.kpis.find((k: { metric: string }) => k.metric === 'revenue');
    expect(revenue.contributors.reps.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([['R-1', 100_000], ['R-2', 35_000]]);
    for (const a of review.absent) expect(review[a.section]).toBeNull();
  });
});

describe('GET /api/reviews/:period/compare', () => {
  it('lists exactly the late sale and the revenue it added between July 1 and July 10', async () => {
    const { t, admin } = await withLateSale();
    const diff = await ok(await t.get('/api/reviews/2026-06/compare?from=2026-07-01T00:00:00%2B08:00&to=2026-07-10T00:00:00%2B08:00', admin));
    expect(diff.lateSales).toHaveLength(1);
    expect(diff.lateSales[0].events.map((e: { data: { orderId: string } }) => e.data.orderId)).toEqual(['O-LATE']);
    expect(diff.lateSales[0].effect).toEqual({ revenue: 35_000, units: 1, orders: 1 });
    expect(diff.refunds).toEqual([]);
    expect(diff.kpis.find((k: { metric: string }) => k.metric === 'revenue')).toEqual({ metric: 'revenue', from: 100_000, to: 135_000, delta: 35_000 });
    expect(diff.explained.revenue).toBe(35_000);
  });

  it('refuses a missing or reversed window and a period that is not a month, quarter or year', async () => {
    const { t, admin } = await withLateSale();
    const missing = await t.get('/api/reviews/2026-06/compare?from=2026-07-01T00:00:00%2B08:00', admin);
    expect(missing.status).toBe(400);
    expect((await missing.json()).errors[0].path).toBe('to');
    expect((await t.get('/api/reviews/2026-06/compare?from=2026-07-10T00:00:00%2B08:00&to=2026-07-01T00:00:00%2B08:00', admin)).status).toBe(400);
    const week = await t.get('/api/reviews/2026-W27', admin);
    expect(week.status).toBe(400);
    expect((await week.json()).errors[0].path).toBe('period');
  });
});

describe('who sees which review', () => {
  const setup = async (): Promise<TestTally & { admin: string }> => {
    const { t, admin } = await withLateSale();
    await ok(await t.post('RecordSale', { ...sale('O-NORTH', 50_000, '2026-06-20T10:00:00+08:00', 'R-3') }, admin));
    return Object.assign(t, { admin });
  };

  it('gives a manager their own team’s review, and 403 for another team', async () => {
    const t = await setup();
    const m1 = await t.token('manager', 'M-1', 'T-1');
    const own = await ok(await t.get('/api/reviews/2026-06', m1));
    expect(own.team).toEqual({ teamId: 'T-1', name: 'East' });
    expect(revenueOf(own)).toBe(135_000);
    expect((await t.get('/api/reviews/2026-06?team=T-2', m1)).status).toBe(403);
  });

  it('shows a viewer the figures without customer names; a rep is not admitted', async () => {
    const t = await setup();
    const viewer = await ok(await t.get('/api/reviews/2026-06', await t.token('viewer')));
    const customers = viewer.kpis.find((k: { metric: string }) => k.metric === 'revenue').contributors.customers;
    expect(customers[0]).toMatchObject({ key: 'C-1', value: 185_000 });
    expect(customers[0].name).toBeUndefined();
    const company = await ok(await t.get('/api/reviews/2026-06', t.admin));
    expect(company.kpis.find((k: { metric: string }) => k.metric === 'revenue').contributors.customers[0].name).toBe('Acme');
    expect((await t.get('/api/reviews/2026-06', await t.token('rep', 'R-1'))).status).toBe(403);
  });

  it('an unknown team is a 404', async () => {
    const t = await setup();
    expect((await t.get('/api/reviews/2026-06?team=T-404', t.admin)).status).toBe(404);
  });
});
