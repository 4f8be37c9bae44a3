// The customers the care calendar plans for, as they stand at a moment: owner and birthday from
// the directory, contacts (with their birthdays) from the customers read model, registration from the customers read model, tier and first sale as classified
// then. Shared by GET /api/care and the care-due alerts, so both plan the same tasks.
import { classifyAtSteps, customersProjection } from '../../customers/readModels/customers';
import { runSteps, STEP_ITEMS, type Steps } from '../../fold/steps';
import type { World } from '../../fold/world';
import { salesLedgerProjection } from '../../ledger/salesLedger';
import { directoryProjection } from '../../teams/readModels/directory';
import type { CareCustomer } from './care';

export const careCustomers = (world: World, atMs: number, include: (customerId: string) => boolean = () => true): CareCustomer[] => runSteps(careCustomersSteps(world, atMs, include));

/** careCustomers in steps (fold/steps.ts): the classification is the long part. */
export function* careCustomersSteps(world: World, atMs: number, include: (customerId: string) => boolean = () => true): Steps<CareCustomer[]> {
  const dir = world.get(directoryProjection);
  const model = world.get(customersProjection);
  const tiers = yield* classifyAtSteps(model, world.get(salesLedgerProjection), atMs);
  const out: CareCustomer[] = [];
  let k = 0;
  for (const rec of model.customers.values()) {
    if (++k % STEP_ITEMS === 0) yield;
    const info = dir.customers.get(rec.customerId);
    if (!info || !include(rec.customerId)) continue;
    out.push({ customerId: rec.customerId, ownerRepId: info.ownerRepId, birthday: info.birthday, contacts: rec.contacts, registeredAt: rec.registeredAt, tier: tiers.tiers.get(rec.customerId)?.tier ?? 'potential', firstSaleMs: tiers.figures.get(rec.customerId)?.firstSaleMs });
  }
  return out;
}
