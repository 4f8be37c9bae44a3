// The period review over HTTP: as of a recorded moment it shows what was known then; compare
// names exactly what was learnt in between; managers see their team, viewers no customer data.
import { describe, expect, it } from 'vitest';
import { composeReview } from '../../core/views/review/compose';
import { absent, defineSection } from '../../core/views/review/section';
import { reviewSections } from '../../core/views/review/sections';
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

  it('names the rep who moved the number, and computes every section of this build (none absent)', async () => {
    const { t, admin } = await withLateSale();
    const review = await ok(await t.get('/api/reviews/2026-06', admin));
    const revenue = review.kpis.find((k: { metric: string }) => k.metric === 'revenue');
    expect(revenue.contributors.reps.map((r: { key: string; value: number }) => [r.key, r.value])).toEqual([['R-1', 100_000], ['R-2', 35_000]]);
    expect(review.absent).toEqual([]);
    for (const { key } of reviewSections) expect(review[key], key).not.toBeNull();
    expect(reviewSections.every(({ key }) => key in review)).toBe(true);
  });

  it('shows a section it cannot compute as null, listed in absent with its note, the others as before', async () => {
    const { t } = await withLateSale();
    // every section of this build computes, so the review is composed here with one that cannot
    const notYet = defineSection('forecastAccuracy', () => absent('no forecast snapshots in this build'));
    const review = composeReview(t.deps.projections.world, { period: '2026-06', at: '2026-07-20T09:00:00+08:00' }, [...reviewSections, notYet]);
    expect(review.forecastAccuracy).toBeNull();
    expect(review.absent).toEqual([{ section: 'forecastAccuracy', note: 'no forecast snapshots in this build' }]);
    expect(revenueOf(review as never)).toBe(135_000);
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

  it('lists a refund, a goal revision and a customer reclassified by a late first sale, each with its events', async () => {
    const { t } = await withLateSale();
    await ok(await t.post('SetGoal', { goalId: 'G-JUNE', title: 'June revenue', owner: 'company', metric: 'revenue', period: '2026-06', target: 200_000 }, await at(t, '2026-06-02T09:00:00+08:00')));
    const admin = await at(t, '2026-07-06T09:00:00+08:00');
    await ok(await t.post('RegisterCustomer', { customerId: 'C-2', name: 'Beta', ownerRepId: 'R-1' }, admin));
    await ok(await t.post('RecordSale', { ...sale('O-C2', 50_000, '2026-06-29T10:00:00+08:00'), customerId: 'C-2' }, admin));
    await ok(await t.post('RefundSale', { orderId: 'O-JUNE', amount: 10_000, occurredAt: '2026-06-30T10:00:00+08:00', reason: 'damaged' }, admin));
    await ok(await t.post('ReviseGoal', { goalId: 'G-JUNE', target: 150_000, reason: 'two key accounts postponed' }, admin));
    const diff = await ok(await t.get('/api/reviews/2026-06/compare?from=2026-07-06T00:00:00%2B08:00&to=2026-07-10T00:00:00%2B08:00', await at(t, '2026-07-20T09:00:00+08:00')));
    expect(diff.lateSales.map((c: { events: { data: { orderId: string } }[] }) => c.events[0].data.orderId)).toEqual(['O-C2']);
    expect(diff.refunds.map((c: { effect: { revenue: number } }) => c.effect.revenue)).toEqual([-10_000]);
    expect(diff.goalRevisions).toHaveLength(1);
    expect(diff.goalRevisions[0].detail).toEqual({ goalId: 'G-JUNE', target: { from: 200_000, to: 150_000 } });
    expect(diff.reclassifiedCustomers.map((c: { customerId: string; from: string; to: string }) => [c.customerId, c.from, c.to])).toEqual([['C-2', 'potential', 'regular']]);
    expect(diff.reclassifiedCustomers[0].events.map((e: { type: string }) => e.type)).toEqual(['CustomerRegistered', 'SaleRecorded']);
    expect(diff.explained.revenue).toBe(40_000);
    expect(diff.kpis.find((k: { metric: string }) => k.metric === 'revenue').delta).toBe(40_000);
    expect(diff.reclassifiedCustomers[0].events[0].data.name).toBe('Beta');
    // an embed token sees the change in sums (40,000 = 50,000 late − 10,000 refunded), not the orders,
    // customers or events behind it (SPEC §5a)
    const seen = await ok(await t.get('/api/reviews/2026-06/compare?from=2026-07-06T00:00:00%2B08:00&to=2026-07-10T00:00:00%2B08:00', await t.token('viewer')));
    expect(seen.explained.revenue).toBe(40_000);
    expect(seen.kpis).toEqual(diff.kpis);
    expect([seen.lateSales, seen.refunds, seen.reclassifiedCustomers]).toEqual([[], [], []]);
    expect(seen.goalRevisions.map((g: { detail: unknown; events: unknown[] }) => [g.detail, g.events])).toEqual([[{ goalId: 'G-JUNE', target: { from: 200_000, to: 150_000 } }, []]]);
    expect(JSON.stringify(seen)).not.toMatch(/O-C2|O-JUNE|C-2|Beta|damaged/);
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

  it('shows a viewer the figures without customers; a rep is not admitted', async () => {
    const t = await setup();
    const viewer = await ok(await t.get('/api/reviews/2026-06', await t.token('viewer')));
    const revenue = viewer.kpis.find((k: { metric: string }) => k.metric === 'revenue');
    // the company's June: 100,000 (R-1) + 35,000 (R-2) + 50,000, all on C-1
    expect(revenue.actual).toBe(185_000);
    expect(revenue.contributors.customers).toEqual([]);
    expect(revenue.contributors.reps.map((r: { key: string }) => r.key)).toEqual(['R-1', 'R-3', 'R-2']);
    const company = await ok(await t.get('/api/reviews/2026-06', t.admin));
    expect(company.kpis.find((k: { metric: string }) => k.metric === 'revenue').contributors.customers[0]).toMatchObject({ key: 'C-1', value: 185_000, name: 'Acme' });
    expect((await t.get('/api/reviews/2026-06', await t.token('rep', 'R-1'))).status).toBe(403);
  });

  it('an unknown team is a 404', async () => {
    const t = await setup();
    expect((await t.get('/api/reviews/2026-06?team=T-404', t.admin)).status).toBe(404);
  });
});

describe('the quarterly retrospective', () => {
  it('shows June as it was known at its monthly review beside how it looks after the late sale', async () => {
    const t = await testTally({ now: '2026-06-01T09:00:00+08:00' });
    await seedCompany(t);
    await ok(await t.post('RecordSale', sale('O-JUNE', 100_000, '2026-06-14T10:00:00+08:00'), await at(t, '2026-06-15T09:00:00+08:00')));
    const review = { meetingId: 'MR-06', kind: 'monthly-review', occurredAt: '2026-07-03T09:30:00+08:00', attendees: ['M-1', 'R-1'], period: '2026-06' };
    await ok(await t.post('HoldMeeting', review, await at(t, '2026-07-03T11:00:00+08:00')));
    await ok(await t.post('RecordSale', sale('O-LATE', 35_000, '2026-06-28T16:00:00+08:00', 'R-2'), await at(t, '2026-07-05T09:00:00+08:00')));
    const admin = await at(t, '2026-07-20T09:00:00+08:00');
    const { retrospective } = await ok(await t.get('/api/reviews/2026-Q2', admin));
    const june = retrospective.months.find((m: { period: string }) => m.period === '2026-06');
    expect(june.meeting.meetingId).toBe('MR-06');
    expect(june.then.kpis.find((k: { metric: string }) => k.metric === 'revenue').actual).toBe(100_000);
    expect(june.now.kpis.find((k: { metric: string }) => k.metric === 'revenue').actual).toBe(135_000);
    expect(june.changes).toEqual(expect.arrayContaining([{ metric: 'revenue', then: 100_000, now: 135_000, delta: 35_000 }]));
    expect(retrospective.months.find((m: { period: string }) => m.period === '2026-04').meeting).toBeNull();
  });

  it('groups the quarter’s lessons by keep / stop / try and follows up the last retro’s action items', async () => {
    const t = await testTally({ now: '2026-04-08T09:00:00+08:00' });
    let admin = await seedCompany(t);
    await ok(await t.post('HoldMeeting', { meetingId: 'QR-Q1', kind: 'quarterly-retro', occurredAt: '2026-04-08T09:00:00+08:00', attendees: ['M-1'], period: '2026-Q1' }, admin));
    for (const id of ['A-1', 'A-2']) await ok(await t.post('AddActionItem', { actionId: id, title: `follow-up ${id}`, due: '2026-05-15', ownerRepId: 'R-1', source: 'QR-Q1' }, admin));
    t.setNow('2026-05-11T09:00:00+08:00'); // completed facts are recorded once they happened
    admin = await t.token('admin');
    await ok(await t.post('CompleteActionItem', { actionId: 'A-1', occurredAt: '2026-05-10T17:00:00+08:00' }, admin));
    for (const [id, kind] of [['L-1', 'keep'], ['L-2', 'try'], ['L-3', 'try']] as const) await ok(await t.post('RecordLesson', { lessonId: id, period: '2026-Q2', kind, text: `lesson ${id}` }, admin));
    const { retrospective } = await ok(await t.get('/api/reviews/2026-Q2?at=2026-07-06T09:00:00%2B08:00', admin));
    expect(retrospective.keep.map((l: { lessonId: string }) => l.lessonId)).toEqual(['L-1']);
    expect(retrospective.stop).toEqual([]);
    expect(retrospective.try.map((l: { lessonId: string }) => l.lessonId)).toEqual(['L-2', 'L-3']);
    expect(retrospective.lastRetro).toMatchObject({ meetingId: 'QR-Q1', done: 1, of: 2 });
    expect(retrospective.lastRetro.actionItems.map((i: { actionId: string; status: string }) => [i.actionId, i.status])).toEqual([['A-1', 'done'], ['A-2', 'overdue']]);
  });
});

describe('action items', () => {
  const withItems = async () => {
    const t = await testTally({ now: '2026-07-03T09:00:00+08:00' });
    const admin = await seedCompany(t);
    await ok(await t.post('AddActionItem', { actionId: 'A-LATE', title: 'call lapsed customers', due: '2026-07-10', ownerRepId: 'R-1' }, admin));
    await ok(await t.post('AddActionItem', { actionId: 'A-NORTH', title: 'price list', due: '2026-07-10', ownerRepId: 'R-3' }, admin));
    return { t, admin: await at(t, '2026-07-13T09:00:00+08:00') };
  };

  it('an item past its due date without completion is overdue in the review and on its own', async () => {
    const { t, admin } = await withItems();
    const review = await ok(await t.get('/api/reviews/2026-07?team=T-1', admin));
    expect(review.actionItems.map((i: { actionId: string; status: string }) => [i.actionId, i.status])).toEqual([['A-LATE', 'overdue']]);
    expect(review.actionSummary).toEqual({ open: 0, done: 0, overdue: 1 });
    const one = await ok(await t.get('/api/action-items/A-LATE', admin));
    expect(one).toMatchObject({ status: 'overdue', overdue: true, daysOverdue: 3 });
    expect(one.events.map((e: { type: string }) => e.type)).toEqual(['ActionItemAdded']);
    const before = await ok(await t.get('/api/action-items/A-LATE?at=2026-07-10T20:00:00%2B08:00', admin));
    expect(before.status).toBe('open');
  });

  it('a rep sees only their own items; a manager only their team’s', async () => {
    const { t } = await withItems();
    const rep = await ok(await t.get('/api/action-items', await t.token('rep', 'R-1')));
    expect(rep.items.map((i: { actionId: string }) => i.actionId)).toEqual(['A-LATE']);
    expect((await t.get('/api/action-items/A-NORTH', await t.token('rep', 'R-1'))).status).toBe(404);
    const manager = await ok(await t.get('/api/action-items?status=overdue', await t.token('manager', 'M-2', 'T-2')));
    expect(manager.items.map((i: { actionId: string }) => i.actionId)).toEqual(['A-NORTH']);
  });
});

describe('GET /api/reviews/:period while the period runs (issue 14, items 5 and 6)', () => {
  // 2 December 2026 at 10:00. Team T-1 sold 100,000 on 1 Nov 09:00, 800,000 later in
  // November and 170,000 on 1–2 December. December to date, 170,000, is compared with the same
  // span of November (1 Nov 00:00 – 2 Nov 10:00), 100,000: growth +0.7, and `previous` is that base
  // (against all of November, 900,000, it showed −0.8111). Team T-2 had only a refund of
  // 266,669 on 1 Nov in that span: a base below zero gives no growth, not −1.0004.
  it('compares the team KPIs to date with the same span of the previous month, and names their contributors so', async () => {
    const t = await testTally({ now: '2026-12-02T10:00:00+08:00' });
    const admin = await seedCompany(t);
    for (const [id, amount, when, rep] of [
      ['N-1', 100_000, '2026-11-01T09:00:00+08:00', 'R-1'], ['N-2', 500_000, '2026-11-20T09:00:00+08:00', 'R-1'], ['N-3', 300_000, '2026-11-15T09:00:00+08:00', 'R-2'],
      ['D-1', 120_000, '2026-12-01T15:00:00+08:00', 'R-1'], ['D-2', 50_000, '2026-12-02T09:00:00+08:00', 'R-2'], ['O-3', 300_000, '2026-10-10T09:00:00+08:00', 'R-3'],
    ] as const) await ok(await t.post('RecordSale', sale(id, amount, when, rep), admin));
    await ok(await t.post('RefundSale', { orderId: 'O-3', amount: 266_669, occurredAt: '2026-11-01T12:00:00+08:00', reason: 'returned' }, admin));
    const kpi = async (team: string) => (await ok(await t.get(`/api/reviews/2026-12?team=${team}`, admin))).kpis.find((k: { metric: string }) => k.metric === 'revenue');
    const east = await kpi('T-1');
    expect([east.actual, east.previous, east.growth, east.growthNote]).toEqual([170_000, 100_000, 0.7, null]);
    // the reps moved by their change over the same span: R-1 120,000 − 100,000, R-2 50,000 − 0
    expect(east.contributors.reps.map((r: { key: string; previous: number; change: number }) => [r.key, r.previous, r.change])).toEqual(expect.arrayContaining([['R-1', 100_000, 20_000], ['R-2', 0, 50_000]]));
    const north = await kpi('T-2');
    expect([north.actual, north.previous, north.growth]).toEqual([0, -266_669, null]);
    expect(north.growthNote).toMatch(/was negative \(-266669\)/);
  });
});

describe('GET /api/reviews/:period/compare names what moved a customer between tiers (issue 14, item 7)', () => {
  // November 2026. Five customers with sales: C-1 500,000, C-2 400,000, C-3 300,000, C-4 200,000,
  // C-5 100,000. The default policy makes the top 20 % of the 5, rounded up — 1 place — high-value:
  // C-1; C-2 is regular. Between 11:00 and 13:00 on 20 November: the policy is set to the top 50 %
  // and back to the default (net: nothing changed), and a new customer C-6 buys 50,000. Six ranked
  // customers give ⌈1.2⌉ = 2 places, so C-2 becomes high-value — because of C-6, not the policies.
  // At 14:00 the policy is set to the top 50 % for good: ⌈3⌉ = 3 places, and C-3 moves because of it.
  it('attributes a tier change to what changed the ranking, not to policy changes that cancel out', async () => {
    const t = await testTally({ now: '2026-11-20T09:00:00+08:00' });
    let admin = await seedCompany(t);
    for (const [i, amount] of [[1, 500_000], [2, 400_000], [3, 300_000], [4, 200_000], [5, 100_000]] as const) {
      if (i > 1) await ok(await t.post('RegisterCustomer', { customerId: `C-${i}`, name: `Customer ${i}`, ownerRepId: 'R-1' }, admin));
      await ok(await t.post('RecordSale', { ...sale(`O-${i}`, amount, `2026-11-0${i + 1}T10:00:00+08:00`), customerId: `C-${i}` }, admin));
    }
    admin = await at(t, '2026-11-20T12:00:00+08:00');
    await ok(await t.post('SetClassificationPolicy', { highValueTopShare: '0.5' }, admin));
    await ok(await t.post('SetClassificationPolicy', {}, admin));
    await ok(await t.post('RegisterCustomer', { customerId: 'C-6', name: 'Customer 6', ownerRepId: 'R-1' }, admin));
    await ok(await t.post('RecordSale', { ...sale('O-6', 50_000, '2026-11-20T11:30:00+08:00'), customerId: 'C-6' }, admin));
    admin = await at(t, '2026-11-20T14:00:00+08:00');
    await ok(await t.post('SetClassificationPolicy', { highValueTopShare: '0.5' }, admin));
    admin = await at(t, '2026-11-20T15:00:00+08:00');

    const q = (from: string, to: string) => `/api/reviews/2026-11/compare?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    const first = await ok(await t.get(q('2026-11-20T11:00:00+08:00', '2026-11-20T13:00:00+08:00'), admin));
    type Moved = { customerId: string; from: string; to: string; causes: { kind: string; summary: string; events: { type: string }[]; otherCustomers?: { customerId: string; change: string }[] }[]; events: { type: string }[] };
    const c2: Moved = first.reclassifiedCustomers.find((c: Moved) => c.customerId === 'C-2');
    expect([c2.from, c2.to]).toEqual(['regular', 'high-value']);
    expect(c2.causes.map((c) => c.kind)).toEqual(['other-customers']);
    expect(c2.causes[0].summary).toBe('other customers: 1 customer gained a first net revenue; 6 customers with net revenue give 2 high-value places, not 1');
    expect(c2.causes[0].otherCustomers).toEqual([{ customerId: 'C-6', change: 'first net revenue', trailingRevenue: { from: 0, to: 50_000 } }]);
    expect(c2.events.map((e) => e.type)).toEqual(['CustomerRegistered', 'SaleRecorded']);
    // C-6 itself moved by its own first sale
    const c6: Moved = first.reclassifiedCustomers.find((c: Moved) => c.customerId === 'C-6');
    expect([c6.from, c6.to, c6.causes.map((c) => c.kind)]).toEqual(['potential', 'regular', ['own-sales']]);

    const second = await ok(await t.get(q('2026-11-20T13:00:00+08:00', '2026-11-20T15:00:00+08:00'), admin));
    const c3: Moved = second.reclassifiedCustomers.find((c: Moved) => c.customerId === 'C-3');
    expect([c3.from, c3.to, c3.causes.map((c) => c.kind)]).toEqual(['regular', 'high-value', ['classification-policy']]);
    expect(c3.events.map((e) => e.type)).toEqual(['ClassificationPolicySet']);
  });
});
