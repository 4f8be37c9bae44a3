// The demo company shows the rest of the manager's plan (issue 22, part B) non-empty: a market
// size with our share, customers' RFM segments, a contact's birthday on the care calendar, a
// team's capacity, and a training programme with sessions, attendance and a milestone.
import { beforeAll, describe, expect, it } from 'vitest';
import type { TestTally } from '../support/app';
import { demoTally, okJson } from '../support/demo';

describe('the demo company, part B of the plan', () => {
  let t: TestTally;
  let admin: string;
  const json = (path: string) => okJson(t, admin, path);

  beforeAll(async () => {
    ({ t, admin } = await demoTally('2026-12-02T10:00:00+08:00'));
  });

  it('shows our share of East China’s market this quarter', async () => {
    const { insights } = await json('/api/insights?kind=market');
    const sized = insights.find((i: { insightId: string }) => i.insightId === 'IN-3');
    expect(sized).toMatchObject({ marketSize: { period: '2026-Q4', region: '华东' } });
    expect(sized.ourRevenue).toBeGreaterThan(0);
    expect(Number(sized.share)).toBeGreaterThan(0);
  });

  it('segments customers by RFM beside their tiers, in Chinese for a Chinese reader', async () => {
    const { policy, customers } = await json('/api/customers?lang=zh-CN');
    expect(policy.kind).toBe('rfm');
    const segments = new Set(customers.flatMap((c: { rfm: { segment: string } | null }) => (c.rfm ? [c.rfm.segment] : [])));
    expect(segments.size).toBeGreaterThanOrEqual(4);
    expect(customers.find((c: { rfm: unknown }) => c.rfm !== null).rfm.segmentName).toMatch(/客户$/);
  });

  it('greets a customer’s buyer on the care calendar', async () => {
    const { tasks } = await json('/api/care?from=2027-03-01&to=2027-03-31&at=2027-02-20T00:00:00%2B08:00');
    expect(tasks).toContainEqual(expect.objectContaining({ kind: 'birthday', customerId: 'C-001', contactName: '王建国', due: '2027-03-18' }));
  });

  it('tells a manager how many reps a team needs for its goal', async () => {
    const c = await json('/api/capacity?period=2026-Q4&team=T-EAST');
    expect(c.goal).toBeGreaterThan(0);
    expect(c.perRep).toBeGreaterThan(0);
    expect(c.repsNeeded).toBeGreaterThan(0);
    expect(c.gap).toBe(c.repsNeeded - c.headcount);
  });

  it('runs a negotiation programme with two sessions and a case review', async () => {
    const { trainings } = await json('/api/trainings');
    const view = await json(`/api/trainings/${trainings[0].trainingId}`);
    expect(view.sessions.map((s: { sessionId: string; attended: number }) => [s.sessionId, s.attended])).toEqual([['S-1', 5], ['S-2', 3]]);
    expect(view.milestones).toEqual([expect.objectContaining({ milestoneId: 'CASE', done: true, overdue: false })]);
  });
});
