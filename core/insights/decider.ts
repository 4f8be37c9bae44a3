// Market research: stream kind and command wiring. An insight for a team (named, or its plan's) is
// that team's manager's to record; one for no team and no team's plan is the company's, the admin's.
import { COMPANY, defineCommand, type StreamRef } from '../shared/command';
import { salesPlanStream } from '../plans/state';
import { teamStream } from '../teams/state';
import { RecordMarketInsight } from './commands';
import { recordMarketInsight } from './decide';
import { insightStream } from './state';

export { insightStream };

export const insightCommands = [
  defineCommand({
    type: 'RecordMarketInsight',
    summary: 'Record a market, competitor, customer-need or trend insight with tags, optionally linked to a sales plan.',
    codec: RecordMarketInsight,
    kind: insightStream,
    streamId: (c) => c.insightId,
    reads: (c) => [...(c.salesPlanId ? [[salesPlanStream, c.salesPlanId] as StreamRef] : []), ...(c.teamId ? [[teamStream, c.teamId] as StreamRef] : [])],
    decide: recordMarketInsight,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => {
      const plan = c.salesPlanId ? ctx.state(salesPlanStream, c.salesPlanId) : undefined;
      const planTeam = plan?.status === 'drafted' ? (plan.owner === 'company' ? COMPANY : plan.teamId) : undefined;
      // an unknown plan is left to decide (404); no team and no plan: the company's
      return { teams: [c.teamId ?? planTeam ?? (c.salesPlanId ? undefined : COMPANY), planTeam] };
    },
  }),
];
