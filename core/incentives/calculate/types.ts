// The shapes the commission calculator works on: a rep's credits in, statement lines out.

export type LineKind = 'commission' | 'bonus' | 'spiff' | 'cap' | 'clawback' | 'adjustment' | 'draw';

export interface StatementLine {
  /** stable across recomputation, so a dispute can name it: `commission:tier-2`, `bonus:B1`, … */
  readonly lineId: string;
  readonly kind: LineKind;
  /** names the rule, and for commission the method, scope and boundary applied */
  readonly description: string;
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
  /** the measure in the period, as the sales ledger has it (refunds lower revenue where they occur) */
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
