// Rules for customer care.
import * as E from 'fp-ts/Either';
import { customerStream } from '../customers/state';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, type Problem } from '../shared/problem';
import { repHasLeft, repStream } from '../teams/state';
import type { LogCustomerContact, SetCarePolicy } from './commands';
import type { CareEvent } from './events';
import type { ContactState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<CareEvent>[]>;

export const setCarePolicy = (c: SetCarePolicy): Decision => {
  const seen = new Set<string>();
  for (const [i, h] of c.holidays.entries()) {
    const key = `${h.date}|${h.name}`;
    if (seen.has(key)) return E.left(invalidField(`holidays.${i}`, `holiday '${h.name}' on ${h.date} is listed twice`));
    seen.add(key);
  }
  return E.right([{ type: 'CarePolicySet', data: { ...c } }]);
};

export const logCustomerContact = (c: LogCustomerContact, s: ContactState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`contact '${c.contactId}' is already logged`));
  if (ctx.state(customerStream, c.customerId).status === 'none') return E.left(notFound('customer', c.customerId));
  const rep = ctx.state(repStream, c.repId);
  if (rep.status === 'none') return E.left(notFound('rep', c.repId));
  const left = repHasLeft(rep, 'repId', c.occurredAt);
  if (left) return E.left(left);
  const { occurredAt, ...data } = c;
  return E.right([{ type: 'CustomerContactLogged', data, occurredAt }]);
};
