// Events of customers.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const Contact = t.partial({ name: t.string, phone: t.string, email: t.string, title: t.string, birthday: t.string }, 'Contact');

export const CustomerRegistered = t.intersection(
  [
    t.type({ customerId: t.string, name: t.string, ownerRepId: t.string }),
    t.partial({ region: t.string, industry: t.string, birthday: t.string, contacts: t.array(Contact) }),
  ],
  'CustomerRegistered',
);

/** Only the fields that changed are present. */
export const CustomerProfileUpdated = t.intersection(
  [t.type({ customerId: t.string }), t.partial({ name: t.string, region: t.string, industry: t.string, birthday: t.string, contacts: t.array(Contact) })],
  'CustomerProfileUpdated',
);

export const CustomerReassigned = t.type({ customerId: t.string, fromRepId: t.string, toRepId: t.string, reason: t.string }, 'CustomerReassigned');

export type CustomerRegisteredData = t.TypeOf<typeof CustomerRegistered>;
export type CustomerProfileUpdatedData = t.TypeOf<typeof CustomerProfileUpdated>;
export type CustomerReassignedData = t.TypeOf<typeof CustomerReassigned>;

export type CustomerEvent = EventsOf<typeof customerEventCodecs>;

export const customerEventCodecs = { CustomerRegistered, CustomerProfileUpdated, CustomerReassigned } as const;
