// Events of market research.
import * as t from 'io-ts';

export const MarketInsightRecorded = t.intersection(
  [
    t.type({ insightId: t.string, kind: t.string, subject: t.string, summary: t.string, tags: t.array(t.string) }),
    t.partial({ source: t.string, salesPlanId: t.string, teamId: t.string, impact: t.string }),
  ],
  'MarketInsightRecorded',
);
export type MarketInsightRecordedData = t.TypeOf<typeof MarketInsightRecorded>;

export type InsightEvent = { type: 'MarketInsightRecorded'; data: MarketInsightRecordedData };

export const insightEventCodecs = { MarketInsightRecorded } as const;
