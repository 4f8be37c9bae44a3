// Feedback: stream kind and command wiring. Scoped to the customer's owner rep and its team.
import { customerOwnerFacts, customerOwnerScope } from '../customers/decider';
import { customerStream } from '../customers/state';
import { defineCommand, factRef } from '../shared/command';
import { RecordFeedback, ResolveFeedback } from './commands';
import { recordFeedback, resolveFeedback } from './decide';
import { feedbackStream } from './state';

export { feedbackStream };

/** `{ feedbackId }` → its customerId, or undefined. */
export const FEEDBACK_CUSTOMER_FACT = factRef<{ feedbackId: string }, string | undefined>('feedbackCustomer');

export const feedbackCommands = [
  defineCommand({
    type: 'RecordFeedback',
    summary: 'Record a satisfaction score (0–10), a complaint or a suggestion from a customer.',
    codec: RecordFeedback,
    kind: feedbackStream,
    streamId: (c) => c.feedbackId,
    reads: (c) => [[customerStream, c.customerId]],
    facts: (c, source) => customerOwnerFacts(c.customerId, source),
    decide: recordFeedback,
    roles: ['admin', 'manager', 'rep'],
    scope: (c, ctx) => customerOwnerScope(c.customerId, ctx),
  }),
  defineCommand({
    type: 'ResolveFeedback',
    summary: 'Resolve a complaint or a suggestion; the time to resolution is measured from when it was raised.',
    codec: ResolveFeedback,
    kind: feedbackStream,
    streamId: (c) => c.feedbackId,
    facts: (c, source) => {
      const customerId = source.query(FEEDBACK_CUSTOMER_FACT, { feedbackId: c.feedbackId });
      return customerId ? customerOwnerFacts(customerId, source) : { owner: undefined };
    },
    decide: (c, s) => resolveFeedback(c, s),
    roles: ['admin', 'manager', 'rep'],
    scope: (_c, ctx) => {
      const f = ctx.facts.owner;
      return f ? { reps: [f.repId], teams: [f.teamId] } : {};
    },
  }),
];
