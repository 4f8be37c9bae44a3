// The sales pipeline: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { pipelineCommands } from './decider';
import { pipelineProjection } from './readModels/pipeline';

export const commands = pipelineCommands;
export const projections: readonly Projection<any>[] = [pipelineProjection];
export const facts: FactQueries = [];
