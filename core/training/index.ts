// Training: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { trainingCommands } from './decider';
import { trainingsProjection } from './readModels/trainings';

export const commands = trainingCommands;
export const projections: readonly Projection<any>[] = [trainingsProjection];
export const facts: FactQueries = {};
