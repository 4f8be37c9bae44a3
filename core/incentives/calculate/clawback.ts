// Clawbacks: a refund within `windowDays` of its sale takes back commission at the rate that was
// paid on that sale (the commission attributed to the order in its own period, per fen of it).
import type Decimal from 'decimal.js';
import { roundMinor } from '../../shared/money';
import { ruled } from './describe';
import type { CreditEntry, StatementLine } from './types';

const DAY_MS = 86_400_000;

export interface ClawbackCase {
  readonly refund: CreditEntry;
  readonly sale: CreditEntry;
  /** the sale's period, named in the description */
  readonly salePeriod: string;
  /** commission paid per fen of the sale credit; null when nothing was paid */
  readonly ratePaid: Decimal | null;
}

export const withinWindow = (refund: CreditEntry, sale: CreditEntry, windowDays: number): boolean => refund.ms - sale.ms <= windowDays * DAY_MS;

export const clawbackLines = (windowDays: number, cases: readonly ClawbackCase[], currency: string, citations: readonly number[]): StatementLine[] =>
  cases
    .filter((c) => c.ratePaid !== null && !c.ratePaid.isZero() && withinWindow(c.refund, c.sale, windowDays))
    .map((c) => {
      const refunded = -c.refund.amount;
      return {
        lineId: `clawback:${c.refund.orderId}:${c.refund.position}`,
        kind: 'clawback' as const,
        ...ruled({ kind: 'clawback', orderId: c.refund.orderId, refunded, windowDays, salePeriod: c.salePeriod, ratePaid: c.ratePaid!.toString() }, currency),
        basis: refunded,
        rate: c.ratePaid!.toString(),
        amount: -roundMinor(c.ratePaid!.times(refunded)),
        citations: [...new Set([c.sale.position, c.refund.position, ...citations])].sort((a, b) => a - b),
      };
    });
