// Impossible facts are refused: a fact dated more than TALLY_FUTURE_TOLERANCE (default one day)
// after now is 422 naming `occurredAt`, whatever the command; dates that plan the future (due dates,
// training days, expected closes) are not facts and stay free. A contest is refused once its window
// has ended, and an attainment contest where nobody has a goal; one that ranks only some reps warns.
import { beforeEach, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';

const NOW = '2026-12-02T10:00:00+08:00';
// one day of tolerance: the latest business time accepted is 2026-12-03T10:00:00+08:00
const LIMIT = '2026-12-03T10:00:00+08:00';
const PAST_LIMIT = '2026-12-03T10:00:01+08:00';

let t: TestTally;
let admin: string;

beforeEach(async () => {
  t = await testTally({ now: NOW });
  admin = await seedCompany(t);
});

const sale = (orderId: string, occurredAt: string) => ({ orderId, customerId: 'C-1', repId: 'R-1', lines: [{ product: 'CRM', units: 1, amount: 100_000 }], occurredAt });

const head = async () => ((await (await t.get('/health', admin)).json()) as { position: number }).position;

/** Posts and expects 422 `occurred-in-future` naming data.occurredAt, with nothing appended. */
const refusedAsFuture = async (type: string, data: unknown) => {
  const before = await head();
  const r = await t.post(type, data, admin);
  const body = (await r.json()) as { rule?: string; errors?: { path: string }[] };
  expect([type, r.status, body.rule, body.errors?.map((e) => e.path)]).toEqual([type, 422, 'occurred-in-future', ['data.occurredAt']]);
  expect(await head()).toBe(before);
};

describe('facts dated in the future', () => {
  it('refuses a sale dated 2027-06-30, and one a second past the tolerance; accepts one on its edge', async () => {
    await refusedAsFuture('RecordSale', sale('O-2027', '2027-06-30T10:00:00+08:00'));
    await refusedAsFuture('RecordSale', sale('O-late', PAST_LIMIT));
    expect((await t.post('RecordSale', sale('O-edge', LIMIT), admin)).status).toBe(201);
  });

  it('refuses refunds, expenses, contacts, feedback, deal moves, milestones, attendance, meetings and badges dated ahead', async () => {
    const next = '2027-01-15T10:00:00+08:00';
    expect((await t.post('RecordSale', sale('O-1', '2026-11-20T10:00:00+08:00'), admin)).status).toBe(201);
    expect((await t.post('DraftSalesPlan', { salesPlanId: 'SP-1', title: 'Q4', period: '2026-Q4', owner: 'team:T-1', strategy: 's' }, admin)).status).toBe(201);
    // planning the future stays allowed: a due date next year, a training in eight days, a deal closing in March
    expect((await t.post('AddMilestone', { salesPlanId: 'SP-1', milestoneId: 'MS-1', title: 'budget 2027', due: '2027-03-01' }, admin)).status).toBe(201);
    expect((await t.post('ScheduleTraining', { trainingId: 'TR-1', title: 'Negotiation', topic: 'negotiation', date: '2026-12-10', repIds: ['R-1'] }, admin)).status).toBe(201);
    expect((await t.post('SetPipelineStages', { stages: [{ stage: 'lead', probability: '0.1' }, { stage: 'offer', probability: '0.6' }] }, admin)).status).toBe(201);
    expect((await t.post('OpenDeal', { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', amount: 500_000, stage: 'lead', expectedCloseAt: '2027-03-31' }, admin)).status).toBe(201);

    await refusedAsFuture('RefundSale', { orderId: 'O-1', amount: 10_000, occurredAt: next, reason: 'returned' });
    await refusedAsFuture('RecordExpense', { salesPlanId: 'SP-1', expenseId: 'E-1', category: 'travel', amount: 5_000, occurredAt: next });
    await refusedAsFuture('LogCustomerContact', { customerId: 'C-1', contactId: 'K-1', repId: 'R-1', kind: 'call', occurredAt: next });
    await refusedAsFuture('RecordFeedback', { feedbackId: 'F-1', customerId: 'C-1', kind: 'satisfaction', score: 9, text: 'good', occurredAt: next });
    await refusedAsFuture('MoveDealStage', { dealId: 'D-1', stage: 'offer', occurredAt: next });
    await refusedAsFuture('CompleteMilestone', { salesPlanId: 'SP-1', milestoneId: 'MS-1', occurredAt: next });
    // attendance eight days ahead: the training day itself, 2026-12-10
    await refusedAsFuture('RecordTrainingAttendance', { trainingId: 'TR-1', repId: 'R-1', occurredAt: '2026-12-10T09:00:00+08:00' });
    await refusedAsFuture('HoldMeeting', { meetingId: 'MT-1', kind: 'weekly', occurredAt: next, attendees: ['M-1'] });
    await refusedAsFuture('AwardBadge', { badgeId: 'BG-1', repId: 'R-1', title: 'Star', reason: 'for later', occurredAt: next });

    // the same facts are accepted once they have happened
    t.setNow('2026-12-10T12:00:00+08:00');
    admin = await t.token('admin');
    expect((await t.post('RecordTrainingAttendance', { trainingId: 'TR-1', repId: 'R-1', occurredAt: '2026-12-10T09:00:00+08:00' }, admin)).status).toBe(201);
  });

  it('rejects only the future item of a batch', async () => {
    const r = await t.app.request('/api/commands/batch', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${admin}` },
      body: JSON.stringify([{ type: 'RecordSale', data: sale('O-a', NOW) }, { type: 'RecordSale', data: sale('O-b', '2027-06-30T10:00:00+08:00') }]),
    });
    const { results } = (await r.json()) as { results: { status: string; error?: { status: number; errors: { path: string }[] } }[] };
    expect(results.map((x) => x.status)).toEqual(['ok', 'rejected']);
    expect([results[1].error?.status, results[1].error?.errors[0].path]).toEqual([422, 'data.occurredAt']);
  });

  it('takes the tolerance from TALLY_FUTURE_TOLERANCE: PT0S allows nothing after now', async () => {
    t = await testTally({ now: NOW, env: { TALLY_FUTURE_TOLERANCE: 'PT0S' } });
    admin = await seedCompany(t);
    expect((await t.post('RecordSale', sale('O-now', NOW), admin)).status).toBe(201);
    await refusedAsFuture('RecordSale', sale('O-1s', '2026-12-02T10:00:01+08:00'));
  });
});

describe('contests that cannot run or rank', () => {
  const contest = { contestId: 'K-1', title: 'Sprint', metric: 'revenue', from: '2026-11-01', to: '2026-11-30', rankBy: 'value', prizes: [{ rank: 1, prize: 'trip' }] };

  it('refuses a contest whose window ended before it is started, naming `to`', async () => {
    // November ended on 2026-12-01T00:00+08:00, before now (2 December)
    const r = await t.post('StartContest', contest, admin);
    const body = (await r.json()) as { rule: string; errors: { path: string }[] };
    expect([r.status, body.rule, body.errors[0].path]).toEqual([422, 'contest-window-ended', 'data.to']);
    // a window ending with today (2 December, local) is still open
    expect((await t.post('StartContest', { ...contest, from: '2026-12-01', to: '2026-12-02' }, admin)).status).toBe(201);
  });

  it('records a contest started earlier when its window was still open then', async () => {
    // started on 25 October, before November: recorded now, it stands
    expect((await t.post('StartContest', { ...contest, occurredAt: '2026-10-25T09:00:00+08:00' }, admin)).status).toBe(201);
    // "started" on 20 November, after 1 November but before the window ended on 1 December 00:00: fine too
    expect((await t.post('StartContest', { ...contest, contestId: 'K-2', occurredAt: '2026-11-20T09:00:00+08:00' }, admin)).status).toBe(201);
    // "started" on 1 December at 00:00 local, the instant November ended: refused
    const late = await t.post('StartContest', { ...contest, contestId: 'K-3', occurredAt: '2026-12-01T00:00:00+08:00' }, admin);
    expect([late.status, ((await late.json()) as { rule: string }).rule]).toEqual([422, 'contest-window-ended']);
  });

  it('refuses an attainment contest where no rep has a goal, and warns about the reps without one', async () => {
    const december = { ...contest, from: '2026-12-01', to: '2026-12-31', rankBy: 'attainment' };
    const r = await t.post('StartContest', december, admin);
    const body = (await r.json()) as { rule: string; errors: { path: string }[]; detail: string };
    expect([r.status, body.rule, body.errors[0].path]).toEqual([422, 'contest-cannot-rank', 'data.rankBy']);
    expect(body.detail).toContain('no rep of the 3 has a revenue goal for 2026-12');

    // R-1 gets a goal of 200,000.00; R-1 sells 100,000.00 → attainment 0.5; have none
    expect((await t.post('SetGoal', { goalId: 'G-R1', title: 'R-1 December', owner: 'rep:R-1', metric: 'revenue', period: '2026-12', target: 200_000, relevance: 'r' }, admin)).status).toBe(201);
    expect((await t.post('StartContest', december, admin)).status).toBe(201);
    expect((await t.post('RecordSale', sale('O-1', '2026-12-02T09:00:00+08:00'), admin)).status).toBe(201);
    const view = (await (await t.get('/api/contests/K-1', admin)).json()) as { standings: { rank: number; repId: string; attainment: number | null; prizes: string[] }[]; warnings: string[] };
    expect(view.standings.map((s) => [s.rank, s.repId, s.attainment, s.prizes])).toEqual([[1, 'R-1', 0.5, ['trip']], [2, 'R-2', null, []], [2, 'R-3', null, []]]);
    expect(view.warnings).toEqual(['attainment: 2 of 3 reps (R-2, R-3) have no revenue goal for 2026-12; they rank after the others, tied, and win no prize']);
  });

  it('warns on a growth contest when nobody sold in the window before', async () => {
    // the window 2026-12-01 – 2026-12-31 is 31 days, so the one before is 2026-10-31 – 2026-11-30;
    // running since 1 December, it is compared with the same span of that window: 31 Oct – 1 Nov
    expect((await t.post('StartContest', { ...contest, from: '2026-12-01', to: '2026-12-31', rankBy: 'growth' }, admin)).status).toBe(201);
    const view = (await (await t.get('/api/contests/K-1', admin)).json()) as { warnings: string[] };
    expect(view.warnings).toEqual([
      'growth: no rep of the 3 had any revenue in the window just before (2026-10-31 – 2026-11-01), so growth cannot be measured; nobody can be ranked, so every rep shares rank 1 and no prize is won',
    ]);
  });
});
