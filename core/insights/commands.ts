// Commands of market research: an insight about the market, a competitor, a customer need or a
// trend, tagged, optionally linked to the sales plan it informs or naming the team it is for.
import * as t from 'io-ts';
import { boundedArray, closed, Id, Instant, literalUnion, PeriodId, PositiveMinorUnits, Text } from '../shared/codec';

export const INSIGHT_KINDS = ['market', 'competitor', 'customer-need', 'trend'] as const;
export const InsightKind = literalUnion('InsightKind', INSIGHT_KINDS);

/** The size of a market in a period (money, minor units), optionally of one region and/or product, as sales name them. */
export const MarketSize = closed('MarketSize', { amount: PositiveMinorUnits, period: PeriodId }, { region: Text(120), product: Text(120) });
export type MarketSize = t.TypeOf<typeof MarketSize>;

export const RecordMarketInsight = closed(
  'RecordMarketInsight',
  { insightId: Id, kind: InsightKind, subject: Text(200), summary: Text(4000), occurredAt: Instant },
  { source: Text(500), tags: boundedArray(Text(40, 'Tag'), 20, 0, 'Tags'), salesPlanId: Id, teamId: Id, impact: literalUnion('Impact', ['high', 'medium', 'low'] as const), marketSize: MarketSize },
);
export type RecordMarketInsight = t.TypeOf<typeof RecordMarketInsight>;
