// Feedback stream state: one stream per piece of feedback.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type FeedbackEvent, feedbackEventCodecs } from './events';

export type FeedbackState =
  | { status: 'none' }
  | { status: 'open' | 'resolved'; feedbackId: string; customerId: string; kind: string; occurredAt: string };

export const evolveFeedback = (s: FeedbackState, e: FoldedEvent<FeedbackEvent>): FeedbackState => {
  switch (e.type) {
    case 'FeedbackRecorded':
      return { status: 'open', feedbackId: e.data.feedbackId, customerId: e.data.customerId, kind: e.data.kind, occurredAt: e.occurredAt };
    case 'FeedbackResolved':
      return s.status === 'none' ? s : { ...s, status: 'resolved' };
    default:
      return s;
  }
};

export const feedbackStream = streamKind('tally-feedback-', (): FeedbackState => ({ status: 'none' }), evolveFeedback, feedbackEventCodecs);
