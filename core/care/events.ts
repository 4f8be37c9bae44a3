// Events of customer care.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const Holiday = t.intersection([t.type({ date: t.string, name: t.string }), t.partial({ tiers: t.array(t.string) })], 'Holiday');

export const CarePolicySet = t.intersection(
  [
    t.type({ holidays: t.array(Holiday), cadenceDays: t.type({ 'high-value': t.number, regular: t.number, potential: t.number }) }),
    t.partial({ surveyEveryDays: t.number }),
  ],
  'CarePolicySet',
);

export const CustomerContactLogged = t.intersection(
  [t.type({ customerId: t.string, contactId: t.string, repId: t.string, kind: t.string }), t.partial({ note: t.string })],
  'CustomerContactLogged',
);

export type Holiday = t.TypeOf<typeof Holiday>;
export type CarePolicySetData = t.TypeOf<typeof CarePolicySet>;
export type CustomerContactLoggedData = t.TypeOf<typeof CustomerContactLogged>;

export type CareEvent = EventsOf<typeof careEventCodecs>;

export const careEventCodecs = { CarePolicySet, CustomerContactLogged } as const;
