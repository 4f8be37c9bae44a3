// Market research: stream kind and command wiring. An insight linked to a plan is scoped to the
// plan's team; an unlinked one any manager may record.
import { defineCommand } from '../shared/command';
import { salesPlanStream } from '../plans/state';
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
    reads: (c) => (c.salesPlanId ? [[salesPlanStream, c.salesPlanId]] : []),
    decide: recordMarketInsight,
    roles: ['admin', 'manager'],
    scope: (c, ctx) => {
      const plan = c.salesPlanId ? ctx.state(salesPlanStream, c.salesPlanId) : undefined;
      return plan?.status === 'drafted' ? { teams: [plan.owner === 'company' ? 'company' : plan.teamId] } : {};
    },
  }),
];
