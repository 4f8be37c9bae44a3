// Rules for market research: an insight is recorded once; a linked plan must exist. Tags are
// kept as given but each only once (case-insensitively), so filtering by tag is predictable.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, notFound, type Problem } from '../shared/problem';
import { salesPlanStream } from '../plans/state';
import type { RecordMarketInsight } from './commands';
import type { InsightEvent } from './events';
import type { InsightState } from './state';

export const recordMarketInsight = (c: RecordMarketInsight, s: InsightState, ctx: DecideContext): E.Either<Problem, readonly NewEvent<InsightEvent>[]> => {
  if (s.status !== 'none') return E.left(conflict(`insight '${c.insightId}' is already recorded`));
  if (c.salesPlanId && ctx.state(salesPlanStream, c.salesPlanId).status === 'none') return E.left(notFound('sales plan', c.salesPlanId));
  const seen = new Set<string>();
  const tags = (c.tags ?? []).map((tag) => tag.trim()).filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
  const { insightId, kind, subject, summary, source, salesPlanId, impact } = c;
  return E.right([
    {
      type: 'MarketInsightRecorded',
      data: { insightId, kind, subject, summary, tags, ...(source ? { source } : {}), ...(salesPlanId ? { salesPlanId } : {}), ...(impact ? { impact } : {}) },
      occurredAt: c.occurredAt,
    },
  ]);
};
