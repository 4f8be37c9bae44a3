// The quota a plan names: `{ amount }`, or `{ fromGoal: true }` — the rep's goal on the plan's
// measure for the statement's period, citing the goal's events (set and revisions).
import type { QuotaFact } from '../incentives/calculate/statement';
import type { IncentivePlan } from '../incentives/events';
import type { World } from './world';

/** The rep's goal as a quota. Switched over to the goals read model once it is on main. */
export const goalQuota = (_world: World, _repId: string, _measure: string, _period: string): QuotaFact | undefined => undefined;

export const quotaOf = (world: World, plan: IncentivePlan, repId: string, period: string): { quota: QuotaFact | null; warning?: string } => {
  if (!plan.quota) return { quota: null };
  if ('amount' in plan.quota) return { quota: { amount: plan.quota.amount, kind: 'plan', citations: [] } };
  const goal = goalQuota(world, repId, plan.measure, period);
  return goal && goal.amount > 0
    ? { quota: goal }
    : { quota: null, warning: `the quota is the rep's goal, but rep '${repId}' has no ${plan.measure} goal for ${period}` };
};
