// Rules for market research: an insight is recorded once; a linked plan and a named team must exist,
// and an insight linked to a team's plan is that team's (it names no other). Tags are
// kept as given but each only once (case-insensitively), so filtering by tag is predictable.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, notFound, ruleBroken, type Problem } from '../shared/problem';
import { salesPlanStream } from '../plans/state';
import { teamStream } from '../teams/state';
import type { RecordMarketInsight } from './commands';
import type { InsightEvent } from './events';
import type { InsightState } from './state';

export const recordMarketInsight = (c: RecordMarketInsight, s: InsightState, ctx: DecideContext): E.Either<Problem, readonly NewEvent<InsightEvent>[]> => {
  if (s.status !== 'none') return E.left(conflict(`insight '${c.insightId}' is already recorded`));
  const plan = c.salesPlanId ? ctx.state(salesPlanStream, c.salesPlanId) : undefined;
  if (c.salesPlanId && plan?.status !== 'drafted') return E.left(notFound('sales plan', c.salesPlanId));
  if (c.teamId && ctx.state(teamStream, c.teamId).status === 'none') return E.left(notFound('team', c.teamId));
  const planTeam = plan?.status === 'drafted' ? plan.teamId : undefined;
  if (c.teamId && planTeam && c.teamId !== planTeam)
    return E.left(ruleBroken('insight-team-is-plan-team', `plan '${c.salesPlanId}' belongs to team '${planTeam}', so an insight linked to it is for that team, not for '${c.teamId}'`));
  const teamId = c.teamId ?? planTeam;
  const seen = new Set<string>();
  const tags = (c.tags ?? []).map((tag) => tag.trim()).filter((tag) => !seen.has(tag.toLowerCase()) && seen.add(tag.toLowerCase()));
  const { insightId, kind, subject, summary, source, salesPlanId, impact, marketSize } = c;
  return E.right([
    {
      type: 'MarketInsightRecorded',
      data: { insightId, kind, subject, summary, tags, ...(source ? { source } : {}), ...(salesPlanId ? { salesPlanId } : {}), ...(teamId ? { teamId } : {}), ...(impact ? { impact } : {}), ...(marketSize ? { marketSize } : {}) },
      occurredAt: c.occurredAt,
    },
  ]);
};
