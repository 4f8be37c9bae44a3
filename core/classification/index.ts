// Customer classification (the customers read model folds its events): what the shell installs
// from this area — its commands, the read models it keeps current, and the read-model queries
// (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { classificationCommands } from './decider';

export const commands = classificationCommands;
export const projections: readonly Projection<any>[] = [];
export const facts: FactQueries = [];
