// Customers: stream kind and command wiring.
import { defineCommand } from '../shared/command';
import { repStream, teamOfRep } from '../teams/state';
import { RegisterCustomer } from './commands';
import { registerCustomer } from './decide';
import { customerStream } from './state';

export { customerStream };

export const customerCommands = [
  defineCommand({
    type: 'RegisterCustomer',
    summary: 'Register a customer and the rep who owns the relationship.',
    codec: RegisterCustomer,
    kind: customerStream,
    streamId: (c) => c.customerId,
    reads: (c) => [[repStream, c.ownerRepId]],
    decide: registerCustomer,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => ({ reps: [c.ownerRepId], teams: [teamOfRep(ctx.state(repStream, c.ownerRepId))] }),
  }),
];
