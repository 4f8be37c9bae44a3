// Market research as read: insights by kind, tag, linked plan and business time, newest first.
import type { MarketInsightRecordedData } from '../events';
import { defineProjection } from '../../fold/projection';
import type { World } from '../../fold/world';

export interface Insight extends MarketInsightRecordedData {
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly position: number;
}

export interface InsightsState {
  readonly insights: Insight[];
}

export const insightsProjection = defineProjection({
  name: 'insights',
  types: ['MarketInsightRecorded'],
  init: (): InsightsState => ({ insights: [] }),
  apply: (s, e) => {
    if (e.type === 'MarketInsightRecorded') s.insights.push({ ...e.data, occurredAt: e.occurredAt, recordedAt: e.recordedAt, position: e.position });
    return s;
  },
});

export interface InsightFilter {
  readonly kind?: string;
  /** matched case-insensitively */
  readonly tag?: string;
  readonly salesPlanId?: string;
  /** business time bounds, epoch ms: [from, to) */
  readonly from?: number;
  readonly to?: number;
}

/** Insights matching the filter, newest (by business time) first. */
export const insightsWhere = (world: World, f: InsightFilter): Insight[] => {
  const tag = f.tag?.toLowerCase();
  return world
    .get(insightsProjection)
    .insights.filter((i) => {
      const ms = Date.parse(i.occurredAt);
      return (f.kind === undefined || i.kind === f.kind) && (tag === undefined || i.tags.some((t) => t.toLowerCase() === tag)) &&
        (f.salesPlanId === undefined || i.salesPlanId === f.salesPlanId) && (f.from === undefined || ms >= f.from) && (f.to === undefined || ms < f.to);
    })
    .sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt) || b.position - a.position);
};

/** Every tag in use with its count, most used first: for filter pickers. */
export const insightTags = (world: World): { tag: string; count: number }[] => {
  const counts = new Map<string, number>();
  for (const i of world.get(insightsProjection).insights) for (const t of i.tags) counts.set(t, (counts.get(t) ?? 0) + 1);
  return [...counts].map(([tag, count]) => ({ tag, count })).sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
};
