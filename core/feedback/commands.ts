// Commands of customer feedback: satisfaction scores, complaints and suggestions, and resolutions.
import * as t from 'io-ts';
import { closed, Id, Instant, literalUnion, Text, withSchema } from '../shared/codec';
import { FEEDBACK_KINDS } from './events';

const Score = withSchema(new t.Type<number, number, unknown>(
  'Score',
  (u): u is number => typeof u === 'number',
  (u, c) => (typeof u === 'number' && Number.isInteger(u) && u >= 0 && u <= 10 ? t.success(u) : t.failure(u, c, `expected a whole score from 0 to 10, got ${JSON.stringify(u)}`)),
  t.identity,
), { type: 'integer', minimum: 0, maximum: 10 });

export const RecordFeedback = closed(
  'RecordFeedback',
  { feedbackId: Id, customerId: Id, kind: literalUnion('FeedbackKind', FEEDBACK_KINDS), text: Text(4000), occurredAt: Instant },
  { score: Score },
);
export type RecordFeedback = t.TypeOf<typeof RecordFeedback>;

export const ResolveFeedback = closed('ResolveFeedback', { feedbackId: Id, resolution: Text(4000), occurredAt: Instant });
export type ResolveFeedback = t.TypeOf<typeof ResolveFeedback>;
