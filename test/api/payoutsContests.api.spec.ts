// Contests and badges: standings over the contest window with prizes by rank and threshold,
// rules frozen once started; badges by hand and derived ones citing their events.
import { beforeEach, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { sell } from './payoutsSupport';

let t: TestTally;
let admin: string;

beforeEach(async () => {
  t = await testTally({ now: '2026-07-20T09:00:00+08:00' });
  admin = await seedCompany(t);
});

const contest = { contestId: 'K-7', title: 'July sprint', metric: 'revenue', from: '2026-07-01', to: '2026-07-31', rankBy: 'value', prizes: [{ rank: 1, prize: 'trip' }, { atLeast: 500_000, prize: 'mug' }] };

describe('contests', () => {
  it('ranks reps over the window (ties share a rank), awards prizes by rank and by threshold, and says whether it is running', async () => {
    expect((await t.post('StartContest', contest, admin)).status).toBe(201);
    await sell(t, admin, 'R-1', 600_000, '2026-07-03T10:00:00+08:00');
    await sell(t, admin, 'R-2', 600_000, '2026-07-04T10:00:00+08:00');
    await sell(t, admin, 'R-3', 300_000, '2026-07-05T10:00:00+08:00');
    t.setNow('2026-08-01T12:00:00+08:00'); // a sale is recorded once it has happened
    admin = await t.token('admin');
    await sell(t, admin, 'R-3', 900_000, '2026-08-01T10:00:00+08:00'); // after the window
    const r = await t.get('/api/contests/K-7?at=2026-07-20T09:00:00%2B08:00', await t.token('viewer'));
    expect(r.status).toBe(200);
    const body = (await r.json()) as any;
    expect(body.status).toBe('running');
    expect(body.standings.map((s: any) => [s.rank, s.repId, s.value, s.prizes])).toEqual([
      [1, 'R-1', 600_000, ['trip', 'mug']],
      [1, 'R-2', 600_000, ['trip', 'mug']],
      [3, 'R-3', 300_000, []],
    ]);
    const ended = (await (await t.get('/api/contests/K-7?at=2026-08-02T00:00:00%2B08:00', admin)).json()) as any;
    expect([ended.status, ended.final]).toEqual(['ended', true]);
  });

  it('freezes the rules once started: a change is 422; a manager runs contests for their own team only', async () => {
    await t.post('StartContest', contest, admin);
    const changed = await t.post('StartContest', { ...contest, to: '2026-08-31' }, admin);
    expect([changed.status, ((await changed.json()) as any).rule]).toEqual([422, 'contest-rules-frozen']);
    const m1 = await t.token('manager', 'M-1', 'T-1');
    expect((await t.post('StartContest', { ...contest, contestId: 'K-8' }, m1)).status).toBe(403);
    expect((await t.post('StartContest', { ...contest, contestId: 'K-9', teams: ['T-1'] }, m1)).status).toBe(201);
    expect((await t.get('/api/contests/K-404', admin)).status).toBe(404);
  });

  it('ranks by growth over the window before', async () => {
    await t.post('StartContest', { ...contest, rankBy: 'growth', prizes: [{ atLeast: '0.5', prize: 'rocket' }] }, admin);
    await sell(t, admin, 'R-1', 100_000, '2026-06-10T10:00:00+08:00');
    await sell(t, admin, 'R-1', 200_000, '2026-07-10T10:00:00+08:00');
    await sell(t, admin, 'R-2', 100_000, '2026-06-10T10:00:00+08:00');
    await sell(t, admin, 'R-2', 120_000, '2026-07-10T10:00:00+08:00');
    const body = (await (await t.get('/api/contests/K-7', admin)).json()) as any;
    expect(body.standings.map((s: any) => [s.rank, s.repId, s.growth, s.prizes])).toEqual([[1, 'R-1', 1, ['rocket']], [2, 'R-2', 0.2, []], [3, 'R-3', null, []]]);
  });
});

describe('contests ranked by growth while they run (issue 14, item 5)', () => {
  it('compares the window to `at` with the same span of the window before, not with all of it', async () => {
    // July's window is 31 days; the window before is 31 May – 30 June. On 20 July at 09:00 the
    // contest has run 19 days 9 hours, so the base is 31 May 00:00 – 19 June 09:00.
    // 150,000 in July against 100,000 (10 June) → +0.5; the 300,000 of 25 June is later in
    //      its window (all of it gave 150,000 / 400,000 − 1 = −0.625).
    // 50,000 against nothing in the base (its June sale is on the 25th) → no growth (was −0.5).
    await t.post('StartContest', { ...contest, rankBy: 'growth', prizes: [{ rank: 1, prize: 'rocket' }] }, admin);
    await sell(t, admin, 'R-1', 100_000, '2026-06-10T10:00:00+08:00');
    await sell(t, admin, 'R-1', 300_000, '2026-06-25T10:00:00+08:00');
    await sell(t, admin, 'R-1', 150_000, '2026-07-10T10:00:00+08:00');
    await sell(t, admin, 'R-2', 100_000, '2026-06-25T10:00:00+08:00');
    await sell(t, admin, 'R-2', 50_000, '2026-07-05T10:00:00+08:00');
    const body = (await (await t.get('/api/contests/K-7', admin)).json()) as any;
    expect(body.comparison).toEqual({
      status: 'in-progress', periodToDate: true,
      current: { from: '2026-07-01T00:00:00+08:00', to: '2026-07-20T09:00:00.001+08:00' },
      previous: { from: '2026-05-31T00:00:00+08:00', to: '2026-06-19T09:00:00.001+08:00' },
    });
    expect(body.standings.map((s: any) => [s.rank, s.repId, s.value, s.growth, s.prizes])).toEqual([[1, 'R-1', 150_000, 0.5, ['rocket']], [2, 'R-2', 50_000, null, []], [2, 'R-3', 0, null, []]]);
    expect(body.standings[1].growthNote).toBe('nothing in the window before, from 2026-05-31T00:00:00+08:00 to 2026-06-19T09:00:00.001+08:00 to grow from');
    const upcoming = (await (await t.get('/api/contests/K-7?at=2026-06-30T12:00:00%2B08:00', admin)).json()) as any;
    expect(upcoming.standings.map((s: any) => [s.growth, s.growthNote])).toEqual(Array(3).fill([null, 'the contest (2026-07-01 – 2026-07-31) has not started yet']));
  });
});

describe('contests by attainment', () => {
  it("ranks by attainment of each rep's goal when the window is a whole month, a new rep able to lead", async () => {
    // the goals come first: an attainment contest where nobody has a goal is refused (contest-cannot-rank)
    for (const [rep, target] of [['R-1', 1_000_000], ['R-2', 200_000]] as const)
      expect((await t.post('SetGoal', { goalId: `G-${rep}`, title: 'July', owner: `rep:${rep}`, metric: 'revenue', period: '2026-07', target, relevance: 'contest' }, admin)).status).toBe(201);
    expect((await t.post('StartContest', { ...contest, rankBy: 'attainment', prizes: [{ atLeast: 1, prize: 'on target' }] }, admin)).status).toBe(201);
    await sell(t, admin, 'R-1', 800_000, '2026-07-03T10:00:00+08:00');
    await sell(t, admin, 'R-2', 300_000, '2026-07-04T10:00:00+08:00');
    const body = (await (await t.get('/api/contests/K-7', admin)).json()) as any;
    expect(body.standings.map((s: any) => [s.rank, s.repId, s.attainment, s.prizes])).toEqual([[1, 'R-2', 1.5, ['on target']], [2, 'R-1', 0.8, []], [3, 'R-3', null, []]]);
  });
});

describe('badges', () => {
  it('lists badges awarded by hand and the derived first-sale badge, citing its sale', async () => {
    const sale = await sell(t, admin, 'R-1', 100_000, '2026-07-03T10:00:00+08:00');
    const m1 = await t.token('manager', 'M-1', 'T-1');
    expect((await t.post('AwardBadge', { badgeId: 'BG-1', repId: 'R-1', title: 'Closer', reason: 'first enterprise deal', occurredAt: '2026-07-04T18:00:00+08:00' }, m1)).status).toBe(201);
    expect((await t.post('AwardBadge', { badgeId: 'BG-2', repId: 'R-3', title: 'Closer', reason: 'x', occurredAt: '2026-07-04T18:00:00+08:00' }, m1)).status).toBe(403);
    const body = (await (await t.get('/api/badges?rep=R-1', await t.token('rep', 'R-2'))).json()) as any;
    expect(body.badges.map((b: any) => [b.badgeId, b.kind])).toEqual([['auto:first-sale:R-1', 'automatic'], ['BG-1', 'manual']]);
    expect(body.badges[0].citations).toEqual([sale.position]);
  });

  it('derives "100 % of goal" from the rep’s goal and the sale that reached it, and "most improved" of an ended month', async () => {
    const goal = await t.post('SetGoal', { goalId: 'G-1', title: 'July revenue', owner: 'rep:R-2', metric: 'revenue', period: '2026-07', target: 500_000, relevance: 'team plan' }, admin);
    expect(goal.status).toBe(201);
    await sell(t, admin, 'R-2', 300_000, '2026-06-10T10:00:00+08:00');
    await sell(t, admin, 'R-1', 300_000, '2026-06-10T10:00:00+08:00');
    await sell(t, admin, 'R-2', 300_000, '2026-07-02T10:00:00+08:00');
    const reached = await sell(t, admin, 'R-2', 300_000, '2026-07-09T10:00:00+08:00');
    const body = (await (await t.get('/api/badges?rep=R-2&at=2026-08-01T00:00:00%2B08:00', admin)).json()) as any;
    const goalBadge = body.badges.find((b: any) => b.badgeId === 'auto:goal-100:G-1');
    expect(goalBadge.citations).toContain(reached.position);
    expect(body.badges.map((b: any) => b.badgeId)).toContain('auto:most-improved:2026-07');
  });
});
