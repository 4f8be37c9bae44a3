// Events of customer feedback.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';
import { literalUnion } from '../shared/codec';

export const FEEDBACK_KINDS = ['satisfaction', 'complaint', 'suggestion'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

// the kind is checked as the command checks it, so a read model takes it typed, without a cast
export const FeedbackRecorded = t.intersection(
  [t.type({ feedbackId: t.string, customerId: t.string, kind: literalUnion('FeedbackKind', FEEDBACK_KINDS), text: t.string }), t.partial({ score: t.number })],
  'FeedbackRecorded',
);
export const FeedbackResolved = t.type({ feedbackId: t.string, customerId: t.string, resolution: t.string }, 'FeedbackResolved');

export type FeedbackRecordedData = t.TypeOf<typeof FeedbackRecorded>;
export type FeedbackResolvedData = t.TypeOf<typeof FeedbackResolved>;

export type FeedbackEvent = EventsOf<typeof feedbackEventCodecs>;

export const feedbackEventCodecs = { FeedbackRecorded, FeedbackResolved } as const;
