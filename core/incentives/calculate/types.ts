// The shapes the commission calculator works on: a rep's credits in, statement lines out.
import type { Measure } from './format';

export type LineKind = 'commission' | 'bonus' | 'spiff' | 'cap' | 'clawback' | 'adjustment' | 'draw';

/**
 * The rule a line applied, as data in no language: `description` is words for it in the reader's
 * language (describe.ts), so the rule is hashed and the words are not. Money in minor units,
 * ratios and rates as exact decimal strings, measure values in the rule's `measure`.
 */
export type LineRule =
  | {
      readonly kind: 'tier';
      readonly index: number;
      readonly of: number;
      readonly measure: Measure;
      readonly tierBasis: 'amount' | 'attainment';
      /** bounds as the plan writes them: measure units, or ratios of `quota` (attainment); `to` null: open-ended */
      readonly from: string;
      readonly to: string | null;
      readonly quota?: number;
      readonly rate: string;
      readonly method: 'marginal' | 'flat';
      readonly scope: 'cumulative' | 'perTransaction';
      readonly boundary: 'upper' | 'lower';
    }
  | { readonly kind: 'bonus'; readonly bonusId: string; readonly measure: Measure; readonly attainmentAtLeast: string; readonly quota: number; readonly achieved: number }
  /** `count`: the orders or units paid for */
  | { readonly kind: 'spiff'; readonly spiffId: string; readonly product: string; readonly per: 'order' | 'unit'; readonly amount: number; readonly minUnits?: number; readonly count: number }
  | { readonly kind: 'cap'; readonly amount: number; readonly earned: number }
  | { readonly kind: 'clawback'; readonly orderId: string; readonly refunded: number; readonly windowDays: number; readonly salePeriod: string; readonly ratePaid: string }
  /** a top-up: `owed` is the balance after it (0 when not recoverable) */
  | { readonly kind: 'draw'; readonly step: 'top-up'; readonly recoverable: boolean; readonly amount: number; readonly earnings: number; readonly owed: number }
  /** a recovery: `recovered` of the `owed` balance from before */
  | { readonly kind: 'draw'; readonly step: 'recovery'; readonly amount: number; readonly recovered: number; readonly owed: number }
  /** a change to an approved period: `events` recorded since approval bring it to `recomputed` */
  | { readonly kind: 'adjustment'; readonly cause: 'late'; readonly approvedPeriod: string; readonly approvalPosition: number; readonly paid: number; readonly settled?: number; readonly recomputed: number; readonly events: number }
  | { readonly kind: 'adjustment'; readonly cause: 'dispute'; readonly disputeId: string; readonly lineId: string; readonly disputedPeriod: string; readonly note: string };

export type RuleOf<K extends LineRule['kind']> = Extract<LineRule, { kind: K }>;

/** One language's words for every kind of rule (a kind left out does not compile). */
export type RuleWords = { readonly [K in LineRule['kind']]: (rule: RuleOf<K>, currency: string) => string };

export interface StatementLine {
  /** stable across recomputation, so a dispute can name it: `commission:tier-2`, `bonus:B1`, … */
  readonly lineId: string;
  readonly kind: LineKind;
  /** `rule` in words, in the language asked for (English by default) */
  readonly description: string;
  /** absent only in statements approved before lines carried their rule */
  readonly rule?: LineRule;
  /** what the rate was applied to, in measure units (fen for revenue, units for units); null when no rate applies */
  readonly basis: number | null;
  /** exact decimal; per fen of revenue, or fen per unit */
  readonly rate: string | null;
  /** minor units, rounded half away from zero */
  readonly amount: number;
  /** log positions of the events this line used: sales, refunds, plan version, goal, approval, dispute */
  readonly citations: readonly number[];
  /** for adjustments: the period whose late change or dispute this line settles */
  readonly origin?: string;
}

export interface StatementBody {
  readonly repId: string;
  readonly period: string;
  readonly measure: 'revenue' | 'units' | null;
  readonly currency: string;
  readonly plan: { readonly planId: string; readonly version: number; readonly name: string; readonly position: number } | null;
  readonly rules: { readonly method: string; readonly scope: string; readonly boundary: string; readonly tierBasis: string } | null;
  readonly quota: number | null;
  readonly quotaSource: { readonly kind: 'plan' | 'goal'; readonly goalId?: string; readonly citations: readonly number[] } | null;
  /** the period's achieved measure (achieved.ts): the base the tiers, bonuses and attainment read — the ledger's, less no refund left to a clawback */
  readonly achieved: number;
  /** achieved / quota, 4 places; null without a quota */
  readonly attainment: number | null;
  readonly lines: readonly StatementLine[];
  /** the sum of the lines */
  readonly total: number;
  readonly draw: { readonly recoverable: boolean; readonly amount: number; readonly balanceBefore: number; readonly balanceAfter: number } | null;
  /** what the statement could not do, in words (no goal for a fromGoal quota, …) */
  readonly warnings: readonly string[];
}

/** One credit of the rep in the sales ledger: a sale credit, or a refund credit (negative amount). */
export interface CreditEntry {
  readonly position: number;
  readonly kind: 'sale' | 'refund';
  readonly orderId: string;
  /** business time, epoch ms */
  readonly ms: number;
  /** signed minor units: refunds are negative */
  readonly amount: number;
  readonly units: number;
}

export interface OrderFacts {
  readonly lines: readonly { readonly product: string; readonly units: number; readonly amount: number }[];
  /** for a split sale: every split's share, and which of them is this rep */
  readonly split?: { readonly shares: readonly string[]; readonly index: number };
}

export const OWN_KINDS: ReadonlySet<LineKind> = new Set(['commission', 'bonus', 'spiff', 'cap', 'clawback']);

export const sumAmounts = (lines: readonly StatementLine[]): number => lines.reduce((a, l) => a + l.amount, 0);
