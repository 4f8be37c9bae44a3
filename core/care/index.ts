// Customer care: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { careCommands } from './decider';
import { careProjection } from './readModels/care';

export const commands = careCommands;
export const projections: readonly Projection<any>[] = [careProjection];
export const facts: FactQueries = [];
