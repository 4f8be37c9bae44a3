// Rules for feedback: a satisfaction answer carries a score; complaints and suggestions are resolved once.
import * as E from 'fp-ts/Either';
import { customerStream } from '../customers/state';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, invalidField, notFound, ruleBroken, type Problem } from '../shared/problem';
import type { RecordFeedback, ResolveFeedback } from './commands';
import type { FeedbackEvent } from './events';
import type { FeedbackState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<FeedbackEvent>[]>;

export const recordFeedback = (c: RecordFeedback, s: FeedbackState, ctx: DecideContext): Decision => {
  if (s.status !== 'none') return E.left(conflict(`feedback '${c.feedbackId}' is already recorded`));
  if (c.kind === 'satisfaction' && c.score === undefined) return E.left(invalidField('score', 'required: a satisfaction answer carries a score from 0 to 10'));
  if (ctx.state(customerStream, c.customerId).status === 'none') return E.left(notFound('customer', c.customerId));
  const { occurredAt, ...data } = c;
  return E.right([{ type: 'FeedbackRecorded', data, occurredAt }]);
};

export const resolveFeedback = (c: ResolveFeedback, s: FeedbackState): Decision => {
  if (s.status === 'none') return E.left(notFound('feedback', c.feedbackId));
  if (s.kind === 'satisfaction') return E.left(ruleBroken('nothing-to-resolve', `feedback '${c.feedbackId}' is a satisfaction score; only complaints and suggestions are resolved`));
  if (s.status === 'resolved') return E.left(ruleBroken('already-resolved', `feedback '${c.feedbackId}' is already resolved`));
  if (Date.parse(c.occurredAt) < Date.parse(s.occurredAt))
    return E.left(ruleBroken('resolved-before-raised', `feedback '${c.feedbackId}' was raised at ${s.occurredAt}; it cannot be resolved before (${c.occurredAt})`));
  return E.right([{ type: 'FeedbackResolved', data: { feedbackId: c.feedbackId, customerId: s.customerId, resolution: c.resolution }, occurredAt: c.occurredAt }]);
};
