// Campaigns: what the shell installs from this area — its commands and the read models it keeps
// current. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { campaignCommands } from './decider';
import { campaignsProjection } from './readModels/campaigns';

export const commands = campaignCommands;
export const projections: readonly Projection<any>[] = [campaignsProjection];
export const facts: FactQueries = [];
