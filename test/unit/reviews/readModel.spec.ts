import { describe, expect, it } from 'vitest';
import { replay } from '../../../core/fold/projection';
import { actionItemsForPeriod, actionStatus, countByStatus, lessonsFor, meetingsFor, reviewsProjection } from '../../../core/reviews/readModels/reviews';
import type { StoredEvent } from '../../../core/shared/envelope';

const settings = { zone: 'Asia/Shanghai', currency: 'CNY' };
let position = 0;
const ev = (type: string, data: Record<string, unknown>, occurredAt = '2026-06-03T10:00:00+08:00'): StoredEvent =>
  ({ position: ++position, stream: 's', revision: 0, type, data, occurredAt, recordedAt: occurredAt, meta: { commandId: 'c', actor: 'a', correlationId: 'c' }, prevHash: '', hash: '' });

const log = () => {
  position = 0;
  return [
    ev('MeetingHeld', { meetingId: 'W-1', kind: 'weekly', attendees: ['M-1'] }, '2026-06-03T10:00:00+08:00'),
    ev('ActionItemAdded', { actionId: 'A-due-date', title: 'due on a date', due: '2026-06-30', ownerRepId: 'R-1', teamId: 'T-1' }),
    ev('ActionItemAdded', { actionId: 'A-done-late', title: 'done late', due: '2026-06-10', ownerRepId: 'R-2', teamId: 'T-1' }),
    ev('ActionItemAdded', { actionId: 'A-other-team', title: 'other team', due: '2026-06-10', ownerRepId: 'R-3', teamId: 'T-2' }),
    ev('ActionItemAdded', { actionId: 'A-old', title: 'carried over from May', due: '2026-05-20', ownerRepId: 'R-1', teamId: 'T-1' }, '2026-05-02T10:00:00+08:00'),
    ev('ActionItemCompleted', { actionId: 'A-done-late' }, '2026-06-12T10:00:00+08:00'),
    ev('LessonRecorded', { lessonId: 'L-1', period: '2026-06', kind: 'keep', text: 'daily stand-up', teamId: 'T-1' }),
    ev('LessonRecorded', { lessonId: 'L-2', period: '2026-Q2', kind: 'try', text: 'quarter lesson' }),
  ];
};

describe('the reviews read model', () => {
  it('gives a weekly meeting without a period the ISO week it was held in', () => {
    const s = replay(reviewsProjection, log(), settings);
    expect(s.meetings.get('W-1')?.period).toBe('2026-W23');
    expect(meetingsFor(s, '2026-W23').map((m) => m.meetingId)).toEqual(['W-1']);
  });

  it('counts a due date as the whole day in the zone: open until midnight Shanghai time, overdue after', () => {
    const s = replay(reviewsProjection, log(), settings);
    const a = s.actions.get('A-due-date')!;
    expect(actionStatus(a, Date.parse('2026-06-30T23:59:59+08:00'))).toBe('open');
    expect(actionStatus(a, Date.parse('2026-07-01T00:00:00+08:00'))).toBe('overdue');
  });

  it('judges completion at business time: done only from the moment it was completed, late when after its due', () => {
    const s = replay(reviewsProjection, log(), settings);
    const at = (iso: string) => actionItemsForPeriod(s, '2026-06', Date.parse(iso), { teamId: 'T-1', reps: new Set(['R-1', 'R-2']) });
    const before = at('2026-06-11T10:00:00+08:00');
    expect(before.find((i) => i.actionId === 'A-done-late')).toMatchObject({ status: 'overdue', daysOverdue: 1 });
    const after = at('2026-07-01T10:00:00+08:00');
    expect(after.find((i) => i.actionId === 'A-done-late')).toMatchObject({ status: 'done', completedLate: true });
    expect(after.map((i) => i.actionId)).toEqual(['A-old', 'A-done-late', 'A-due-date']);
    expect(countByStatus(after)).toEqual({ open: 0, done: 1, overdue: 2 });
  });

  it('gives a quarter the lessons of its months, and a team only its own and company-wide ones', () => {
    const s = replay(reviewsProjection, log(), settings);
    expect(lessonsFor(s, '2026-Q2').map((l) => l.lessonId)).toEqual(['L-1', 'L-2']);
    expect(lessonsFor(s, '2026-06', { teamId: 'T-2', reps: new Set() }).map((l) => l.lessonId)).toEqual([]);
    expect(lessonsFor(s, '2026-05').map((l) => l.lessonId)).toEqual([]);
  });
});
