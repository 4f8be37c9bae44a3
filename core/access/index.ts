// Access: what the shell installs from this area — the revoke command and the cut-offs its
// authentication asks.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { accessCommands } from './decider';
import { revocationsProjection } from './readModels/revocations';

export const commands = accessCommands;
export const projections: readonly Projection<any>[] = [revocationsProjection];
export const facts: FactQueries = [];
