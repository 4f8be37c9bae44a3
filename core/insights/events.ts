// Events of market research.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

// marketSize came later: insights recorded before it simply have none
const MarketSizeData = t.intersection([t.type({ amount: t.number, period: t.string }), t.partial({ region: t.string, product: t.string })], 'MarketSizeData');

export type MarketSizeData = t.TypeOf<typeof MarketSizeData>;

export const MarketInsightRecorded = t.intersection(
  [
    t.type({ insightId: t.string, kind: t.string, subject: t.string, summary: t.string, tags: t.array(t.string) }),
    t.partial({ source: t.string, salesPlanId: t.string, teamId: t.string, impact: t.string, marketSize: MarketSizeData }),
  ],
  'MarketInsightRecorded',
);
export type MarketInsightRecordedData = t.TypeOf<typeof MarketInsightRecorded>;

export type InsightEvent = EventsOf<typeof insightEventCodecs>;

export const insightEventCodecs = { MarketInsightRecorded } as const;
