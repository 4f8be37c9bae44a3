// Commands of customer care: the care policy (holidays, follow-up cadence by tier, survey
// rhythm) and the contacts reps log.
import * as t from 'io-ts';
import { boundedArray, closed, DateOnly, Id, Instant, literalUnion, MonthDay, NonNegativeInt, Note, PositiveInt, Text } from '../shared/codec';

export const TIERS = ['high-value', 'regular', 'potential'] as const;
export type Tier = (typeof TIERS)[number];
export const TierCodec = literalUnion('Tier', TIERS);

/** A recurring holiday `MM-DD`, or one dated `YYYY-MM-DD` for lunar ones (春节, 中秋节) per year. */
export const HolidayInput = closed('Holiday', { date: t.union([MonthDay, DateOnly], 'MonthDayOrDate'), name: Text(60) }, { tiers: boundedArray(TierCodec, 3, 1) });

/** Days between follow-ups per tier; 0 turns follow-ups off for that tier. */
export const CadenceDays = closed('CadenceDays', { 'high-value': NonNegativeInt, regular: NonNegativeInt, potential: NonNegativeInt });

export const SetCarePolicy = closed('SetCarePolicy', { holidays: boundedArray(HolidayInput, 400), cadenceDays: CadenceDays }, { surveyEveryDays: PositiveInt });
export type SetCarePolicy = t.TypeOf<typeof SetCarePolicy>;

export const CONTACT_KINDS = ['visit', 'call', 'message', 'gift', 'greeting', 'survey'] as const;

export const LogCustomerContact = closed(
  'LogCustomerContact',
  { customerId: Id, contactId: Id, repId: Id, kind: literalUnion('ContactKind', CONTACT_KINDS), occurredAt: Instant },
  { note: Note(2000) },
);
export type LogCustomerContact = t.TypeOf<typeof LogCustomerContact>;
