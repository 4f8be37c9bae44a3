// A period's own lines — commission, bonuses, SPIFFs, cap, clawbacks — as a pure function of the
// plan version in force, the quota, and the rep's credits. Which refund does what:
//  - revenue: a refund of a sale of the same period lowers the commission base (never raises it);
//    a refund of an earlier period's sale is clawed back at the rate paid when the plan has a
//    clawback rule and the refund is within its window (outside it, paid commission is final);
//    without a clawback rule it lowers the period's base, as it lowers the period's revenue.
//  - units: a refund changes no units (SPEC), so it only ever acts through a clawback.
import type Decimal from 'decimal.js';
import { Dec, ratio, roundMinor } from '../../shared/money';
import type { IncentivePlan } from '../events';
import { bonusLines } from './bonuses';
import { capLine } from './cap';
import { clawbackLines, type ClawbackCase } from './clawback';
import { ruled } from './describe';
import { spiffLines } from './spiffs';
import { applyTiers, bandsOf, type Band, type Movement, type TierOutcome } from './tiers';
import type { CreditEntry, OrderFacts, StatementLine } from './types';

export interface QuotaFact {
  readonly amount: number;
  readonly kind: 'plan' | 'goal';
  readonly goalId?: string;
  readonly citations: readonly number[];
}

export interface PeriodFacts {
  readonly period: string;
  readonly currency: string;
  readonly plan: IncentivePlan;
  readonly planPosition: number;
  readonly quota: QuotaFact | null;
  /** the rep's credits whose business time falls in the period */
  readonly entries: readonly CreditEntry[];
  /** the rep's sale credit of an order, in any period */
  readonly saleOf: (orderId: string) => CreditEntry | undefined;
  /** the period (of the plan's kind) of an instant */
  readonly periodOf: (ms: number) => string;
  readonly orderOf: (orderId: string) => OrderFacts | undefined;
  /** commission paid per fen of a sale credit of an earlier period */
  readonly ratePaid: (sale: CreditEntry) => Decimal | null;
}

export interface OwnLines {
  readonly lines: StatementLine[];
  readonly achieved: number;
  readonly attainment: number | null;
  /** every log position consulted: credits, plan version, quota source */
  readonly inputs: readonly number[];
  readonly warnings: string[];
  /** commission paid per fen of each of this period's sale credits */
  readonly ratePaid: (orderId: string) => Decimal | null;
}

const byTime = (a: CreditEntry, b: CreditEntry) => a.ms - b.ms || a.position - b.position;

const commissionLines = (outcome: TierOutcome, bands: readonly Band[], plan: IncentivePlan, quota: number | null, currency: string, citations: readonly number[]): StatementLine[] => {
  const { tierBasis, method, scope, boundary, tiers } = plan.commission!;
  return outcome.uses.map((u) => {
    const t = tiers[u.band.index - 1];
    return {
      lineId: `commission:tier-${u.band.index}`,
      kind: 'commission',
      ...ruled({
        kind: 'tier', index: u.band.index, of: bands.length, measure: plan.measure, tierBasis, from: t.from, to: t.to ?? null,
        ...(tierBasis === 'attainment' ? { quota: quota! } : {}), rate: u.band.rate.toString(), method, scope, boundary,
      }, currency),
      basis: u.basis.toNumber(),
      rate: u.band.rate.toString(),
      amount: roundMinor(u.basis.times(u.band.rate)),
      citations: [...new Set([...u.citations, ...citations])].sort((a, b) => a - b),
    };
  });
};

export const ownLines = (f: PeriodFacts): OwnLines => {
  const plan = f.plan;
  const revenue = plan.measure === 'revenue';
  const entries = [...f.entries].sort(byTime);
  const achieved = entries.reduce((a, e) => a + (revenue ? e.amount : e.units), 0);
  const quota = f.quota?.amount ?? null;
  const planCites = [f.planPosition, ...(f.quota?.citations ?? [])];
  const warnings: string[] = [];

  // sort each refund into the base or a clawback
  const movements: Movement[] = [];
  const clawbacks: { refund: CreditEntry; sale: CreditEntry }[] = [];
  // money net of same-period refunds per order of this period, to state the rate paid on it
  const netOf = new Map<string, number>();
  for (const e of entries) {
    if (e.kind === 'sale') {
      movements.push({ position: e.position, orderId: e.orderId, delta: new Dec(revenue ? e.amount : e.units) });
      netOf.set(e.orderId, (netOf.get(e.orderId) ?? 0) + e.amount);
      continue;
    }
    const sale = f.saleOf(e.orderId);
    const samePeriod = sale !== undefined && f.periodOf(sale.ms) === f.period;
    if (revenue && samePeriod) {
      movements.push({ position: e.position, orderId: e.orderId, delta: new Dec(e.amount) });
      netOf.set(e.orderId, (netOf.get(e.orderId) ?? 0) + e.amount);
    } else if (plan.clawback && sale) clawbacks.push({ refund: e, sale });
    else if (revenue && !plan.clawback) movements.push({ position: e.position, orderId: e.orderId, delta: new Dec(e.amount) });
  }

  const lines: StatementLine[] = [];
  let outcome: TierOutcome | undefined;
  if (plan.commission) {
    const bands = bandsOf(plan.commission, quota);
    if (!bands) warnings.push('commission tiers are by attainment, but there is no quota: no commission computed');
    else {
      outcome = applyTiers(plan.commission, bands, movements);
      lines.push(...commissionLines(outcome, bands, plan, quota, f.currency, planCites));
    }
  }
  if (plan.bonuses && plan.bonuses.length > 0) {
    if (quota === null) warnings.push('bonuses are by attainment, but there is no quota: no bonus computed');
    else
      lines.push(...bonusLines(plan.bonuses, {
        quota, achieved, measure: plan.measure, currency: f.currency, citations: planCites,
        timeline: entries.map((entry) => ({ entry, value: revenue ? entry.amount : entry.units })),
      }));
  }
  if (plan.spiffs) lines.push(...spiffLines(plan.spiffs, entries.filter((e) => e.kind === 'sale'), f.orderOf, { currency: f.currency, measure: plan.measure, citations: [f.planPosition] }));
  const cap = capLine(plan.cap, lines, f.currency, planCites);
  if (cap) lines.push(cap);

  const ratePaid = (orderId: string): Decimal | null => {
    const paid = outcome?.byOrder.get(orderId);
    const net = netOf.get(orderId);
    return paid === undefined || net === undefined || net <= 0 ? null : paid.dividedBy(net);
  };
  if (plan.clawback) {
    const cases: ClawbackCase[] = clawbacks.map(({ refund, sale }) => {
      const salePeriod = f.periodOf(sale.ms);
      return { refund, sale, salePeriod, ratePaid: salePeriod === f.period ? ratePaid(sale.orderId) : f.ratePaid(sale) };
    });
    lines.push(...clawbackLines(plan.clawback.windowDays, cases, f.currency, [f.planPosition]));
  }

  const inputs = [...new Set([...entries.map((e) => e.position), ...planCites, ...clawbacks.map((c) => c.sale.position)])].sort((a, b) => a - b);
  return { lines, achieved, attainment: quota === null ? null : ratio(achieved, quota), inputs, warnings, ratePaid };
};
