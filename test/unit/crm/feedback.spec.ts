// Feedback over a period: average satisfaction, NPS = % promoters (9–10) − % detractors (0–6),
// complaints with their time to resolution, and open complaints older than N days flagged.
import { describe, expect, it } from 'vitest';
import { customerSatisfaction, feedbackOf, feedbackProjection, satisfactionOf } from '../../../core/feedback/readModels/feedback';
import { replay } from '../../../core/fold/projection';
import type { StoredEvent } from '../../../core/shared/envelope';

let position = 0;
const ev = (type: string, data: Record<string, unknown>, occurredAt: string): StoredEvent =>
  ({ position: ++position, stream: 's', revision: 0, type, data, occurredAt, recordedAt: occurredAt, meta: { commandId: 'c', actor: 'a', correlationId: 'c' }, prevHash: '', hash: '' });
const score = (id: string, customerId: string, s: number, at: string) => ev('FeedbackRecorded', { feedbackId: id, customerId, kind: 'satisfaction', score: s, text: 'survey' }, at);
const complaint = (id: string, at: string) => ev('FeedbackRecorded', { feedbackId: id, customerId: 'C-1', kind: 'complaint', text: 'late delivery' }, at);
const ZONE = 'Asia/Shanghai';

describe('feedback', () => {
  it('computes NPS as % promoters minus % detractors (Reichheld’s Net Promoter Score)', () => {
    // 10 answers: 5 promoters (9, 9, 10, 10, 10), 2 passives (7, 8), 3 detractors (0, 5, 6) → 50 % − 30 % = 20
    const s = satisfactionOf([9, 9, 10, 10, 10, 7, 8, 0, 5, 6]);
    expect(s).toEqual({ answers: 10, average: 7.4, promoters: 5, passives: 2, detractors: 3, nps: 20 });
    expect(satisfactionOf([6, 9, 8]).nps).toBe(0);
    expect(satisfactionOf([0, 0, 9]).nps).toBe(-33.3);
    expect(satisfactionOf([]).nps).toBeNull();
  });

  it('measures resolution time and flags open complaints older than N days at `at`', () => {
    const m = replay(feedbackProjection, [
      complaint('F-1', '2026-06-01T10:00:00+08:00'),
      ev('FeedbackResolved', { feedbackId: 'F-1', customerId: 'C-1', resolution: 'resent' }, '2026-06-03T22:00:00+08:00'),
      complaint('F-2', '2026-06-05T10:00:00+08:00'),
      complaint('F-3', '2026-06-20T10:00:00+08:00'),
      complaint('F-0', '2026-05-10T10:00:00+08:00'),
      score('S-1', 'C-1', 10, '2026-06-10T10:00:00+08:00'),
    ], { zone: ZONE, currency: 'CNY' });
    const a = feedbackOf(m, () => true, '2026-06', ZONE, Date.parse('2026-06-25T10:00:00+08:00'), 7);
    expect(a.complaints).toMatchObject({ raised: 3, resolved: 1, averageResolutionDays: 2.5 });
    expect(a.complaints.items.map((c) => [c.feedbackId, c.resolutionDays ?? null, c.openDays ?? null, c.flagged])).toEqual([
      ['F-1', 2.5, null, false], ['F-2', null, 20, true], ['F-3', null, 5, false],
    ]);
    // the backlog includes May's complaint still open
    expect(a.openComplaints.map((c) => [c.feedbackId, c.flagged])).toEqual([['F-0', true], ['F-2', true], ['F-3', false]]);
    expect(a.satisfaction.nps).toBe(100);
    // as of a moment before the resolution, F-1 was open and not yet flagged
    const early = feedbackOf(m, () => true, '2026-06', ZONE, Date.parse('2026-06-02T10:00:00+08:00'), 7);
    expect(early.complaints.items[0]).toMatchObject({ feedbackId: 'F-1', openDays: 1, flagged: false });
  });

  it('gives a customer’s latest score and average as known at a moment', () => {
    const m = replay(feedbackProjection, [score('S-1', 'C-1', 6, '2026-03-01T10:00:00+08:00'), score('S-2', 'C-1', 10, '2026-05-01T10:00:00+08:00')], { zone: ZONE, currency: 'CNY' });
    expect(customerSatisfaction(m, 'C-1', Date.parse('2026-04-01T00:00:00+08:00'))).toMatchObject({ answers: 1, average: 6, latest: { score: 6 } });
    expect(customerSatisfaction(m, 'C-1', Date.parse('2026-06-01T00:00:00+08:00'))).toMatchObject({ answers: 2, average: 8, nps: 0, latest: { score: 10 } });
  });
});
