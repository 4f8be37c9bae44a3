// Events of customer feedback.
import * as t from 'io-ts';

export const FeedbackRecorded = t.intersection(
  [t.type({ feedbackId: t.string, customerId: t.string, kind: t.string, text: t.string }), t.partial({ score: t.number })],
  'FeedbackRecorded',
);
export const FeedbackResolved = t.type({ feedbackId: t.string, customerId: t.string, resolution: t.string }, 'FeedbackResolved');

export type FeedbackRecordedData = t.TypeOf<typeof FeedbackRecorded>;
export type FeedbackResolvedData = t.TypeOf<typeof FeedbackResolved>;

export type FeedbackEvent = { type: 'FeedbackRecorded'; data: FeedbackRecordedData } | { type: 'FeedbackResolved'; data: FeedbackResolvedData };

export const feedbackEventCodecs = { FeedbackRecorded, FeedbackResolved } as const;
