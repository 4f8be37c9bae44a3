// What changed between two recorded moments for a period: the events recorded in between that
// touch it — late sales, refunds, goal revisions, plan versions, classification policies — each
// with its effect on the KPIs, customers whose tier moved, and the KPIs at both moments. Pure:
// the shell gives the two Worlds and the events between their positions.
import type { SaleRecordedData, SaleRefundedData } from '../sales/events';
import { recorded, type RecordedEvent } from '../events';
import type { StoredEvent } from '../shared/envelope';
import { periodBounds, toMillis } from '../shared/period';
import { classifyAt, customersProjection } from '../customers/readModels/customers';
import { directoryProjection } from '../teams/readModels/directory';
import { goalsOf } from '../goals/readModels/goals';
import { plansProjection } from '../plans/readModels/plans';
import { tierCauses, type TierCause } from '../customers/readModels/tierCauses';
import { dayId, localDay, METRICS, metricValue, salesLedgerProjection, type Metric } from '../ledger/salesLedger';
import type { World } from '../fold/world';

export interface CompareRequest {
  readonly period: string;
  readonly teamId?: string;
  readonly fromAsOf: string;
  readonly toAsOf: string;
}

export interface Effect {
  readonly revenue: number;
  readonly units: number;
  readonly orders: number;
}

export interface EventRef {
  readonly position: number;
  readonly type: string;
  readonly stream: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly data: unknown;
}

export interface ChangeItem {
  readonly kind: string;
  /** a sale's or refund's order, customer and the credited reps (of the team compared): whose change it is */
  readonly orderId?: string;
  readonly customerId?: string;
  readonly repIds?: readonly string[];
  readonly summary: string;
  /** the change to the owner's revenue, units and orders of the period (sales and refunds) */
  readonly effect: Effect | null;
  /** what else it changed: a goal's target, a plan's budget… */
  readonly detail?: Readonly<Record<string, unknown>>;
  readonly events: EventRef[];
}

/**
 * One kind of change: which events of the gap it claims for the period. Areas add theirs to
 * CHANGE_KINDS (goal revisions, plan versions…) and the comparison lists them under `key`.
 */
export interface ChangeKind {
  readonly key: string;
  readonly item: (e: RecordedEvent, q: ChangeQuery) => ChangeItem | undefined;
}

export interface ChangeQuery {
  readonly start: number;
  readonly end: number;
  readonly teamId?: string;
  readonly zone: string;
  /** the later World, to look up what an event refers to (a revised goal's period) */
  readonly to: World;
  /** is an owner (`company`, `team:ID`, `rep:ID`) part of the comparison? */
  readonly covers: (owner: string) => boolean;
}

const refOf = (e: RecordedEvent): EventRef => ({ position: e.position, type: e.type, stream: e.stream, occurredAt: e.occurredAt, recordedAt: e.recordedAt, actor: e.meta.actor, data: e.data });

const inPeriod = (e: RecordedEvent, q: ChangeQuery) => {
  const ms = toMillis(e.occurredAt);
  return ms >= q.start && ms < q.end;
};

/** The credits a team's figures hold (all of them for the company); undefined when none is the team's. */
const creditsOf = <C extends { teamId: string }>(credits: readonly C[], teamId?: string): readonly C[] | undefined => {
  const mine = teamId ? credits.filter((c) => c.teamId === teamId) : credits;
  return mine.length > 0 ? mine : undefined;
};

const sum = <C>(xs: readonly C[], f: (c: C) => number) => xs.reduce((a, c) => a + f(c), 0);

/** A sale or refund recorded in the gap whose business time falls in the period, with its effect on the owner. */
const salesChange = <D extends { orderId: string; customerId: string; credits: readonly { repId: string; teamId: string }[] }>(key: string, dataOf: (e: RecordedEvent) => D | undefined, kind: string, effectOf: (d: D, credits: readonly D['credits'][number][]) => Effect, summaryOf: (d: D, e: RecordedEvent) => string): ChangeKind => ({
  key,
  item: (e, q) => {
    const d = dataOf(e);
    if (d === undefined || !inPeriod(e, q)) return undefined;
    const credits = creditsOf(d.credits, q.teamId);
    return credits && { kind, orderId: d.orderId, customerId: d.customerId, repIds: credits.map((c) => c.repId), summary: summaryOf(d, e), effect: effectOf(d, credits), events: [refOf(e)] };
  },
});

// a sale is one order for the company and for a team, whatever its split
export const lateSales = salesChange<SaleRecordedData>('lateSales', (e) => (e.type === 'SaleRecorded' ? e.data : undefined), 'late-sale', (_d, cs) => ({ revenue: sum(cs, (c) => c.amount), units: sum(cs, (c) => c.units), orders: 1 }),
  (d, e) => `order ${d.orderId} for ${d.customerId}, sold ${e.occurredAt}, recorded ${e.recordedAt}`);

// a refund lowers revenue in the period it occurred in and changes no units or orders
export const refunds = salesChange<SaleRefundedData>('refunds', (e) => (e.type === 'SaleRefunded' ? e.data : undefined), 'refund', (_d, cs) => ({ revenue: -sum(cs, (c) => c.amount), units: 0, orders: 0 }),
  (d) => `refund of ${d.amount} on order ${d.orderId}: ${d.reason}`);

const overlaps = (period: string, q: ChangeQuery) => {
  const b = periodBounds(period, q.zone);
  return b.start < q.end && b.end > q.start;
};

const goalChange = (e: RecordedEvent, q: ChangeQuery): ChangeItem | undefined => {
  const goals = goalsOf(q.to).goals;
  switch (e.type) {
    case 'GoalSet': {
      const d = e.data;
      return overlaps(d.period, q) && q.covers(d.owner) ? { kind: 'goal-set', summary: `goal ${d.goalId} set for ${d.owner}: ${d.metric} ${d.target} in ${d.period}`, effect: null, detail: { goalId: d.goalId, target: { from: null, to: d.target } }, events: [refOf(e)] } : undefined;
    }
    case 'GoalRevised': {
      const d = e.data;
      const g = goals.get(d.goalId);
      return g && overlaps(g.period, q) && q.covers(g.owner)
        ? { kind: 'goal-revised', summary: `goal ${d.goalId} (${g.owner}, ${g.period}) revised from ${d.from} to ${d.to}: ${d.reason}`, effect: null, detail: { goalId: d.goalId, target: { from: d.from, to: d.to } }, events: [refOf(e)] }
        : undefined;
    }
    case 'GoalDecomposed':
    case 'GoalCascaded': {
      const d = e.data;
      const children = d.children.map((c) => goals.get(c.goalId)).filter((g) => g !== undefined && overlaps(g.period, q) && q.covers(g.owner));
      return children.length > 0
        ? { kind: 'goal-broken-down', summary: `goal ${d.goalId} broken down into ${children.length} goal(s) touching the period`, effect: null, detail: { goalId: d.goalId, children: children.map((g) => ({ goalId: g!.goalId, owner: g!.owner, period: g!.period, target: g!.target })) }, events: [refOf(e)] }
        : undefined;
    }
  }
  return undefined;
};

export const goalRevisions: ChangeKind = { key: 'goalRevisions', item: goalChange };

/** The last day of the period, as a date, for comparing with a plan's effectiveFrom. */
const lastDate = (q: ChangeQuery) => dayId(localDay(q.end - 1, q.zone));

export const planVersions: ChangeKind = {
  key: 'planVersions',
  item: (e, q) => {
    if (e.type === 'IncentivePlanPublished') {
      const d = e.data;
      const from = d.effectiveFrom.slice(0, 10);
      const inForce = from <= lastDate(q) && (!d.effectiveTo || periodBounds(d.effectiveTo.slice(0, 10), q.zone).end > q.start);
      const applies = !q.teamId || !d.appliesTo || (!d.appliesTo.teams?.length && !d.appliesTo.reps?.length) || !!d.appliesTo.teams?.includes(q.teamId) || !!d.appliesTo.reps?.some((r) => q.covers(`rep:${r}`));
      return inForce && applies
        ? { kind: 'incentive-plan-version', summary: `incentive plan ${d.planId} version ${d.version} (${d.name}) in force from ${d.effectiveFrom}`, effect: null, detail: { planId: d.planId, version: d.version, effectiveFrom: d.effectiveFrom }, events: [refOf(e)] }
        : undefined;
    }
    switch (e.type) {
      case 'SalesPlanDrafted':
      case 'BudgetAllocated':
      case 'ExpenseRecorded':
      case 'ResourceAssigned':
      case 'MilestoneAdded':
      case 'MilestoneCompleted':
      case 'ContingencyAdded': {
        const d: { salesPlanId: string; amount?: number; category?: string } = e.data;
        const plan = q.to.get(plansProjection).plans.get(d.salesPlanId);
        return plan && overlaps(plan.period, q) && q.covers(plan.owner)
          ? { kind: 'sales-plan-change', summary: `sales plan ${d.salesPlanId}: ${e.type}${d.category ? ` (${d.category}${d.amount !== undefined ? ` ${d.amount}` : ''})` : ''}`, effect: null, detail: { salesPlanId: d.salesPlanId }, events: [refOf(e)] }
          : undefined;
      }
    }
    return undefined;
  },
};

export const policyChanges: ChangeKind = {
  key: 'classificationPolicies',
  item: (e) => (e.type === 'ClassificationPolicySet' ? { kind: 'classification-policy', summary: 'customer classification policy changed', effect: null, events: [refOf(e)] } : undefined),
};

export const CHANGE_KINDS: ChangeKind[] = [lateSales, refunds, goalRevisions, planVersions, policyChanges];

const kpisAt = (w: World, owner: string, period: string) => new Map(METRICS.map((m) => [m, metricValue(w.get(salesLedgerProjection), owner, m, period)]));

/**
 * Customers whose tier at the period's end differs between the two moments, each with the causes
 * of the move (tierCauses.ts: what changed its place in the ranking) and the events behind them.
 */
const reclassified = (from: World, to: World, end: number, events: readonly RecordedEvent[], teamId?: string) => {
  const then = { customers: from.get(customersProjection), ledger: from.get(salesLedgerProjection) };
  const now = { customers: to.get(customersProjection), ledger: to.get(salesLedgerProjection) };
  const before = classifyAt(then.customers, then.ledger, end).tiers;
  const after = classifyAt(now.customers, now.ledger, end).tiers;
  const causesOf = tierCauses(then, now, end);
  const directory = to.get(directoryProjection);
  const team = teamId ? new Set([...directory.reps.values()].filter((r) => r.teamId === teamId).map((r) => r.repId)) : undefined;
  const eventsOf = (cause: TierCause) =>
    events.filter((e) => (cause.kind === 'classification-policy' ? e.type === 'ClassificationPolicySet' : 'customerId' in e.data && cause.customers.includes(e.data.customerId))).map(refOf);
  const out = [];
  for (const [customerId, t] of after) {
    const was = before.get(customerId)?.tier ?? 'potential';
    if (t.tier === was) continue;
    const info = directory.customers.get(customerId);
    if (team && !(info && team.has(info.ownerRepId))) continue;
    const causes = causesOf(customerId).map((cause) => {
      const { customers: _, ...shown } = cause;
      return { ...shown, events: eventsOf(cause) };
    });
    const positions = new Set(causes.flatMap((c) => c.events.map((e) => e.position)));
    out.push({ customerId, name: info?.name ?? customerId, from: was, to: t.tier, reason: t.reason, causes, events: events.filter((e) => positions.has(e.position)).map(refOf) });
  }
  return out.sort((a, b) => (a.customerId < b.customerId ? -1 : 1));
};

export const compareKnowledge = (from: World, to: World, between: readonly StoredEvent[], req: CompareRequest) => {
  const zone = to.settings.zone;
  const b = periodBounds(req.period, zone);
  const teamReps = new Set([...to.get(directoryProjection).reps.values()].filter((r) => r.teamId === req.teamId).map((r) => r.repId));
  const covers = (o: string) => !req.teamId || o === `team:${req.teamId}` || (o.startsWith('rep:') && teamReps.has(o.slice(4)));
  const q: ChangeQuery = { start: b.start, end: b.end, teamId: req.teamId, zone, to, covers };
  const owner = req.teamId ? `team:${req.teamId}` : 'company';
  const events = between.map(recorded);
  const changes: Record<string, ChangeItem[]> = {};
  const claimed = new Set<number>();
  for (const kind of CHANGE_KINDS) {
    changes[kind.key] = [];
    for (const e of events) {
      const item = kind.item(e, q);
      if (item) changes[kind.key].push(item), claimed.add(e.position);
    }
  }
  const [k0, k1] = [kpisAt(from, owner, req.period), kpisAt(to, owner, req.period)];
  const kpis = METRICS.map((metric: Metric) => ({ metric, from: k0.get(metric)!, to: k1.get(metric)!, delta: k1.get(metric)! - k0.get(metric)! }));
  const effects = Object.values(changes).flatMap((items) => items.flatMap((i) => (i.effect ? [i.effect] : [])));
  const explained: Effect = {
    revenue: effects.reduce((a, e) => a + e.revenue, 0),
    units: effects.reduce((a, e) => a + e.units, 0),
    orders: effects.reduce((a, e) => a + e.orders, 0),
  };
  return {
    period: req.period,
    team: req.teamId ?? null,
    from: { asOf: req.fromAsOf, position: from.position },
    to: { asOf: req.toAsOf, position: to.position },
    kpis,
    ...changes,
    reclassifiedCustomers: reclassified(from, to, b.end, events, req.teamId),
    /** the effects listed above add up to this; it equals the KPI deltas of revenue, units and orders */
    explained,
    eventsBetween: events.length,
    unrelatedEvents: events.length - claimed.size,
  };
};
