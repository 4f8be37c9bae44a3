import { describe, expect, it } from 'vitest';
import { given } from '../../support/given';

const company = [
  { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: 'M-1' } },
  { stream: 'tally-team-T-2', type: 'TeamCreated', data: { teamId: 'T-2', name: 'North', managerId: 'M-2' } },
  { stream: 'tally-rep-R-1', type: 'RepAdded', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-rep-R-3', type: 'RepAdded', data: { repId: 'R-3', name: 'C', teamId: 'T-2', joinedAt: '2025-01-01' } },
];
const held = { meetingId: 'MR-2026-06', kind: 'monthly-review', occurredAt: '2026-07-02T09:00:00+08:00', attendees: ['M-1', 'R-1'], period: '2026-06', teamId: 'T-1' };
const withMeeting = [...company, { stream: 'tally-meeting-MR-2026-06', type: 'MeetingHeld', occurredAt: held.occurredAt, data: { ...held, occurredAt: undefined } }];

describe('HoldMeeting', () => {
  it('records the meeting with its business time on the envelope, not in the data', () => {
    const [e] = given(company).when('HoldMeeting', { ...held, decisions: ['call every lapsed customer'] }).then([{ type: 'MeetingHeld', occurredAt: held.occurredAt }]);
    expect(e.data).toEqual({ meetingId: 'MR-2026-06', kind: 'monthly-review', attendees: ['M-1', 'R-1'], period: '2026-06', teamId: 'T-1', decisions: ['call every lapsed customer'] });
  });

  it('refuses a monthly review of a quarter, a retro of a month, an unknown team and a second meeting with the same id', () => {
    given(company).when('HoldMeeting', { ...held, period: '2026-Q2' }).rejects('review-period-kind', 'month');
    given(company).when('HoldMeeting', { ...held, kind: 'quarterly-retro', period: '2026-06' }).rejects('review-period-kind', 'quarter');
    given(company).when('HoldMeeting', { ...held, teamId: 'T-9' }).rejects('notFound', 'T-9');
    given(withMeeting).when('HoldMeeting', held).rejects('conflict');
  });

  it('lists every bad field: kind, attendees and an unknown field', () => {
    const p = given(company).when('HoldMeeting', { ...held, kind: 'party', attendees: [], agenda: 'x' }).rejects('invalid');
    expect(p.errors?.map((e) => e.path)).toEqual(expect.arrayContaining(['kind', 'attendees', 'agenda']));
  });
});

describe('AddActionItem', () => {
  it('links an item to the meeting its source names and inherits the meeting’s team and period', () => {
    given(withMeeting)
      .when('AddActionItem', { actionId: 'A-1', title: 'Call lapsed customers', due: '2026-07-15', ownerRepId: 'R-3', source: 'MR-2026-06' })
      .then([{ type: 'ActionItemAdded', data: { actionId: 'A-1', title: 'Call lapsed customers', due: '2026-07-15', ownerRepId: 'R-3', source: 'MR-2026-06', meetingId: 'MR-2026-06', teamId: 'T-1', period: '2026-06' }, occurredAt: held.occurredAt }]);
  });

  it('takes the moment it was agreed when given, over its meeting’s', () => {
    given(withMeeting)
      .when('AddActionItem', { actionId: 'A-1', title: 'x', due: '2026-07-15', source: 'MR-2026-06', occurredAt: '2026-07-03T10:00:00+08:00' })
      .then([{ type: 'ActionItemAdded', occurredAt: '2026-07-03T10:00:00+08:00' }]);
  });

  it('takes the owner’s team when no meeting names one, and keeps a free-text source unlinked', () => {
    given(company)
      .when('AddActionItem', { actionId: 'A-2', title: 'Refresh the price list', due: '2026-07-15T18:00:00+08:00', ownerRepId: 'R-3', source: 'customer complaint F-12' })
      .then([{ type: 'ActionItemAdded', data: { actionId: 'A-2', title: 'Refresh the price list', due: '2026-07-15T18:00:00+08:00', ownerRepId: 'R-3', source: 'customer complaint F-12', teamId: 'T-2' } }]);
  });

  it('refuses an unknown owner, a due that is no date, and a duplicate id', () => {
    given(company).when('AddActionItem', { actionId: 'A-1', title: 'x', due: '2026-07-15', ownerRepId: 'R-404' }).rejects('notFound', 'R-404');
    given(company).when('AddActionItem', { actionId: 'A-1', title: 'x', due: 'next week' }).rejects('invalid', 'due');
    const added = [...company, { stream: 'tally-action-A-1', type: 'ActionItemAdded', data: { actionId: 'A-1', title: 'x', due: '2026-07-15' } }];
    given(added).when('AddActionItem', { actionId: 'A-1', title: 'x', due: '2026-07-15' }).rejects('conflict');
  });
});

describe('CompleteActionItem and RecordLesson', () => {
  const added = [...company, { stream: 'tally-action-A-1', type: 'ActionItemAdded', data: { actionId: 'A-1', title: 'x', due: '2026-07-15', ownerRepId: 'R-1', teamId: 'T-1' } }];

  it('completes an open item once; a second completion breaks a rule, an unknown item is 404', () => {
    given(added).when('CompleteActionItem', { actionId: 'A-1', occurredAt: '2026-07-10T17:00:00+08:00', outcome: 'done' }).then([{ type: 'ActionItemCompleted', data: { actionId: 'A-1', outcome: 'done' }, occurredAt: '2026-07-10T17:00:00+08:00' }]);
    const done = [...added, { stream: 'tally-action-A-1', type: 'ActionItemCompleted', occurredAt: '2026-07-10T17:00:00+08:00', data: { actionId: 'A-1' } }];
    given(done).when('CompleteActionItem', { actionId: 'A-1', occurredAt: '2026-07-11T17:00:00+08:00' }).rejects('action-already-done');
    given(company).when('CompleteActionItem', { actionId: 'A-9', occurredAt: '2026-07-11T17:00:00+08:00' }).rejects('notFound', 'A-9');
  });

  it('records keep/stop/try lessons and refuses another kind or an unknown meeting', () => {
    given(withMeeting).when('RecordLesson', { lessonId: 'L-1', period: '2026-Q2', kind: 'keep', text: 'weekly pipeline calls', meetingId: 'MR-2026-06' }).then([{ type: 'LessonRecorded' }]);
    given(company).when('RecordLesson', { lessonId: 'L-1', period: '2026-Q2', kind: 'maybe', text: 'x' }).rejects('invalid', 'kind');
    given(company).when('RecordLesson', { lessonId: 'L-1', period: '2026-Q2', kind: 'try', text: 'x', meetingId: 'M-404' }).rejects('notFound', 'M-404');
  });
});
