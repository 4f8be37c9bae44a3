// Alerts: stream kind and command wiring. Only the server's scheduler (the system actor, an
// admin) raises alerts; an admin may raise one by hand the same way.
import { defineCommand } from '../shared/command';
import { RaiseAlert } from './commands';
import { raiseAlert } from './decide';
import { alertStream } from './state';

export { alertStream };

export const alertCommands = [
  defineCommand({
    type: 'RaiseAlert',
    summary: 'Raise an alert (the scheduler does, once per alert: its id is its kind, subject and day or period, and is its Idempotency-Key).',
    codec: RaiseAlert,
    kind: alertStream,
    streamId: (c) => c.alertId,
    decide: raiseAlert,
    roles: ['admin'],
  }),
];
