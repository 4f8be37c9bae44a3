// The care calendar: birthdays (02-29 kept on 02-28 in non-leap years), holidays given per year,
// follow-ups by tier cadence that a logged contact closes, surveys due — all on calendar days in
// the deployment's time zone.
import { describe, expect, it } from 'vitest';
import { careCalendar, careProjection, observedIn, type CareCustomer } from '../../../core/care/readModels/care';
import type { Tier } from '../../../core/customers/readModels/customers';
import { replay } from '../../../core/fold/projection';
import type { StoredEvent } from '../../../core/shared/envelope';

let position = 0;
const ev = (type: string, data: Record<string, unknown>, occurredAt: string): StoredEvent =>
  ({ position: ++position, stream: 's', revision: 0, type, data, occurredAt, recordedAt: occurredAt, meta: { commandId: 'c', actor: 'a', correlationId: 'c' }, prevHash: '', hash: '' });

const policy = (extra: Record<string, unknown> = {}) =>
  ev('CarePolicySet', { holidays: [{ date: '2026-02-17', name: '春节' }, { date: '2027-02-06', name: '春节' }, { date: '2026-09-25', name: '中秋节' }, { date: '01-01', name: '元旦', tiers: ['high-value'] }], cadenceDays: { 'high-value': 30, regular: 90, potential: 0 }, ...extra }, '2026-01-01T00:00:00+08:00');

const customer = (customerId: string, tier: Tier, extra: Partial<CareCustomer> = {}): CareCustomer =>
  ({ customerId, ownerRepId: 'R-1', tier, registeredAt: '2026-01-05T10:00:00+08:00', ...extra });

const calendar = (events: StoredEvent[], customers: CareCustomer[], from: string, to: string, at = `${to}T23:00:00+08:00`, zone = 'Asia/Shanghai') =>
  careCalendar(replay(careProjection, events, { zone, currency: 'CNY' }), customers, from, to, Date.parse(at));

describe('the care calendar', () => {
  it('keeps a 02-29 birthday on 02-28 in a non-leap year and on 02-29 in a leap year', () => {
    expect(observedIn(2027, '02-29')).toEqual({ date: '2027-02-28', moved: true });
    expect(observedIn(2028, '02-29')).toEqual({ date: '2028-02-29', moved: false });
    const c = [customer('C-1', 'potential', { birthday: '02-29' })];
    const tasks = calendar([], c, '2027-02-01', '2028-03-31').filter((t) => t.kind === 'birthday');
    expect(tasks.map((t) => t.due)).toEqual(['2027-02-28', '2028-02-29']);
    expect(tasks[0].reason).toContain('not a leap year');
  });

  it('lists each configured holiday of the range for every customer the holiday is for', () => {
    const c = [customer('C-1', 'high-value'), customer('C-2', 'regular')];
    const tasks = calendar([policy()], c, '2026-12-25', '2027-02-10').filter((t) => t.kind === 'holiday');
    expect(tasks.map((t) => [t.due, t.customerId, t.reason])).toEqual([
      ['2027-01-01', 'C-1', '元旦 greeting'],
      ['2027-02-06', 'C-1', '春节 greeting'],
      ['2027-02-06', 'C-2', '春节 greeting'],
    ]);
  });

  it('dates follow-ups in TALLY_TIMEZONE: a contact at 00:30 Shanghai time counts on that local day, not the UTC one', () => {
    const c = [customer('C-1', 'high-value')];
    // 2026-03-02T00:30+08:00 is 2026-03-02 in Shanghai but still 2026-03-01 (16:30) in UTC
    const contact = ev('CustomerContactLogged', { customerId: 'C-1', contactId: 'K-1', repId: 'R-1', kind: 'call' }, '2026-03-02T00:30:00+08:00');
    const shanghai = calendar([policy(), contact], c, '2026-03-01', '2026-04-30').find((t) => t.kind === 'follow-up');
    expect(shanghai?.due).toBe('2026-04-01'); // 2026-03-02 + 30 days
    const utc = calendar([policy(), contact], c, '2026-03-01', '2026-04-30', '2026-04-30T23:00:00Z', 'UTC').find((t) => t.kind === 'follow-up');
    expect(utc?.due).toBe('2026-03-31'); // 2026-03-01 (UTC) + 30 days
  });

  it('makes a follow-up due by the tier’s cadence since the last contact, and a logged contact closes it', () => {
    const c = [customer('C-1', 'regular')];
    const due = calendar([policy()], c, '2026-04-01', '2026-04-30').filter((t) => t.kind === 'follow-up');
    expect(due).toMatchObject([{ due: '2026-04-05', customerId: 'C-1', ownerRepId: 'R-1', overdue: false }]); // registered 01-05 + 90 days
    const visited = ev('CustomerContactLogged', { customerId: 'C-1', contactId: 'K-1', repId: 'R-1', kind: 'visit' }, '2026-04-03T15:00:00+08:00');
    expect(calendar([policy(), visited], c, '2026-04-01', '2026-04-30').filter((t) => t.kind === 'follow-up')).toEqual([]);
    // the next one is due 90 days after the visit
    expect(calendar([policy(), visited], c, '2026-07-01', '2026-07-31').find((t) => t.kind === 'follow-up')?.due).toBe('2026-07-02');
    // a tier with cadence 0 gets none
    expect(calendar([policy()], [customer('C-2', 'potential')], '2026-01-01', '2026-12-31').filter((t) => t.kind === 'follow-up')).toEqual([]);
  });

  it('carries a follow-up missed before the range as overdue', () => {
    const t = calendar([policy()], [customer('C-1', 'high-value')], '2026-06-01', '2026-06-30').find((x) => x.kind === 'follow-up');
    expect(t).toMatchObject({ due: '2026-02-04', overdue: true });
  });

  it('makes a survey due every N days after the last answered survey, or the first sale', () => {
    const c = [customer('C-1', 'regular', { firstSaleMs: Date.parse('2026-02-10T10:00:00+08:00') })];
    const events = [policy({ surveyEveryDays: 60 })];
    expect(calendar(events, c, '2026-04-01', '2026-04-30').find((t) => t.kind === 'survey')?.due).toBe('2026-04-11');
    events.push(ev('FeedbackRecorded', { feedbackId: 'F-1', customerId: 'C-1', kind: 'satisfaction', score: 9, text: 'good' }, '2026-04-08T10:00:00+08:00'));
    expect(calendar(events, c, '2026-04-01', '2026-04-30').find((t) => t.kind === 'survey')).toBeUndefined();
    expect(calendar(events, c, '2026-06-01', '2026-06-30').find((t) => t.kind === 'survey')?.due).toBe('2026-06-07');
    // a customer who never bought is not surveyed
    expect(calendar(events, [customer('C-2', 'potential')], '2026-01-01', '2026-12-31').filter((t) => t.kind === 'survey')).toEqual([]);
  });
});
