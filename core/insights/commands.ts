// Commands of market research: an insight about the market, a competitor, a customer need or a
// trend, tagged, optionally linked to the sales plan it informs or naming the team it is for.
import * as t from 'io-ts';
import { boundedArray, closed, Id, Instant, literalUnion, Text } from '../shared/codec';

export const INSIGHT_KINDS = ['market', 'competitor', 'customer-need', 'trend'] as const;
export const InsightKind = literalUnion('InsightKind', INSIGHT_KINDS);

export const RecordMarketInsight = closed(
  'RecordMarketInsight',
  { insightId: Id, kind: InsightKind, subject: Text(200), summary: Text(4000), occurredAt: Instant },
  { source: Text(500), tags: boundedArray(Text(40, 'Tag'), 20, 0, 'Tags'), salesPlanId: Id, teamId: Id, impact: literalUnion('Impact', ['high', 'medium', 'low'] as const) },
);
export type RecordMarketInsight = t.TypeOf<typeof RecordMarketInsight>;
