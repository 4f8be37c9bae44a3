// Payout statements, assembled from read models at one World: the plan version in force (the
// highest version whose effectiveFrom is on or before the period's start, that applies to the
// rep), the quota, the rep's credits in the sales ledger, and approvals. An approved statement is
// shown exactly as approved; whatever changed an approved period since — a late sale, a refund,
// a retroactive plan version — is the difference between that period recomputed now and what was
// paid for it, shown as one adjustment line on the next open period. Upheld disputes likewise.
import type Decimal from 'decimal.js';
import { refundRole, valueIn, type RefundRole } from '../calculate/achieved';
import { drawLines } from '../calculate/draw';
import { ruled } from '../calculate/describe';
import { ownLines, type OwnLines, type QuotaFact } from '../calculate/statement';
import { OWN_KINDS, sumAmounts, type CreditEntry, type OrderFacts, type StatementBody, type StatementLine } from '../calculate/types';
import type { IncentivePlan } from '../events';
import { parsePeriod, periodBounds, periodKind, periodOf, shiftPeriod } from '../../shared/period';
import { notFound, ruleBroken, type Problem } from '../../shared/problem';
import { directoryProjection, type Directory } from '../../teams/readModels/directory';
import { disputesOfRep, disputesProjection, type DisputesState } from './disputes';
import { memoized } from '../../fold/memo';
import { approvalOf, DISPUTE_PREFIX, LATE_PREFIX, payoutsProjection, type Approval, type PayoutsState, type PlanVersion } from './payouts';
import { quotaOf } from '../../goals/readModels/goalLink';
import { entriesBetween, entriesIn, orderOf, salesLedgerProjection, type LedgerEntry, type SalesLedger } from '../../ledger/salesLedger';
import type { World } from '../../fold/world';

export type Shown =
  | { readonly ok: true; readonly body: StatementBody; readonly teamId: string; readonly approval?: Approval }
  | { readonly ok: false; readonly problem: Problem };

/** A plan to try in place of the one in force, for the simulation (not in the log: position 0). */
export interface Draft {
  readonly plan: IncentivePlan;
  readonly period: string;
  readonly repIds: ReadonlySet<string>;
}

interface Fresh {
  readonly version: PlanVersion | null;
  /** a plan that applies but pays by another kind of period */
  readonly otherKind?: PlanVersion;
  readonly quota: QuotaFact | null;
  readonly own: OwnLines | null;
  readonly achieved: number;
  readonly warnings: readonly string[];
}

const PLAN_KINDS = ['month', 'quarter', 'year'] as const;
const STATEMENT_KINDS: ReadonlySet<string> = new Set(PLAN_KINDS);
const MAX_WALK = 240;

/** `YYYY-MM-DD` of the first day of a month, quarter or year (zone-free: period ids are local calendar periods). */
export const firstDayOf = (periodId: string): string => {
  const p = parsePeriod(periodId)!;
  const month = p.kind === 'year' ? 1 : p.kind === 'quarter' ? (p.index - 1) * 3 + 1 : p.index;
  return `${p.year}-${String(month).padStart(2, '0')}-${String(p.day ?? 1).padStart(2, '0')}`;
};

/** How specifically a plan names the rep: 3 by rep, 2 by team, 1 everyone, 0 not at all. */
const specificity = (plan: IncentivePlan, repId: string, teamId: string | undefined): number => {
  const a = plan.appliesTo;
  if (!a || (a.reps === undefined && a.teams === undefined)) return 1;
  if (a.reps?.includes(repId)) return 3;
  if (teamId !== undefined && a.teams?.includes(teamId)) return 2;
  return 0;
};

const toCredit = (e: LedgerEntry): CreditEntry => ({ position: e.position, kind: e.kind, orderId: e.orderId, ms: e.ms, amount: e.amount, units: e.units });

/** One World's statements, each computed once per book (a request, a bench run). */
export class StatementBook {
  private readonly ledger: SalesLedger;
  private readonly payouts: PayoutsState;
  private readonly directory: Directory;
  private readonly disputes: DisputesState;
  private readonly freshMemo = new Map<string, Fresh>();
  private readonly shownMemo = new Map<string, Shown>();
  private readonly salesMemo = new Map<string, Map<string, CreditEntry>>();

  constructor(
    private readonly world: World,
    private readonly draft?: Draft,
  ) {
    this.ledger = world.get(salesLedgerProjection);
    this.payouts = world.get(payoutsProjection);
    this.directory = world.get(directoryProjection);
    this.disputes = world.get(disputesProjection);
  }

  get zone(): string {
    return this.world.settings.zone;
  }

  /** The plan version in force for a rep in a period: per plan the highest version effective by the period's first day, the most specific plan winning. */
  planFor(repId: string, teamId: string | undefined, period: string): { version: PlanVersion | null; otherKind?: PlanVersion } {
    const kind = periodKind(period);
    if (this.draft && this.draft.period === period && this.draft.repIds.has(repId)) return { version: { plan: this.draft.plan, position: 0 } };
    const day = firstDayOf(period);
    let best: { v: PlanVersion; rank: number } | undefined;
    let other: PlanVersion | undefined;
    for (const [planId, versions] of this.payouts.plans) {
      let v: PlanVersion | undefined;
      for (let i = versions.length - 1; i >= 0 && !v; i--) if (versions[i].plan.effectiveFrom <= day) v = versions[i];
      if (!v || (v.plan.effectiveTo !== undefined && v.plan.effectiveTo < day)) continue;
      const rank = specificity(v.plan, repId, teamId);
      if (rank === 0) continue;
      if (v.plan.period !== kind) {
        other ??= v;
        continue;
      }
      if (!best || rank > best.rank || (rank === best.rank && planId < best.v.plan.planId)) best = { v, rank };
    }
    return { version: best?.v ?? null, ...(other ? { otherKind: other } : {}) };
  }

  /** The rep's own lines for a period as the log stands now, approvals aside. */
  fresh(repId: string, period: string): Fresh {
    const key = `${repId}|${period}`;
    const hit = this.freshMemo.get(key);
    if (hit) return hit;
    const teamId = this.directory.reps.get(repId)?.teamId;
    const { version, otherKind } = this.planFor(repId, teamId, period);
    const entries = entriesIn(this.ledger, `rep:${repId}`, period).map(toCredit);
    let out: Fresh;
    if (!version) out = { version: null, ...(otherKind ? { otherKind } : {}), quota: null, own: null, achieved: entries.reduce((a, e) => a + e.amount, 0), warnings: [] };
    else {
      const plan = version.plan;
      const { quota, warning } = quotaOf(this.world, plan, repId, period);
      const own = ownLines({
        period, currency: this.world.settings.currency, plan, planPosition: version.position, quota, entries,
        saleOf: (orderId) => this.salesOf(repId).get(orderId),
        periodOf: (ms) => periodOf(plan.period, ms, this.zone),
        orderOf: (orderId) => this.orderOf(repId, orderId),
        ratePaid: (sale) => this.ratePaid(repId, sale, plan.period),
      });
      out = { version, quota, own, achieved: own.achieved, warnings: [...(warning ? [warning] : []), ...own.warnings] };
    }
    this.freshMemo.set(key, out);
    return out;
  }

  /**
   * A rep's achieved revenue or units over any period (a scorecard's), by the statements' rule:
   * a sale counts; a refund counts when the plan in force where it occurred puts it in the base
   * (without a plan on that measure, always, as it lowers revenue). Over a statement's own period
   * this is the statement's `achieved`.
   */
  achievedIn(repId: string, measure: 'revenue' | 'units', period: string): number {
    const teamId = this.directory.reps.get(repId)?.teamId;
    let sum = 0;
    for (const e of entriesIn(this.ledger, `rep:${repId}`, period)) {
      if (e.kind === 'sale' || measure === 'units') sum += valueIn(measure, e);
      else if (this.refundRoleOf(repId, teamId, e) === 'base') sum += e.amount;
    }
    return sum;
  }

  /** The role of a revenue refund under the plan in force for the rep where it occurred. */
  private refundRoleOf(repId: string, teamId: string | undefined, refund: LedgerEntry): RefundRole {
    for (const kind of PLAN_KINDS) {
      const plan = this.planFor(repId, teamId, periodOf(kind, refund.ms, this.zone)).version?.plan;
      if (!plan || plan.period !== kind) continue;
      if (plan.measure !== 'revenue') return 'base';
      const sale = this.salesOf(repId).get(refund.orderId);
      return refundRole(plan, sale !== undefined && periodOf(kind, sale.ms, this.zone) !== periodOf(kind, refund.ms, this.zone));
    }
    return 'base';
  }

  /** The statement as GET /api/payouts shows it: frozen when approved, else fresh with adjustments and draw. */
  shown(repId: string, period: string): Shown {
    const key = `${repId}|${period}`;
    let s = this.shownMemo.get(key);
    if (!s) this.shownMemo.set(key, (s = this.compute(repId, period, 0)));
    return s;
  }

  private compute(repId: string, period: string, depth: number): Shown {
    const rep = this.directory.reps.get(repId);
    if (!rep) return { ok: false, problem: notFound('rep', repId) };
    const kind = periodKind(period);
    if (!kind || !STATEMENT_KINDS.has(kind)) return { ok: false, problem: ruleBroken('statement-period', `statements are by month, quarter or year; '${period}' is a ${kind}`) };
    const approval = approvalOf(this.payouts, repId, period);
    if (approval && !(this.draft && this.draft.period === period)) return { ok: true, body: approval.statement, teamId: approval.teamId, approval };
    const f = this.fresh(repId, period);
    if (!f.version && f.otherKind)
      return { ok: false, problem: ruleBroken('plan-period', `plan '${f.otherKind.plan.planId}' pays rep '${repId}' by ${f.otherKind.plan.period}; ask for a ${f.otherKind.plan.period} period, not '${period}'`) };
    const plan = f.version?.plan;
    const lines: StatementLine[] = [...(f.own?.lines ?? []), ...this.lateAdjustments(repId, period), ...this.disputeAdjustments(repId, period)];
    let draw: StatementBody['draw'] = null;
    if (plan?.draw) {
      const before = plan.draw.recoverable ? this.drawBalanceBefore(repId, period, depth) : 0;
      const d = drawLines(plan.draw, sumAmounts(lines), before, this.world.settings.currency, [f.version!.position]);
      lines.push(...d.lines);
      draw = { recoverable: plan.draw.recoverable, amount: plan.draw.amount, balanceBefore: before, balanceAfter: d.balanceAfter };
    }
    const clean = this.draft ? lines.map((l) => ({ ...l, citations: l.citations.filter((p) => p > 0) })) : lines;
    const body: StatementBody = {
      repId, period, measure: plan?.measure ?? null, currency: this.world.settings.currency,
      plan: plan ? { planId: plan.planId, version: plan.version, name: plan.name, position: f.version!.position } : null,
      rules: plan?.commission ? { method: plan.commission.method, scope: plan.commission.scope, boundary: plan.commission.boundary, tierBasis: plan.commission.tierBasis } : null,
      quota: f.quota?.amount ?? null,
      quotaSource: f.quota ? { kind: f.quota.kind, ...(f.quota.goalId ? { goalId: f.quota.goalId } : {}), citations: f.quota.citations } : null,
      achieved: f.achieved,
      attainment: f.own?.attainment ?? null,
      lines: clean,
      total: sumAmounts(clean),
      draw,
      warnings: f.warnings,
    };
    return { ok: true, body, teamId: rep.teamId };
  }

  /** The first period after `period` (same kind) the rep has no approval for. */
  nextOpen(repId: string, period: string): string {
    const approved = this.payouts.approvals.get(repId);
    let p = shiftPeriod(period, 1);
    for (let i = 0; i < MAX_WALK * 4 && approved?.has(p); i++) p = shiftPeriod(p, 1);
    return p;
  }

  private lateAdjustments(repId: string, period: string): StatementLine[] {
    const approvals = this.payouts.approvals.get(repId);
    if (!approvals) return [];
    const kind = periodKind(period);
    const start = periodBounds(period, this.zone).start;
    const out: StatementLine[] = [];
    const currency = this.world.settings.currency;
    for (const [origin, a] of approvals) {
      if (periodKind(origin) !== kind || periodBounds(origin, this.zone).start >= start || this.nextOpen(repId, origin) !== period) continue;
      const f = this.fresh(repId, origin);
      const now = sumAmounts((f.own?.lines ?? []).filter((l) => OWN_KINDS.has(l.kind)));
      const paid = sumAmounts(a.statement.lines.filter((l) => OWN_KINDS.has(l.kind)));
      const settled = this.payouts.settled.get(`${repId}|${origin}`);
      const delta = now - paid - (settled?.amount ?? 0);
      if (delta === 0) continue;
      const since = Math.max(a.basedOn, settled?.basedOn ?? 0);
      const causes = (f.own?.inputs ?? [f.version?.position ?? 0]).filter((p) => p > since);
      out.push({
        lineId: `${LATE_PREFIX}${origin}`,
        kind: 'adjustment',
        ...ruled({ kind: 'adjustment', cause: 'late', approvedPeriod: origin, approvalPosition: a.position, paid, ...(settled ? { settled: settled.amount } : {}), recomputed: now, events: causes.length }, currency),
        basis: now,
        rate: null,
        amount: delta,
        citations: [...new Set([a.position, ...causes])].sort((x, y) => x - y),
        origin,
      });
    }
    return out;
  }

  private disputeAdjustments(repId: string, period: string): StatementLine[] {
    const kind = periodKind(period);
    const approvals = this.payouts.approvals.get(repId);
    return disputesOfRep(this.disputes, repId)
      .filter((d) => d.status === 'upheld' && !this.payouts.settledDisputes.has(d.disputeId) && periodKind(d.period) === kind)
      .filter((d) => (approvals?.has(d.period) ? this.nextOpen(repId, d.period) : d.period) === period)
      .map((d) => ({
        lineId: `${DISPUTE_PREFIX}${d.disputeId}`,
        kind: 'adjustment' as const,
        ...ruled({ kind: 'adjustment', cause: 'dispute', disputeId: d.disputeId, lineId: d.lineId, disputedPeriod: d.period, note: d.resolution!.note }, this.world.settings.currency),
        basis: null,
        rate: null,
        amount: d.resolution!.amount ?? 0,
        citations: [d.position, d.resolution!.position],
        origin: d.period,
      }));
  }

  /** What the rep owes from recoverable draws when the period starts. */
  private drawBalanceBefore(repId: string, period: string, depth: number): number {
    if (depth >= MAX_WALK) return 0;
    const prev = shiftPeriod(period, -1);
    const approval = approvalOf(this.payouts, repId, prev);
    if (approval) return approval.statement.draw?.balanceAfter ?? 0;
    const plan = this.fresh(repId, prev).version?.plan;
    if (!plan?.draw?.recoverable || plan.period !== periodKind(period)) return 0;
    const key = `${repId}|${prev}`;
    let s = this.shownMemo.get(key);
    if (!s) this.shownMemo.set(key, (s = this.compute(repId, prev, depth + 1)));
    return s.ok ? (s.body.draw?.balanceAfter ?? 0) : 0;
  }

  private salesOf(repId: string): Map<string, CreditEntry> {
    let m = this.salesMemo.get(repId);
    if (!m) {
      m = new Map();
      for (const e of entriesBetween(this.ledger, `rep:${repId}`)) if (e.kind === 'sale') m.set(e.orderId, toCredit(e));
      this.salesMemo.set(repId, m);
    }
    return m;
  }

  private orderOf(repId: string, orderId: string): OrderFacts | undefined {
    const order = orderOf(this.ledger, orderId);
    if (!order) return undefined;
    // a sale credited to one rep is no split
    const index = order.repIds.length > 1 ? order.repIds.indexOf(repId) : -1;
    return { lines: order.lines, ...(index >= 0 ? { split: { shares: order.shares, index } } : {}) };
  }

  private ratePaid(repId: string, sale: CreditEntry, kind: string): Decimal | null {
    const period = periodOf(kind as 'month', sale.ms, this.zone);
    const f = this.fresh(repId, period);
    return f.own && f.version?.plan.period === kind ? f.own.ratePaid(sale.orderId) : null;
  }
}

/** The book of a World at its position, shared by every question asked there (the live World moves on: a new book). */
export const bookAt = (world: World): StatementBook => memoized(world, 'payoutBook', '', () => new StatementBook(world));

export const statementOf = (world: World, repId: string, period: string): Shown => bookAt(world).shown(repId, period);
