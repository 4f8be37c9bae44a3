// QA: a scorecard's KPI targets are per month, quarter or year; asking for its scores (or a
// leaderboard by them) over another kind of period is a 400 naming `period`, as RecordAppraisal
// already refuses it, instead of a ranking of monthly targets against a quarter's sales.
import { describe, expect, it } from 'vitest';
import { seedCompany, testTally } from '../support/app';

const monthly = {
  scorecardId: 'SC-M',
  title: 'Monthly card',
  period: 'month',
  kpis: [{ kpiId: 'rev', metric: 'revenue', target: 100_000, weight: 1 }],
};

const setup = async () => {
  const t = await testTally({ now: '2026-07-20T10:00:00+08:00' });
  const admin = await seedCompany(t);
  expect((await t.post('DefineScorecard', monthly, admin)).status).toBe(201);
  return { t, admin };
};

describe('a monthly scorecard asked for another kind of period', () => {
  it('given a monthly card, when its scores are asked for a quarter, then 400 naming period', async () => {
    const { t, admin } = await setup();
    expect((await t.get('/api/scorecards/SC-M?period=2026-07', admin)).status).toBe(200);
    const r = await t.get('/api/scorecards/SC-M?period=2026-Q3', admin);
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.errors[0].path).toBe('period');
    expect(body.detail).toContain('month');
  });

  it('given a monthly card, when the leaderboard ranks a year by its score, then 400 naming period', async () => {
    const { t, admin } = await setup();
    expect((await t.get('/api/leaderboard?period=2026-07&rankBy=score&scorecard=SC-M', admin)).status).toBe(200);
    const r = await t.get('/api/leaderboard?period=2026&rankBy=score&scorecard=SC-M', admin);
    expect(r.status).toBe(400);
    expect((await r.json()).errors[0].path).toBe('period');
  });
});
