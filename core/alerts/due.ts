// Which alerts are due at a moment: a pure question of the read side at `now`. Each figure comes
// from the read model that already computes it — pace from goalsAtRisk (the goal tracker's), overdue
// milestones from the plans, overdue action items from the reviews, the care calendar's tasks,
// appraisals still unacknowledged — so an alert says what the page says. The scheduler in the
// shell raises the ones not raised yet; each alert's id names the day or period it is about, so
// the same condition on the same day is the same alert.
import { careCalendarSteps, careProjection } from '../care/readModels/care';
import { careCustomersSteps } from '../care/readModels/careCustomers';
import { runSteps, type Steps } from '../fold/steps';
import type { World } from '../fold/world';
import { goalsAtRiskSteps, type GoalAtRisk, type GoalPolicy } from '../goals/readModels/goalProgress';
import { alertsProjection, type AlertRow } from './readModels/alerts';
import { pipelineProjection } from '../pipeline/readModels/pipeline';
import { dueMs, overdueMilestones, plansProjection } from '../plans/readModels/plans';
import { actionItems, reviewsProjection } from '../reviews/readModels/reviews';
import { scorecardsProjection } from '../scorecards/readModels/scorecards';
import { localInstant, periodBounds, periodOf, type PeriodKind } from '../shared/period';
import { directoryProjection, ownerNameOf, type Directory } from '../teams/readModels/directory';
import { alertIdOf, type AlertKind, type RaiseAlert, type SubjectType } from './commands';

const OPEN_PERIODS: readonly PeriodKind[] = ['year', 'quarter', 'month', 'week', 'day'];

const names = (dir: Directory) => ({
  rep: (repId: string | undefined | null) => (repId ? dir.reps.get(repId)?.name ?? repId : null),
  customer: (customerId: string) => dir.customers.get(customerId)?.name ?? customerId,
  owner: (owner: string) => ownerNameOf(dir, owner),
});

const alert = (kind: AlertKind, subject: { type: SubjectType; id: string }, about: string, owner: string, atMs: number, zone: string, details: RaiseAlert['details']): RaiseAlert => ({
  alertId: alertIdOf(kind, subject.id, about),
  kind,
  owner,
  subject,
  at: localInstant(atMs, zone),
  details,
});

const goalAlertKind = (pace: 'at-risk' | 'behind'): AlertKind => (pace === 'behind' ? 'goal-behind' : 'goal-at-risk');

/** The day a goal's pace alert is about: the day it last turned, else its period's first day (at risk or behind from the start). */
const goalAlertDay = (g: { readonly since: string | null; readonly period: string }, zone: string): string => g.since ?? periodOf('day', periodBounds(g.period, zone).start, zone);

/**
 * The alert about a goal's pace as it stands (at risk or behind since the day it last turned), if
 * it has been raised: what the goal tracker marks. A goal that recovered, or whose alert the
 * scheduler has not raised yet, has none.
 */
export const openGoalAlert = (world: World, g: Pick<GoalAtRisk, 'goalId' | 'period' | 'since'> & { readonly pace?: string | null }): AlertRow | undefined =>
  g.pace === 'at-risk' || g.pace === 'behind' ? world.get(alertsProjection).byId.get(alertIdOf(goalAlertKind(g.pace), g.goalId, goalAlertDay(g, world.settings.zone))) : undefined;

const repOwner = (repId: string | undefined | null, otherwise: string): string => (repId ? `rep:${repId}` : otherwise);

/**
 * Every alert due at `nowMs`, in a stable order (kind, then subject). Goals are those of the
 * periods open now (this year, quarter, month, week and day); the rest are whatever is overdue or
 * pending at `now`, and the care tasks falling due today.
 */
export const dueAlerts = (world: World, nowMs: number, policy: GoalPolicy): RaiseAlert[] => runSteps(dueAlertSteps(world, nowMs, policy));

/**
 * dueAlerts in steps (fold/steps.ts): it yields between the goals of each open period and inside
 * the care classification and calendar, so the scheduler can give the event loop a turn. Every
 * step reads `world` as it is then: the caller keeps it at one position for the whole run.
 */
export function* dueAlertSteps(world: World, nowMs: number, policy: GoalPolicy): Steps<RaiseAlert[]> {
  const zone = world.settings.zone;
  const dir = world.get(directoryProjection);
  const name = names(dir);
  const today = periodOf('day', nowMs, zone);
  const out: RaiseAlert[] = [];

  // goals at risk or behind now: the alert is about the day the goal last turned (its period's
  // first day when it has been so from the start), so a goal that recovers and slips again alerts again
  for (const kind of OPEN_PERIODS) {
    yield;
    for (const g of yield* goalsAtRiskSteps(world, { period: periodOf(kind, nowMs, zone) }, { at: nowMs, policy })) {
      const day = goalAlertDay(g, zone);
      out.push(alert(goalAlertKind(g.pace), { type: 'goal', id: g.goalId }, day, g.owner, periodBounds(day, zone).start, zone, {
        title: g.title, ownerName: name.owner(g.owner), metric: g.metric, period: g.period, target: g.target, actual: g.actual, expectedToDate: g.expectedToDate,
      }));
    }
  }
  yield;

  const plans = world.get(plansProjection).plans;
  for (const m of overdueMilestones(world, {}, nowMs)) {
    const plan = plans.get(m.salesPlanId)!;
    out.push(alert('milestone-overdue', { type: 'milestone', id: `${m.salesPlanId}/${m.milestoneId}` }, m.due.slice(0, 10), repOwner(m.ownerRepId, plan.owner), dueMs(m.due, zone), zone, {
      title: m.title, planTitle: plan.title, due: m.due, ownerName: m.ownerRepId ? name.rep(m.ownerRepId) : name.owner(plan.owner),
    }));
  }

  const reviews = world.get(reviewsProjection);
  for (const a of actionItems(reviews, nowMs, { status: 'overdue' })) {
    const row = reviews.actions.get(a.actionId)!;
    out.push(alert('action-item-overdue', { type: 'action-item', id: a.actionId }, a.due.slice(0, 10), repOwner(a.ownerRepId, a.teamId ? `team:${a.teamId}` : 'company'), row.dueMs, zone, {
      title: a.title, due: a.due, ownerName: a.ownerRepId ? name.rep(a.ownerRepId) : a.teamId ? name.owner(`team:${a.teamId}`) : null,
    }));
  }

  for (const d of world.get(pipelineProjection).deals.values()) {
    if (d.status !== 'open') continue;
    const passed = dueMs(d.expectedCloseAt, zone);
    if (nowMs < passed) continue;
    out.push(alert('deal-overdue', { type: 'deal', id: d.dealId }, d.expectedCloseAt.slice(0, 10), `rep:${d.repId}`, passed, zone, {
      title: d.title ?? null, customerName: name.customer(d.customerId), ownerName: name.rep(d.repId), amount: d.amount, stage: d.stage, expectedCloseAt: d.expectedCloseAt,
    }));
  }

  yield;
  const customers = yield* careCustomersSteps(world, nowMs);
  const tasks = (yield* careCalendarSteps(world.get(careProjection), customers, today, today, nowMs)).filter((t) => t.due === today);
  yield;
  for (const t of tasks)
    out.push(alert('care-due', { type: 'customer', id: `${t.customerId}/${t.contactName === null ? t.kind : 'contact-birthday'}` }, today, `rep:${t.ownerRepId}`, periodBounds(today, zone).start, zone, {
      task: t.kind, customerName: name.customer(t.customerId), ownerName: name.rep(t.ownerRepId), tier: t.tier, due: t.due, reason: t.reason, ...(t.contactName === null ? {} : { contactName: t.contactName }),
    }));

  for (const a of world.get(scorecardsProjection).appraisals.values()) {
    if (a.acknowledged || Date.parse(a.recordedAt) > nowMs) continue;
    out.push(alert('appraisal-pending', { type: 'appraisal', id: a.appraisalId }, a.period, `rep:${a.repId}`, Date.parse(a.recordedAt), zone, {
      ownerName: name.rep(a.repId), period: a.period, rating: a.rating, score: String(a.frozen.score),
    }));
  }
  return out;
}
