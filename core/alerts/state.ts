// Alert stream state: one stream per alert identity (tally-alert-<alertId>), raised or not.
import type { FoldedEvent, StreamKind } from '../shared/decider';
import type { AlertEvent } from './events';

export type AlertState = { status: 'none' } | { status: 'raised' };

export const evolveAlert = (s: AlertState, e: FoldedEvent<AlertEvent>): AlertState => (e.type === 'AlertRaised' ? { status: 'raised' } : s);

export const alertStream: StreamKind<AlertState> = {
  prefix: 'tally-alert-',
  initialState: () => ({ status: 'none' }),
  evolve: evolveAlert as StreamKind<AlertState>['evolve'],
};
