// Sales plans: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { salesPlanCommands } from './decider';
import { plansProjection } from './readModels/plans';

export const commands = salesPlanCommands;
export const projections: readonly Projection<any>[] = [plansProjection];
export const facts: FactQueries = [];
