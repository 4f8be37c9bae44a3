// Webhooks: what the shell installs from this area — the commands and the webhooks read model.
// The delivery worker (server/webhooks/) reads the read model; core says only which events a webhook takes.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { webhookCommands } from './decider';
import { webhooksProjection } from './readModels/webhooks';

export const commands = webhookCommands;
export const projections: readonly Projection<any>[] = [webhooksProjection];
export const facts: FactQueries = [];
