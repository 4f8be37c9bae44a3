// Insight stream state: recorded once.
import type { FoldedEvent, StreamKind } from '../shared/decider';
import type { InsightEvent } from './events';

export type InsightState = { readonly status: 'none' | 'recorded' };

export const initialInsight = (): InsightState => ({ status: 'none' });

export const evolveInsight = (s: InsightState, e: FoldedEvent<InsightEvent>): InsightState => (e.type === 'MarketInsightRecorded' ? { status: 'recorded' } : s);

export const insightStream: StreamKind<InsightState> = { prefix: 'tally-insight-', initialState: initialInsight, evolve: evolveInsight as StreamKind<InsightState>['evolve'] };
