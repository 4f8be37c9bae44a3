// Placeholder seam for the EventStoreDB adapter (issue 9): loaded only when TALLY_STORE is esdb://.
import type { EventStore } from './port';
import { StoreConfigError } from './select';

export const openEsdbStore = async (spec: string): Promise<EventStore> => {
  throw new StoreConfigError(`TALLY_STORE=${spec}: the EventStoreDB adapter is not built yet in this version`);
};
