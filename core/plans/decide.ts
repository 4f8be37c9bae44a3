// Rules for sales plans: ids are unique within a plan, a milestone is completed once, linked
// goals and named reps must exist, an expense falls in the plan's period. An expense may fall in a
// category with no budget: the plan then shows it as unbudgeted and over budget rather than
// refusing what was really spent.
import * as E from 'fp-ts/Either';
import type { DecideContext, NewEvent } from '../shared/decider';
import { conflict, notFound, ruleBroken, type Problem } from '../shared/problem';
import { ownerParts } from '../goals/state';
import { inPeriod, parsePeriod } from '../shared/period';
import { repHasLeft, repStream, teamStream } from '../teams/state';
import { campaignStream } from '../campaigns/state';
import type { AddContingency, AddMilestone, AllocateBudget, AssignResource, CompleteMilestone, DraftSalesPlan, RecordExpense } from './commands';
import type { SalesPlanEvent } from './events';
import type { SalesPlanState } from './state';

type Decision = E.Either<Problem, readonly NewEvent<SalesPlanEvent>[]>;
type Drafted = Extract<SalesPlanState, { status: 'drafted' }>;

/** Facts for DraftSalesPlan: which linked goals exist (from their streams or the goals read model). */
export type PlanFacts = { readonly knownGoals?: readonly string[] };

const one = (e: NewEvent<SalesPlanEvent>): Decision => E.right([e]);

const drafted = (s: SalesPlanState, id: string): E.Either<Problem, Drafted> => (s.status === 'drafted' ? E.right(s) : E.left(notFound('sales plan', id)));

export const draftSalesPlan = (c: DraftSalesPlan, s: SalesPlanState, ctx: DecideContext<PlanFacts>): Decision => {
  if (s.status !== 'none') return E.left(conflict(`sales plan '${c.salesPlanId}' already exists`));
  const [kind, id] = ownerParts(c.owner);
  let teamId: string | undefined;
  if (kind === 'team') {
    if (ctx.state(teamStream, id).status === 'none') return E.left(notFound('team', id));
    teamId = id;
  } else if (kind === 'rep') {
    const rep = ctx.state(repStream, id);
    if (rep.status === 'none') return E.left(notFound('rep', id));
    teamId = rep.teamId;
  }
  const known = new Set(ctx.facts.knownGoals ?? []);
  const missing = (c.goalIds ?? []).find((g) => !known.has(g));
  if (missing) return E.left(notFound('goal', missing));
  const { salesPlanId, title, period, owner, strategy } = c;
  return one({ type: 'SalesPlanDrafted', data: { salesPlanId, title, period, owner, strategy, goalIds: [...new Set(c.goalIds ?? [])], ...(teamId ? { teamId } : {}) } });
};

export const allocateBudget = (c: AllocateBudget, s: SalesPlanState): Decision =>
  E.flatMap(drafted(s, c.salesPlanId), (p) =>
    one({ type: 'BudgetAllocated', data: { salesPlanId: c.salesPlanId, category: c.category, amount: c.amount, previous: p.budgets.get(c.category) ?? 0, ...(c.note ? { note: c.note } : {}) } }),
  );

/**
 * An expense is spending of the plan's period: one dated outside it would be listed against the
 * plan yet belong to another period's spend, so it is refused (the shell passes the zone).
 */
const outsidePeriod = (c: RecordExpense, p: Drafted, ctx: DecideContext): Problem | undefined => {
  if (!ctx.time || !parsePeriod(p.period) || inPeriod(p.period, c.occurredAt, ctx.time.zone)) return undefined;
  const detail = `occurredAt ${c.occurredAt} is outside the plan's period ${p.period}: record the expense on a plan of the period it was spent in`;
  return { ...ruleBroken('expense-outside-plan-period', detail), errors: [{ path: 'data.occurredAt', message: detail }] };
};

/** An expense names a campaign only once it is started: spend on no campaign would count toward none. */
const unknownCampaign = (c: RecordExpense, ctx: DecideContext): Problem | undefined => {
  if (c.campaignId === undefined || ctx.state(campaignStream, c.campaignId).status === 'started') return undefined;
  const detail = `campaign '${c.campaignId}' has not been started: start it (StartCampaign) before recording what it spent`;
  return { ...ruleBroken('campaign-not-started', detail), errors: [{ path: 'data.campaignId', message: detail }] };
};

export const recordExpense = (c: RecordExpense, s: SalesPlanState, ctx: DecideContext): Decision =>
  E.flatMap(drafted(s, c.salesPlanId), (p) => {
    if (p.expenses.has(c.expenseId)) return E.left(conflict(`expense '${c.expenseId}' is already recorded on plan '${c.salesPlanId}'`));
    const outside = outsidePeriod(c, p, ctx) ?? unknownCampaign(c, ctx);
    if (outside) return E.left(outside);
    const { salesPlanId, expenseId, category, amount, description, campaignId } = c;
    return one({ type: 'ExpenseRecorded', data: { salesPlanId, expenseId, category, amount, ...(description ? { description } : {}), ...(campaignId ? { campaignId } : {}) }, occurredAt: c.occurredAt });
  });

/** A rep given work on a plan must exist and still be here. */
const repGoneOrLeft = (repId: string, path: string, ctx: DecideContext): Problem | undefined => {
  const rep = ctx.state(repStream, repId);
  return rep.status === 'none' ? notFound('rep', repId) : repHasLeft(rep, path);
};

export const assignResource = (c: AssignResource, s: SalesPlanState, ctx: DecideContext): Decision =>
  E.flatMap(drafted(s, c.salesPlanId), (p) => {
    if (p.resources.has(c.resourceId)) return E.left(conflict(`resource '${c.resourceId}' is already on plan '${c.salesPlanId}'`));
    const gone = c.repId ? repGoneOrLeft(c.repId, 'repId', ctx) : undefined;
    if (gone) return E.left(gone);
    const { salesPlanId, resourceId, kind, description, cost, repId } = c;
    return one({ type: 'ResourceAssigned', data: { salesPlanId, resourceId, kind, description, ...(cost !== undefined ? { cost } : {}), ...(repId ? { repId } : {}) } });
  });

export const addMilestone = (c: AddMilestone, s: SalesPlanState, ctx: DecideContext): Decision =>
  E.flatMap(drafted(s, c.salesPlanId), (p) => {
    if (p.milestones.has(c.milestoneId)) return E.left(conflict(`milestone '${c.milestoneId}' is already on plan '${c.salesPlanId}'`));
    const gone = c.ownerRepId ? repGoneOrLeft(c.ownerRepId, 'ownerRepId', ctx) : undefined;
    if (gone) return E.left(gone);
    const { salesPlanId, milestoneId, title, due, ownerRepId } = c;
    return one({ type: 'MilestoneAdded', data: { salesPlanId, milestoneId, title, due, ...(ownerRepId ? { ownerRepId } : {}) } });
  });

export const completeMilestone = (c: CompleteMilestone, s: SalesPlanState): Decision =>
  E.flatMap(drafted(s, c.salesPlanId), (p) => {
    const done = p.milestones.get(c.milestoneId);
    if (done === undefined) return E.left(notFound('milestone', c.milestoneId));
    if (done) return E.left(ruleBroken('milestone-already-completed', `milestone '${c.milestoneId}' is already completed`));
    return one({ type: 'MilestoneCompleted', data: { salesPlanId: c.salesPlanId, milestoneId: c.milestoneId, ...(c.note ? { note: c.note } : {}) }, occurredAt: c.occurredAt });
  });

export const addContingency = (c: AddContingency, s: SalesPlanState): Decision =>
  E.flatMap(drafted(s, c.salesPlanId), (p) =>
    p.contingencies.has(c.contingencyId)
      ? E.left(conflict(`contingency '${c.contingencyId}' is already on plan '${c.salesPlanId}'`))
      : one({ type: 'ContingencyAdded', data: { salesPlanId: c.salesPlanId, contingencyId: c.contingencyId, trigger: c.trigger, response: c.response, ...(c.amount !== undefined ? { amount: c.amount } : {}) } }),
  );
