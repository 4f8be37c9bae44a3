// Alert stream state: one stream per alert identity (tally-alert-<alertId>), raised or not.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type AlertEvent, alertEventCodecs } from './events';

export type AlertState = { status: 'none' } | { status: 'raised' };

export const evolveAlert = (s: AlertState, e: FoldedEvent<AlertEvent>): AlertState => (e.type === 'AlertRaised' ? { status: 'raised' } : s);

export const alertStream = streamKind('tally-alert-', (): AlertState => ({ status: 'none' }), evolveAlert, alertEventCodecs);
