// Care: stream kinds and command wiring. A rep logs own contacts; a manager its team's.
import { customerWorkScope } from '../customers/decider';
import { customerStream } from '../customers/state';
import { defineCommand } from '../shared/command';
import { repStream } from '../teams/state';
import { LogCustomerContact, SetCarePolicy } from './commands';
import { logCustomerContact, setCarePolicy } from './decide';
import { CARE_POLICY_ID, carePolicyStream, contactStream } from './state';

export { carePolicyStream, contactStream };

export const careCommands = [
  defineCommand({
    type: 'SetCarePolicy',
    summary: 'Set the care calendar: holidays (MM-DD, or YYYY-MM-DD per year), follow-up days per tier, survey rhythm.',
    codec: SetCarePolicy,
    kind: carePolicyStream,
    streamId: () => CARE_POLICY_ID,
    decide: (c) => setCarePolicy(c),
    roles: ['admin'],
  }),
  defineCommand({
    type: 'LogCustomerContact',
    summary: 'Log a visit, call, message, gift, greeting or survey with a customer; it closes the due follow-up.',
    codec: LogCustomerContact,
    kind: contactStream,
    streamId: (c) => c.contactId,
    reads: (c) => [[customerStream, c.customerId], [repStream, c.repId]],
    decide: logCustomerContact,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => customerWorkScope(ctx, c.customerId, [c.repId]),
  }),
];
