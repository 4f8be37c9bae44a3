// Customer feedback: what the shell installs from this area — its commands, the read models it keeps
// current, and the read-model queries (facts) its commands decide on. core/catalog.ts collects it.
import { answers, type FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { FEEDBACK_CUSTOMER_FACT, feedbackCommands } from './decider';
import { feedbackProjection } from './readModels/feedback';

export const commands = feedbackCommands;
export const projections: readonly Projection<any>[] = [feedbackProjection];
export const facts: FactQueries = [answers(FEEDBACK_CUSTOMER_FACT, (world, a) => world.get(feedbackProjection).items.get(a.feedbackId)?.customerId)];
