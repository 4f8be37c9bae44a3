// Customer care as a read model: the care policy in force and every logged contact; and the care
// calendar between two local dates — birthdays, holidays, follow-ups due by tier cadence since
// the last contact, satisfaction surveys due. Dates are calendar days in TALLY_TIMEZONE.
import type { Tier } from '../commands';
import type { Holiday } from '../events';
import { localDate, toMillis } from '../../shared/period';
import { defineProjection, unchanged } from '../../fold/projection';
import { runSteps, sortSteps, STEP_ITEMS, type Steps } from '../../fold/steps';

export interface CarePolicy {
  readonly holidays: readonly Holiday[];
  readonly cadenceDays: Readonly<Record<Tier, number>>;
  readonly surveyEveryDays?: number;
}

/** Until a policy is set: follow up monthly, quarterly, half-yearly; no holidays; no surveys. */
export const DEFAULT_CARE_POLICY: CarePolicy = { holidays: [], cadenceDays: { 'high-value': 30, regular: 90, potential: 180 } };

export interface ContactRow {
  readonly contactId: string;
  readonly repId: string;
  readonly kind: string;
  readonly ms: number;
  readonly occurredAt: string;
  readonly note?: string;
}

export interface CareModel {
  readonly zone: string;
  policy: CarePolicy;
  /** contacts of each customer, sorted by business time */
  readonly contacts: Map<string, ContactRow[]>;
  /** business times of satisfaction answers per customer: an answered survey */
  readonly surveys: Map<string, number[]>;
}

const insertSorted = <T>(list: T[], item: T, ms: (t: T) => number) => {
  let i = list.length;
  while (i > 0 && ms(list[i - 1]) > ms(item)) i--;
  list.splice(i, 0, item);
};

export const careProjection = defineProjection({
  name: 'care',
  types: ['CarePolicySet', 'CustomerContactLogged', 'FeedbackRecorded'],
  init: (settings): CareModel => ({ zone: settings.zone, policy: DEFAULT_CARE_POLICY, contacts: new Map(), surveys: new Map() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'CarePolicySet':
        s.policy = e.data;
        break;
      case 'CustomerContactLogged': {
        const d = e.data;
        let list = s.contacts.get(d.customerId);
        if (!list) s.contacts.set(d.customerId, (list = []));
        insertSorted(list, { contactId: d.contactId, repId: d.repId, kind: d.kind, ms: toMillis(e.occurredAt), occurredAt: e.occurredAt, note: d.note }, (c) => c.ms);
        break;
      }
      case 'FeedbackRecorded': {
        const d = e.data;
        if (d.kind !== 'satisfaction') break;
        let list = s.surveys.get(d.customerId);
        if (!list) s.surveys.set(d.customerId, (list = []));
        insertSorted(list, toMillis(e.occurredAt), (x) => x);
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

/** The last contact of a customer before a moment. */
export const lastContactBefore = (m: CareModel, customerId: string, atMs: number, kind?: string): ContactRow | undefined => {
  const list = m.contacts.get(customerId) ?? [];
  for (let i = list.length - 1; i >= 0; i--) if (list[i].ms <= atMs && (kind === undefined || list[i].kind === kind)) return list[i];
  return undefined;
};

// ---------- calendar arithmetic on local days (days since 1970-01-01) ----------

const DAY = 86_400_000;
export const dayOfDate = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY;
export const dateOfDay = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);
const localDayOf = (ms: number, zone: string): number => {
  const d = localDate(ms, zone);
  return Date.UTC(d.year, d.month - 1, d.day) / DAY;
};
const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The day a yearly MM-DD falls on in a year: 02-29 is kept on 02-28 in a non-leap year. */
export const observedIn = (year: number, monthDay: string): { date: string; moved: boolean } =>
  monthDay === '02-29' && !isLeap(year) ? { date: `${year}-02-28`, moved: true } : { date: `${year}-${monthDay}`, moved: false };

// ---------- the calendar ----------

export type CareTaskKind = 'birthday' | 'holiday' | 'follow-up' | 'survey';

export interface CareTask {
  readonly due: string;
  readonly kind: CareTaskKind;
  readonly customerId: string;
  readonly ownerRepId: string;
  readonly tier: Tier;
  readonly reason: string;
  /** a contact's birthday: the contact's name; else null */
  readonly contactName: string | null;
  /** due before the calendar's first day and still not done */
  readonly overdue: boolean;
}

export interface CareCustomer {
  readonly customerId: string;
  readonly ownerRepId: string;
  readonly birthday?: string;
  /** the customer's contacts with a birthday */
  readonly contacts?: readonly { readonly name?: string; readonly birthday?: string }[];
  readonly registeredAt: string;
  readonly tier: Tier;
  readonly firstSaleMs?: number;
}

/**
 * Care tasks due from `from` to `to` (local dates, inclusive), as known at `atMs`. A follow-up
 * falls due `cadence` days after the last contact (or the registration), so logging a contact
 * closes it; a survey falls due `surveyEveryDays` after the last answered or logged survey (or
 * the first sale). A follow-up or survey already due before `from` is listed as overdue.
 */
export const careCalendar = (m: CareModel, customers: Iterable<CareCustomer>, from: string, to: string, atMs: number): CareTask[] => runSteps(careCalendarSteps(m, customers, from, to, atMs));

/** careCalendar in steps (fold/steps.ts): yields every STEP_ITEMS customers. */
export function* careCalendarSteps(m: CareModel, customers: Iterable<CareCustomer>, from: string, to: string, atMs: number): Steps<CareTask[]> {
  const first = dayOfDate(from);
  const last = dayOfDate(to);
  const years: number[] = [];
  for (let y = +from.slice(0, 4); y <= +to.slice(0, 4); y++) years.push(y);
  const inRange = (date: string) => {
    const d = dayOfDate(date);
    return d >= first && d <= last;
  };
  const holidays = m.policy.holidays.flatMap((h) => {
    const dates = h.date.length === 5 ? years.map((y) => observedIn(y, h.date).date) : [h.date];
    return dates.filter(inRange).map((date) => ({ date, h }));
  });
  const out: CareTask[] = [];
  let k = 0;
  for (const c of customers) {
    if (++k % STEP_ITEMS === 0) yield;
    const base = { customerId: c.customerId, ownerRepId: c.ownerRepId, tier: c.tier, contactName: null };
    const birthdays = [
      ...(c.birthday ? [{ birthday: c.birthday, contactName: null, whose: '' }] : []),
      ...(c.contacts ?? []).flatMap((k) => (k.birthday ? [{ birthday: k.birthday, contactName: k.name ?? '', whose: `contact ${k.name ?? ''}'s ` }] : [])),
    ];
    for (const b of birthdays)
      for (const y of years) {
        const o = observedIn(y, b.birthday);
        const reason = `${b.whose}birthday ${b.birthday}${o.moved ? `, kept on 02-28 in ${y} (not a leap year)` : ''}`;
        if (inRange(o.date)) out.push({ ...base, contactName: b.contactName, due: o.date, kind: 'birthday', overdue: false, reason });
      }
    for (const { date, h } of holidays)
      if (!h.tiers || h.tiers.includes(c.tier)) out.push({ ...base, due: date, kind: 'holiday', overdue: false, reason: `${h.name} greeting` });
    const cadence = m.policy.cadenceDays[c.tier];
    if (cadence > 0) {
      const contact = lastContactBefore(m, c.customerId, atMs);
      const since = contact ? localDayOf(contact.ms, m.zone) : localDayOf(toMillis(c.registeredAt), m.zone);
      const due = since + cadence;
      if (due <= last)
        out.push({
          ...base, due: dateOfDay(due), kind: 'follow-up', overdue: due < first,
          reason: `${c.tier} customer: ${contact ? `last contact (${contact.kind}) ${dateOfDay(since)}` : `no contact since registration ${dateOfDay(since)}`}; follow up every ${cadence} days`,
        });
    }
    const every = m.policy.surveyEveryDays;
    if (every && c.firstSaleMs !== undefined && c.firstSaleMs <= atMs) {
      const answered = (m.surveys.get(c.customerId) ?? []).filter((ms) => ms <= atMs).pop();
      const logged = lastContactBefore(m, c.customerId, atMs, 'survey')?.ms;
      const lastSurvey = Math.max(answered ?? -Infinity, logged ?? -Infinity);
      const since = localDayOf(Number.isFinite(lastSurvey) ? lastSurvey : c.firstSaleMs, m.zone);
      const due = since + every;
      if (due <= last)
        out.push({
          ...base, due: dateOfDay(due), kind: 'survey', overdue: due < first,
          reason: `${Number.isFinite(lastSurvey) ? `last survey ${dateOfDay(since)}` : `no survey since the first sale ${dateOfDay(since)}`}; survey every ${every} days`,
        });
    }
  }
  const order: Record<CareTaskKind, number> = { 'follow-up': 0, survey: 1, birthday: 2, holiday: 3 };
  return yield* sortSteps(out, (a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : order[a.kind] - order[b.kind] || (a.customerId < b.customerId ? -1 : a.customerId > b.customerId ? 1 : 0)));
}
