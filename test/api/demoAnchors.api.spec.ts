// The demo lives on any date (issue 18): built up to 1 January, 29 February of a leap year,
// 31 December, the 1st and the 15th of a month, it has this month's sales from most reps and the
// company's goal for it, goals for the current year, quarter, month and week at every level (none
// warning that its period had ended), no open deal more than 30 days overdue, a contest running,
// a history recorded over more than a year, and last month known differently on the 1st than now.
import { describe, expect, it } from 'vitest';
import { periodOf, shiftPeriod } from '../../core/shared/period';
import { DEMO_TEAMS, repIds } from '../../server/demo/company';
import { demoTally } from '../support/demo';

const ZONE = 'Asia/Shanghai';
const DAY = 86_400_000;
const q = encodeURIComponent;

describe.each([
  ['1 January', '2027-01-01T10:00:00+08:00'],
  ['29 February of a leap year', '2028-02-29T10:00:00+08:00'],
  ['31 December', '2026-12-31T10:00:00+08:00'],
  ['the 1st of a month', '2026-06-01T10:00:00+08:00'],
  ['the 15th of a month', '2026-09-15T10:00:00+08:00'],
])('the demo on %s', (_, now) => {
  const nowMs = Date.parse(now);
  const month = periodOf('month', nowMs, ZONE);

  it('has a current period to show, a pipeline ahead, a contest on and a history known then and now', async () => {
    const { t, admin } = await demoTally(now);
    const json = async (path: string) => {
      const r = await t.get(path, admin);
      expect(r.status, path).toBe(200);
      return r.json();
    };

    // this month: sales from most reps (more than half of the 12), and the company's goal
    const byRep: { key: string; orders: number }[] = (await json(`/api/analytics?period=${month}&by=rep`)).rows;
    expect(byRep.filter((r) => r.orders > 0).length, `reps who sold in ${month}`).toBeGreaterThan(repIds().length / 2);

    // the current year, quarter, month and week each have a goal of the company, of every team and of every rep
    const owners = ['company', ...DEMO_TEAMS.map((x) => `team:${x.teamId}`), ...repIds().map((r) => `rep:${r}`)];
    for (const kind of ['year', 'quarter', 'month', 'week'] as const) {
      const period = periodOf(kind, nowMs, ZONE);
      const goals: { owner: string; period: string; warnings: string[] }[] = (await json(`/api/goals?period=${period}`)).goals;
      for (const owner of owners) expect(goals.some((g) => g.owner === owner), `${owner}'s goal for ${period}`).toBe(true);
      // none set after its period had ended
      expect(goals.flatMap((g) => g.warnings.filter((w) => w.startsWith('timeBound'))), period).toEqual([]);
    }

    // open deals close ahead, or slipped lately: none more than 30 days overdue
    const deals: { dealId: string; expectedCloseAt: string; closedAt?: string }[] = (await json('/api/pipeline')).deals;
    const open = deals.filter((d) => !d.closedAt);
    expect(open.length).toBeGreaterThan(10);
    expect(open.some((d) => Date.parse(`${d.expectedCloseAt}T00:00:00+08:00`) > nowMs), 'a deal closing ahead').toBe(true);
    expect(open.filter((d) => Date.parse(`${d.expectedCloseAt}T00:00:00+08:00`) < nowMs - 31 * DAY).map((d) => [d.dealId, d.expectedCloseAt])).toEqual([]);

    // a sprint contest of this month is running
    const contest = await json(`/api/contests/SPRINT-${month}`);
    expect(contest.status).toBe('running');

    // last month as known at the start of the 1st (before its late sales were entered) and now
    const last = shiftPeriod(month, -1);
    const firstOfMonth = `${month}-01T00:00:00+08:00`;
    const then = (await json(`/api/analytics?period=${last}&by=team&asOf=${q(firstOfMonth)}`)).total;
    const known = (await json(`/api/analytics?period=${last}&by=team`)).total;
    expect(known.orders).toBeGreaterThan(then.orders);
    expect(known.revenue).not.toBe(then.revenue);

    // recorded over time: the first event more than a year before now, none after it, in order
    const events = await t.deps.store.readAll({ after: 0, limit: 1_000_000 });
    expect(Date.parse(events[0].recordedAt)).toBeLessThan(nowMs - 366 * DAY);
    expect(Date.parse(events.at(-1)!.recordedAt)).toBeLessThanOrEqual(nowMs);
    expect(events.every((e, i) => i === 0 || e.recordedAt >= events[i - 1].recordedAt)).toBe(true);
  }, 60_000);
});
