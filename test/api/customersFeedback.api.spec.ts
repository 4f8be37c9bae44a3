// GET /api/feedback: average satisfaction and NPS over a period, complaints with their time to
// resolution, open complaints older than N days flagged; feedback is recorded for a customer by
// its owner rep (or its manager), and read within the same scope.
import { beforeAll, describe, expect, it } from 'vitest';
import { seedCompany, testTally, type TestTally } from '../support/app';
import { accepted } from './customersSupport';

describe('feedback API', () => {
  let t: TestTally;
  let admin: string, rep1: string, rep3: string;
  const ok = (type: string, data: unknown, as?: string) => accepted(t, () => admin)(type, data, as);

  beforeAll(async () => {
    t = await testTally({ now: '2026-06-30T10:00:00+08:00' });
    admin = await seedCompany(t);
    rep1 = await t.token('rep', 'R-1');
    rep3 = await t.token('rep', 'R-3');
    await ok('RegisterCustomer', { customerId: 'C-3', name: 'Crane Co', ownerRepId: 'R-3' });
    let n = 0;
    for (const score of [10, 9, 9, 8, 3]) await ok('RecordFeedback', { feedbackId: `S-${++n}`, customerId: 'C-1', kind: 'satisfaction', score, text: 'survey', occurredAt: `2026-06-0${n}T10:00:00+08:00` }, rep1);
    await ok('RecordFeedback', { feedbackId: 'S-9', customerId: 'C-3', kind: 'satisfaction', score: 0, text: 'angry', occurredAt: '2026-06-10T10:00:00+08:00' }, rep3);
    await ok('RecordFeedback', { feedbackId: 'F-1', customerId: 'C-1', kind: 'complaint', text: 'invoice wrong', occurredAt: '2026-06-01T09:00:00+08:00' }, rep1);
    await ok('ResolveFeedback', { feedbackId: 'F-1', resolution: 'reissued', occurredAt: '2026-06-04T21:00:00+08:00' }, rep1);
    await ok('RecordFeedback', { feedbackId: 'F-2', customerId: 'C-1', kind: 'complaint', text: 'late delivery', occurredAt: '2026-06-12T09:00:00+08:00' }, rep1);
    await ok('RecordFeedback', { feedbackId: 'F-3', customerId: 'C-3', kind: 'complaint', text: 'rude call', occurredAt: '2026-06-28T09:00:00+08:00' }, rep3);
    await ok('RecordFeedback', { feedbackId: 'X-1', customerId: 'C-1', kind: 'suggestion', text: 'mobile app', occurredAt: '2026-06-15T09:00:00+08:00' }, rep1);
  });

  it('gives average satisfaction and NPS (% promoters 9–10 − % detractors 0–6) over the period', async () => {
    const f = await (await t.get('/api/feedback?period=2026-06', admin)).json();
    // 6 answers: promoters 10, 9, 9; passive 8; detractors 3, 0 → 50 % − 33.3 % = 16.7
    expect(f.satisfaction).toEqual({ answers: 6, average: 6.5, promoters: 3, passives: 1, detractors: 2, nps: 16.7 });
    expect(f.suggestions).toMatchObject([{ feedbackId: 'X-1', customerName: 'Acme' }]);
  });

  it('measures resolution time and flags open complaints older than N days', async () => {
    const f = await (await t.get('/api/feedback?period=2026-06&flagAfterDays=7', admin)).json();
    expect(f.complaints).toMatchObject({ raised: 3, resolved: 1, averageResolutionDays: 3.5 });
    expect(f.openComplaints.map((c: { feedbackId: string; flagged: boolean; openDays: number }) => [c.feedbackId, c.flagged, c.openDays])).toEqual([['F-2', true, 18.04], ['F-3', false, 2.04]]);
    const strict = await (await t.get('/api/feedback?period=2026-06&flagAfterDays=1', admin)).json();
    expect(strict.openComplaints.every((c: { flagged: boolean }) => c.flagged)).toBe(true);
  });

  it('lets a rep record feedback only for its own customers, and read only theirs', async () => {
    expect((await t.post('RecordFeedback', { feedbackId: 'S-X', customerId: 'C-3', kind: 'satisfaction', score: 9, text: 'x', occurredAt: '2026-06-10T10:00:00+08:00' }, rep1)).status).toBe(403);
    expect((await t.post('ResolveFeedback', { feedbackId: 'F-3', resolution: 'x', occurredAt: '2026-06-29T10:00:00+08:00' }, rep1)).status).toBe(403);
    const mine = await (await t.get('/api/feedback?period=2026-06', rep3)).json();
    expect(mine.satisfaction.answers).toBe(1);
    expect(mine.openComplaints.map((c: { feedbackId: string }) => c.feedbackId)).toEqual(['F-3']);
    expect((await t.get('/api/feedback?owner=rep:R-1', rep3)).status).toBe(403);
    expect((await t.get('/api/feedback', await t.token('viewer'))).status).toBe(403);
  });
});
