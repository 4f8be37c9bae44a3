// A period's own lines — commission, bonuses, SPIFFs, cap, clawbacks — as a pure function of the
// plan version in force, the quota, and the rep's credits. Which refund does what is achieved.ts:
// one achieved figure (the base) feeds the tiers, the bonuses and the attainment shown; a refund
// left to the clawback rule is a clawback line and never lowers the base as well.
import type Decimal from 'decimal.js';
import { Dec, ratio, roundMinor } from '../../shared/money';
import type { IncentivePlan } from '../events';
import { sortCredits, valueIn } from './achieved';
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
  const entries = [...f.entries].sort(byTime);
  const quota = f.quota?.amount ?? null;
  const planCites = [f.planPosition, ...(f.quota?.citations ?? [])];
  const warnings: string[] = [];

  const earlierSale = (refund: CreditEntry) => {
    const sale = f.saleOf(refund.orderId);
    return sale !== undefined && f.periodOf(sale.ms) !== f.period;
  };
  const { base, clawbacks: clawed, achieved } = sortCredits(plan, entries, earlierSale);
  const movements: Movement[] = base.map((e) => ({ position: e.position, orderId: e.orderId, delta: new Dec(valueIn(plan.measure, e)) }));
  // money net of the base's refunds per order, to state the rate paid on it
  const netOf = new Map<string, number>();
  for (const e of base) netOf.set(e.orderId, (netOf.get(e.orderId) ?? 0) + e.amount);
  const clawbacks = clawed.flatMap((refund) => {
    const sale = f.saleOf(refund.orderId);
    return sale ? [{ refund, sale }] : [];
  });

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
        timeline: base.map((entry) => ({ entry, value: valueIn(plan.measure, entry) })),
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
