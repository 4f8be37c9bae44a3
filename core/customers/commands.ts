// Commands of customers: registration (contract), profile updates and reassignment to another rep.
import * as t from 'io-ts';
import { boundedArray, closed, Id, Instant, MonthDay, Text } from '../shared/codec';

export const ContactInput = closed('Contact', { name: Text(120) }, { phone: Text(40), email: Text(200), title: Text(120), birthday: MonthDay });

export const RegisterCustomer = closed(
  'RegisterCustomer',
  { customerId: Id, name: Text(200), ownerRepId: Id },
  { region: Text(120), industry: Text(120), birthday: MonthDay, contacts: boundedArray(ContactInput, 50) },
);
export type RegisterCustomer = t.TypeOf<typeof RegisterCustomer>;

/** Change any profile field; `contacts` replaces the whole list. */
export const UpdateCustomerProfile = closed(
  'UpdateCustomerProfile',
  { customerId: Id },
  { name: Text(200), region: Text(120), industry: Text(120), birthday: MonthDay, contacts: boundedArray(ContactInput, 50) },
);
export type UpdateCustomerProfile = t.TypeOf<typeof UpdateCustomerProfile>;

/** Hand the relationship to another rep; past sales stay credited to whoever made them. */
export const ReassignCustomer = closed('ReassignCustomer', { customerId: Id, toRepId: Id, reason: Text(500) }, { occurredAt: Instant });
export type ReassignCustomer = t.TypeOf<typeof ReassignCustomer>;
