// Builders for calculator tests: plans, credits and the PeriodFacts a statement is computed from.
import type Decimal from 'decimal.js';
import type { PeriodFacts, QuotaFact } from '../../../core/incentives/calculate/statement';
import type { CreditEntry, OrderFacts } from '../../../core/incentives/calculate/types';
import type { CommissionRule, IncentivePlan, Tier } from '../../../core/incentives/events';
import { periodOf } from '../../../core/shared/period';

export const ZONE = 'Asia/Shanghai';
export const PLAN_POSITION = 1;

export const rule = (tiers: [number | string, number | string | undefined, string][], over: Partial<CommissionRule> = {}): CommissionRule => ({
  tierBasis: 'amount',
  method: 'marginal',
  scope: 'cumulative',
  boundary: 'upper',
  tiers: tiers.map(([from, to, rate]): Tier => ({ from: String(from), ...(to !== undefined ? { to: String(to) } : {}), rate })),
  ...over,
});

export const plan = (over: Partial<IncentivePlan> = {}): IncentivePlan => ({
  planId: 'P', version: 1, name: 'Plan', effectiveFrom: '2026-01-01', period: 'month', measure: 'revenue', ...over,
});

let nextPosition = 100;
export const sale = (orderId: string, amount: number, at: string, units = 1, position = ++nextPosition): CreditEntry => ({ position, kind: 'sale', orderId, ms: Date.parse(at), amount, units });
export const refund = (orderId: string, amount: number, at: string, position = ++nextPosition): CreditEntry => ({ position, kind: 'refund', orderId, ms: Date.parse(at), amount: -amount, units: 0 });

export const facts = (
  p: IncentivePlan,
  period: string,
  entries: CreditEntry[],
  more: { quota?: number; earlierSales?: CreditEntry[]; orders?: Record<string, OrderFacts>; ratePaid?: (s: CreditEntry) => Decimal | null } = {},
): PeriodFacts => {
  const sales = new Map([...(more.earlierSales ?? []), ...entries].filter((e) => e.kind === 'sale').map((e) => [e.orderId, e]));
  const quota: QuotaFact | null = more.quota === undefined ? null : { amount: more.quota, kind: 'plan', citations: [] };
  return {
    period, currency: 'CNY', plan: p, planPosition: PLAN_POSITION, quota, entries,
    saleOf: (id) => sales.get(id),
    periodOf: (ms) => periodOf(p.period, ms, ZONE),
    orderOf: (id) => more.orders?.[id],
    ratePaid: more.ratePaid ?? (() => null),
  };
};
