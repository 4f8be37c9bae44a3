// Rules for customers.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, notFound, ruleBroken, type Problem } from '../shared/problem';
import { repHasLeft, repStream } from '../teams/state';
import type { ReassignCustomer, RegisterCustomer, UpdateCustomerProfile } from './commands';
import type { CustomerEvent } from './events';
import type { CustomerState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<CustomerEvent>[]>;

export const registerCustomer = (c: RegisterCustomer, s: CustomerState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`customer '${c.customerId}' already exists`));
  const owner = ctx.state(repStream, c.ownerRepId);
  if (owner.status === 'none') return E.left(notFound('rep', c.ownerRepId));
  const left = repHasLeft(owner, 'ownerRepId');
  if (left) return E.left(left);
  return E.right([{ type: 'CustomerRegistered', data: { ...c } }]);
};

const PROFILE_FIELDS = ['name', 'region', 'industry', 'birthday'] as const;

export const updateCustomerProfile = (c: UpdateCustomerProfile, s: CustomerState): Decision => {
  if (s.status === 'none') return E.left(notFound('customer', c.customerId));
  const changed: Record<string, unknown> = {};
  for (const k of PROFILE_FIELDS) if (c[k] !== undefined && c[k] !== s[k]) changed[k] = c[k];
  if (c.contacts !== undefined) changed.contacts = c.contacts;
  if (Object.keys(changed).length === 0)
    return E.left(ruleBroken('profile-unchanged', `the update changes nothing on customer '${c.customerId}'`));
  return E.right([{ type: 'CustomerProfileUpdated', data: { customerId: c.customerId, ...changed } }]);
};

export const reassignCustomer = (c: ReassignCustomer, s: CustomerState, ctx: DecideContext): Decision => {
  if (s.status === 'none') return E.left(notFound('customer', c.customerId));
  const to = ctx.state(repStream, c.toRepId);
  if (to.status === 'none') return E.left(notFound('rep', c.toRepId));
  const left = repHasLeft(to, 'toRepId');
  if (left) return E.left(left);
  if (s.ownerRepId === c.toRepId) return E.left(ruleBroken('already-owner', `rep '${c.toRepId}' already owns customer '${c.customerId}'`));
  return E.right([
    { type: 'CustomerReassigned', data: { customerId: c.customerId, fromRepId: s.ownerRepId, toRepId: c.toRepId, reason: c.reason }, occurredAt: c.occurredAt },
  ]);
};
