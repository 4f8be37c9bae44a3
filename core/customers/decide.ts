// Rules for customers.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, notFound, type Problem } from '../shared/problem';
import { repStream } from '../teams/state';
import type { RegisterCustomer } from './commands';
import type { CustomerEvent } from './events';
import type { CustomerState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<CustomerEvent>[]>;

export const registerCustomer = (c: RegisterCustomer, s: CustomerState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`customer '${c.customerId}' already exists`));
  if (ctx.state(repStream, c.ownerRepId).status === 'none') return E.left(notFound('rep', c.ownerRepId));
  return E.right([{ type: 'CustomerRegistered', data: { ...c } }]);
};
