// Alerts: what the shell installs from this area — the RaiseAlert command and the alerts read
// model. core/catalog.ts collects it; the scheduler asks due.ts what to raise.
import type { FactQueries } from '../fold/facts';
import type { Projection } from '../fold/projection';
import { alertCommands } from './decider';
import { alertsProjection } from './readModels/alerts';

export const commands = alertCommands;
export const projections: readonly Projection<any>[] = [alertsProjection];
export const facts: FactQueries = [];
