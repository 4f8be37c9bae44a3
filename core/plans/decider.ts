// Sales plans: stream kind and command wiring. Managers plan for their own team (a company plan
// is the admin's); a plan's later commands are scoped by the owner it was drafted for.
import { COMPANY, defineCommand, type Scope, type StreamRef } from '../shared/command';
import type { DecideContext } from '../shared/decider';
import { GOAL_FACTS } from '../goals/decider';
import { goalStream, ownerParts } from '../goals/state';
import { repStream, repTeamsScope, teamStream } from '../teams/state';
import { campaignStream } from '../campaigns/state';
import { AddContingency, AddMilestone, AllocateBudget, AssignResource, CompleteMilestone, DraftSalesPlan, RecordExpense } from './commands';
import { addContingency, addMilestone, allocateBudget, assignResource, completeMilestone, draftSalesPlan, recordExpense, type PlanFacts } from './decide';
import { salesPlanStream, type SalesPlanState } from './state';

export { salesPlanStream };

const ROLES = ['admin', 'manager'] as const;

const planScope = (s: SalesPlanState): Scope => (s.status === 'drafted' ? { teams: [s.owner === COMPANY ? COMPANY : s.teamId] } : {});

/** The plan's scope and the team of the rep a command puts on it (a resource, a milestone's owner). */
const planWithRepScope = (c: { salesPlanId: string }, repId: string | undefined, ctx: DecideContext): Scope => ({
  teams: [...(planScope(ctx.state(salesPlanStream, c.salesPlanId)).teams ?? []), ...(repTeamsScope(ctx, repId ? [repId] : []).teams ?? [])],
});

/** What every command on an existing plan shares: its stream, roles and scope. */
const onPlan = {
  kind: salesPlanStream,
  streamId: (c: { salesPlanId: string }) => c.salesPlanId,
  roles: ROLES,
  scope: (c: { salesPlanId: string }, ctx: DecideContext) => planScope(ctx.state(salesPlanStream, c.salesPlanId)),
};

export const salesPlanCommands = [
  defineCommand({
    type: 'DraftSalesPlan',
    summary: 'Draft a sales plan for an owner and period: strategy text and the goals it serves.',
    codec: DraftSalesPlan,
    kind: salesPlanStream,
    streamId: (c) => c.salesPlanId,
    reads: (c) => {
      const [kind, id] = ownerParts(c.owner);
      const owner: StreamRef[] = kind === 'team' ? [[teamStream, id]] : kind === 'rep' ? [[repStream, id]] : [];
      return [...owner, ...(c.goalIds ?? []).map((g): StreamRef => [goalStream, g])];
    },
    facts: (c, src, streams): PlanFacts => ({
      knownGoals: (c.goalIds ?? []).filter((g) => streams.state(goalStream, g).status === 'set' || src.query(GOAL_FACTS.record, { goalId: g }) !== null),
    }),
    decide: draftSalesPlan,
    roles: ROLES,
    scope: (c, ctx) => {
      const [kind, id] = ownerParts(c.owner);
      if (kind === 'company') return { teams: [COMPANY] };
      if (kind === 'team') return { teams: [id] };
      const rep = ctx.state(repStream, id);
      return { teams: [rep.status === 'active' ? rep.teamId : undefined] };
    },
  }),
  defineCommand({ ...onPlan, type: 'AllocateBudget', summary: "Set a budget category's allocation on a plan (the previous amount is kept in the event).", codec: AllocateBudget, decide: (c, s) => allocateBudget(c, s) }),
  defineCommand({ ...onPlan, type: 'RecordExpense', summary: "Record an expense against a plan category, dated in the plan's period; over-budget categories are flagged.", codec: RecordExpense, reads: (c) => (c.campaignId ? [[campaignStream, c.campaignId]] : []), decide: recordExpense }),
  defineCommand({ ...onPlan, type: 'AssignResource', summary: 'Assign a resource (people, tool, channel, other) to a plan, with its cost.', codec: AssignResource, reads: (c) => (c.repId ? [[repStream, c.repId]] : []), decide: assignResource, scope: (c, ctx) => planWithRepScope(c, c.repId, ctx) }),
  defineCommand({ ...onPlan, type: 'AddMilestone', summary: 'Add a milestone with a due date and an owner; overdue ones are flagged at `at`.', codec: AddMilestone, reads: (c) => (c.ownerRepId ? [[repStream, c.ownerRepId]] : []), decide: addMilestone, scope: (c, ctx) => planWithRepScope(c, c.ownerRepId, ctx) }),
  defineCommand({ ...onPlan, type: 'CompleteMilestone', summary: 'Mark a milestone done at a business time.', codec: CompleteMilestone, decide: (c, s) => completeMilestone(c, s) }),
  defineCommand({ ...onPlan, type: 'AddContingency', summary: 'Add a contingency measure: the trigger to watch and the response.', codec: AddContingency, decide: (c, s) => addContingency(c, s) }),
];
