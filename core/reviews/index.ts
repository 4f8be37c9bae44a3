// Review meetings: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { reviewCommands } from './decider';
import { reviewsProjection } from './readModels/reviews';

export const commands = reviewCommands;
export const projections: readonly Projection<any>[] = [reviewsProjection];
export const facts: FactQueries = [];
