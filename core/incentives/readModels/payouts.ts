// The payouts read model: every plan version (with its log position), every approved statement
// as it was approved, and what approved statements settled for earlier periods. Statements are
// computed from it in payoutStatements.ts (a split sale's shares come from the sales ledger).
import type { StatementBody } from '../calculate/types';
import type { IncentivePlan, PayoutApprovedData } from '../events';
import { defineProjection, unchanged } from '../../fold/projection';

export interface PlanVersion {
  readonly plan: IncentivePlan;
  readonly position: number;
}

export interface Approval {
  readonly repId: string;
  readonly teamId: string;
  readonly period: string;
  readonly statementHash: string;
  readonly statement: StatementBody;
  /** the log position the approved statement was computed at */
  readonly basedOn: number;
  readonly position: number;
  readonly approvedAt: string;
  readonly approvedBy: string;
  readonly note?: string;
}

/** What approved statements paid for an earlier period through adjustment lines. */
export interface Settlement {
  amount: number;
  /** the latest basedOn of an approval that carried such a line */
  basedOn: number;
}

export interface PayoutsState {
  /** planId → versions in ascending order */
  readonly plans: Map<string, PlanVersion[]>;
  /** repId → period → approval */
  readonly approvals: Map<string, Map<string, Approval>>;
  /** `repId|origin period` → late-change adjustments already approved */
  readonly settled: Map<string, Settlement>;
  /** dispute ids whose adjustment an approved statement carried */
  readonly settledDisputes: Set<string>;
}

export const LATE_PREFIX = 'adjustment:late:';
export const DISPUTE_PREFIX = 'adjustment:dispute:';

const approve = (s: PayoutsState, d: PayoutApprovedData, position: number, approvedAt: string, approvedBy: string) => {
  let byPeriod = s.approvals.get(d.repId);
  if (!byPeriod) s.approvals.set(d.repId, (byPeriod = new Map()));
  byPeriod.set(d.period, {
    repId: d.repId, teamId: d.teamId, period: d.period, statementHash: d.statementHash, statement: d.statement, basedOn: d.basedOn,
    position, approvedAt, approvedBy, ...(d.note ? { note: d.note } : {}),
  });
  for (const l of d.statement.lines) {
    if (l.lineId.startsWith(DISPUTE_PREFIX)) s.settledDisputes.add(l.lineId.slice(DISPUTE_PREFIX.length));
    else if (l.lineId.startsWith(LATE_PREFIX) && l.origin) {
      const key = `${d.repId}|${l.origin}`;
      const prev = s.settled.get(key) ?? { amount: 0, basedOn: 0 };
      s.settled.set(key, { amount: prev.amount + l.amount, basedOn: Math.max(prev.basedOn, d.basedOn) });
    }
  }
};

export const payoutsProjection = defineProjection({
  name: 'payouts',
  types: ['IncentivePlanPublished', 'PayoutApproved'],
  init: (): PayoutsState => ({ plans: new Map(), approvals: new Map(), settled: new Map(), settledDisputes: new Set() }),
  apply: (s, e) => {
    switch (e.type) {
      case 'IncentivePlanPublished': {
        const plan = e.data;
        const versions = s.plans.get(plan.planId) ?? [];
        versions.push({ plan, position: e.position });
        versions.sort((a, b) => a.plan.version - b.plan.version);
        s.plans.set(plan.planId, versions);
        break;
      }
      case 'PayoutApproved':
        approve(s, e.data, e.position, e.recordedAt, e.meta.actor);
        break;
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

export const approvalOf = (s: PayoutsState, repId: string, period: string): Approval | undefined => s.approvals.get(repId)?.get(period);
