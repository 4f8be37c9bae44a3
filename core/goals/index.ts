// Goals: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { goalCommands } from './decider';
import { goalFacts } from './facts';
import { goalsProjection } from './readModels/goals';

export const commands = goalCommands;
export const projections: readonly Projection<any>[] = [goalsProjection];
export const facts: FactQueries = goalFacts;
