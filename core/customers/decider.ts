// Customers: stream kind and command wiring. Whose customer it is comes from the stream (owner
// rep) and from the directory read model (that rep's team now), passed in as a fact.
import type { DecideContext } from '../shared/decider';
import { defineCommand, factRef, type FactSource, type Scope } from '../shared/command';
import { repScope, repStream, teamOfRep } from '../teams/state';
import { ReassignCustomer, RegisterCustomer, UpdateCustomerProfile } from './commands';
import { reassignCustomer, registerCustomer, updateCustomerProfile } from './decide';
import { customerStream } from './state';

export { customerStream };

export interface CustomerOwnerFact {
  readonly repId: string;
  readonly teamId?: string;
}

/** `{ customerId }` → `{ repId, teamId }` of the customer's current owner, or undefined. */
export const CUSTOMER_OWNER_FACT = factRef<{ customerId: string }, CustomerOwnerFact | undefined>('customerOwner');

export interface CustomerOwnerFacts {
  readonly owner: CustomerOwnerFact | undefined;
}

export const customerOwnerFacts = (customerId: string, source: FactSource): CustomerOwnerFacts => ({ owner: source.query(CUSTOMER_OWNER_FACT, { customerId }) });

/** The owner rep and its team: a rep may act on own customers, a manager on its team's. */
export const customerOwnerScope = (customerId: string, ctx: DecideContext<CustomerOwnerFacts>): Scope => {
  const s = ctx.state(customerStream, customerId);
  if (s.status !== 'active') return {};
  const fact = ctx.facts.owner;
  return { reps: [s.ownerRepId], teams: [fact && fact.repId === s.ownerRepId ? fact.teamId : undefined] };
};

/**
 * The scope of work done for a customer and credited to `repIds` (a sale, a deal, a contact): a
 * rep must be every credited rep and the customer's owner; a manager's team must hold the
 * credited reps. An unknown customer adds nothing: decide answers 404.
 */
export const customerWorkScope = (ctx: Pick<DecideContext, 'state'>, customerId: string, repIds: readonly string[]): Scope => {
  const customer = ctx.state(customerStream, customerId);
  const scope = repScope(ctx, repIds);
  return customer.status === 'active' ? { ...scope, reps: [...repIds, customer.ownerRepId] } : scope;
};

export const customerCommands = [
  defineCommand({
    type: 'RegisterCustomer',
    summary: 'Register a customer and the rep who owns the relationship.',
    codec: RegisterCustomer,
    kind: customerStream,
    streamId: (c) => c.customerId,
    reads: (c) => [[repStream, c.ownerRepId]],
    decide: registerCustomer,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => repScope(ctx, [c.ownerRepId]),
  }),
  defineCommand({
    type: 'UpdateCustomerProfile',
    summary: 'Change a customer’s name, region, industry, birthday (MM-DD) or contacts (the list is replaced).',
    codec: UpdateCustomerProfile,
    kind: customerStream,
    streamId: (c) => c.customerId,
    facts: (c, source) => customerOwnerFacts(c.customerId, source),
    decide: (c, s) => updateCustomerProfile(c, s),
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => customerOwnerScope(c.customerId, ctx),
  }),
  defineCommand({
    type: 'ReassignCustomer',
    summary: 'Hand a customer to another rep; the owner history is kept and past sales stay with who made them.',
    codec: ReassignCustomer,
    kind: customerStream,
    streamId: (c) => c.customerId,
    reads: (c) => [[repStream, c.toRepId]],
    facts: (c, source) => customerOwnerFacts(c.customerId, source),
    decide: reassignCustomer,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => ({ teams: [...(customerOwnerScope(c.customerId, ctx).teams ?? []), teamOfRep(ctx.state(repStream, c.toRepId))] }),
  }),
];
