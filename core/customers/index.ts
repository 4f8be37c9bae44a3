// Customers: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import { answers, type FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { directoryProjection } from '../teams/readModels/directory';
import { CUSTOMER_OWNER_FACT, customerCommands } from './decider';
import { customersProjection } from './readModels/customers';

export const commands = customerCommands;
export const projections: readonly Projection<any>[] = [customersProjection];
export const facts: FactQueries = [
  // Customer commands are scoped to the owner rep and that rep's team, which the directory knows.
  answers(CUSTOMER_OWNER_FACT, (world, a) => {
    const dir = world.get(directoryProjection);
    const owner = dir.customers.get(a.customerId)?.ownerRepId;
    return owner === undefined ? undefined : { repId: owner, teamId: dir.reps.get(owner)?.teamId };
  }),
];
