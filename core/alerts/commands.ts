// The command that raises an alert. Its alertId is the alert's identity — kind, subject and the
// day or period it is about — so the scheduler of every instance sends the same command for the
// same alert, and the stream and the Idempotency-Key derived from it keep it to one event.
import * as t from 'io-ts';
import { Owner } from '../goals/commands';
import { closed, Instant, literalUnion, refined, Text, withSchema } from '../shared/codec';

export const ALERT_KINDS = ['goal-at-risk', 'goal-behind', 'milestone-overdue', 'action-item-overdue', 'deal-overdue', 'care-due', 'appraisal-pending'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export const SUBJECT_TYPES = ['goal', 'milestone', 'action-item', 'deal', 'customer', 'appraisal'] as const;
export type SubjectType = (typeof SUBJECT_TYPES)[number];

/** An id, or two joined by '/' (a milestone within its plan, a care task within its customer). */
const SUBJECT_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}(\/[A-Za-z0-9][A-Za-z0-9_.:-]{0,63})?$/;
export const SubjectId = refined<string>('SubjectId', "expected an id, or two joined by '/'", (u): u is string => typeof u === 'string' && SUBJECT_ID.test(u), {
  type: 'string', pattern: SUBJECT_ID.source, examples: ['SP-2026-Q4-EAST/MS-2'],
});

/** `kind:subject:about`: the alert's identity (see alertIdOf). */
const ALERT_ID = /^[a-z-]{1,24}:[A-Za-z0-9][A-Za-z0-9_.:\/-]{0,128}:[0-9A-Za-z-]{4,10}$/;
export const AlertId = refined<string>('AlertId', 'expected kind:subject:day-or-period', (u): u is string => typeof u === 'string' && ALERT_ID.test(u), {
  type: 'string', pattern: ALERT_ID.source, examples: ['milestone-overdue:SP-2026-Q4-EAST/MS-2:2026-10-24'],
});

const MAX_DETAILS = 20;
const DetailValues = t.record(t.string, t.union([Text(300), t.Int, t.null]), 'AlertDetails');

/** Up to 20 figures and names, each a line of text, an integer (money in minor units) or null. */
export const AlertDetailsInput = withSchema(
  new t.Type<Record<string, string | number | null>, Record<string, string | number | null>, unknown>(
    'AlertDetails',
    DetailValues.is,
    (u, c) => (typeof u === 'object' && u !== null && Object.keys(u).length > MAX_DETAILS ? t.failure(u, c, `expected at most ${MAX_DETAILS} details, got ${Object.keys(u).length}`) : DetailValues.validate(u, c)),
    t.identity,
  ),
  (of) => ({ ...of(DetailValues), maxProperties: MAX_DETAILS }),
);

export const RaiseAlert = closed('RaiseAlert', {
  alertId: AlertId,
  kind: literalUnion('AlertKind', ALERT_KINDS),
  owner: Owner,
  subject: closed('AlertSubject', { type: literalUnion('SubjectType', SUBJECT_TYPES), id: SubjectId }),
  at: Instant,
  details: AlertDetailsInput,
});
export type RaiseAlert = t.TypeOf<typeof RaiseAlert>;

/** The identity of an alert: what it is, about what, and the day or period it is about. */
export const alertIdOf = (kind: AlertKind, subjectId: string, about: string): string => `${kind}:${subjectId}:${about}`;
