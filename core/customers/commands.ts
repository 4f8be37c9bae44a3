// Commands of customers.
import * as t from 'io-ts';
import { boundedArray, closed, Id, MonthDay, Text } from '../shared/codec';

export const ContactInput = closed('Contact', { name: Text(120) }, { phone: Text(40), email: Text(200), title: Text(120) });

export const RegisterCustomer = closed(
  'RegisterCustomer',
  { customerId: Id, name: Text(200), ownerRepId: Id },
  { region: Text(120), industry: Text(120), birthday: MonthDay, contacts: boundedArray(ContactInput, 50) },
);
export type RegisterCustomer = t.TypeOf<typeof RegisterCustomer>;
