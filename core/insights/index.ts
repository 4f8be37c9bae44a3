// Insights: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { insightCommands } from './decider';
import { insightsProjection } from './readModels/insights';

export const commands = insightCommands;
export const projections: readonly Projection<any>[] = [insightsProjection];
export const facts: FactQueries = [];
