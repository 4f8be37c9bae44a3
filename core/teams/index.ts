// Teams and reps: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { teamCommands } from './decider';
import { directoryProjection } from './readModels/directory';

export const commands = teamCommands;
export const projections: readonly Projection<any>[] = [directoryProjection];
export const facts: FactQueries = [];
