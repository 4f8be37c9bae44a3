// Insight stream state: recorded once.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type InsightEvent, insightEventCodecs } from './events';

export type InsightState = { readonly status: 'none' | 'recorded' };

export const initialInsight = (): InsightState => ({ status: 'none' });

export const evolveInsight = (s: InsightState, e: FoldedEvent<InsightEvent>): InsightState => (e.type === 'MarketInsightRecorded' ? { status: 'recorded' } : s);

export const insightStream = streamKind('tally-insight-', initialInsight, evolveInsight, insightEventCodecs);
