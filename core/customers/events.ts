// Events of customers.
import * as t from 'io-ts';

export const Contact = t.partial({ name: t.string, phone: t.string, email: t.string, title: t.string }, 'Contact');

export const CustomerRegistered = t.intersection(
  [
    t.type({ customerId: t.string, name: t.string, ownerRepId: t.string }),
    t.partial({ region: t.string, industry: t.string, birthday: t.string, contacts: t.array(Contact) }),
  ],
  'CustomerRegistered',
);

export type CustomerEvent = { type: 'CustomerRegistered'; data: t.TypeOf<typeof CustomerRegistered> };

export const customerEventCodecs = { CustomerRegistered } as const;
