// Events an older, laxer version let into the log with a year outside 1900–2999 — a goal for period
// 1000, a payout approved for 0999-01, a sale that occurred in 0999. Today's commands refuse them
// (SPEC §5a); the log keeps them for ever, so every fold leaves them out, and the answers say so.
import { acceptedPeriod, acceptedYearText, FIRST_YEAR, LAST_YEAR } from '../shared/period';

// Data as the log holds it, before any codec: fields are `any` and each is checked as it is read.
type Data = Record<string, any>;

/** The period ids each event type carries; a type not listed carries none. */
const PERIODS_OF: Readonly<Record<string, (d: Data) => readonly unknown[]>> = {
  GoalSet: (d) => [d.period, d.targetSpec?.over],
  GoalRevised: (d) => [d.targetSpec?.over],
  GoalDecomposed: (d) => (Array.isArray(d.children) ? d.children.map((c: Data) => c?.period) : []),
  PayoutApproved: (d) => [d.period],
  DisputeOpened: (d) => [d.period],
  DisputeResolved: (d) => [d.period],
  SalesPlanDrafted: (d) => [d.period],
  MeetingHeld: (d) => [d.period],
  ActionItemAdded: (d) => [d.period],
  LessonRecorded: (d) => [d.period],
  AppraisalRecorded: (d) => [d.period],
};

/**
 * Why today's rules would refuse an event read from the log, or undefined when they accept it.
 * Cheap enough for every event of a replay: one lookup and two string comparisons for most.
 */
export const outOfRange = (e: { readonly type: string; readonly data: unknown; readonly occurredAt: string }): string | undefined => {
  if (!acceptedYearText(e.occurredAt)) return `it occurred at ${e.occurredAt}`;
  const periods = PERIODS_OF[e.type];
  if (!periods || typeof e.data !== 'object' || e.data === null) return undefined;
  const bad = periods(e.data).find((p) => p !== undefined && (typeof p !== 'string' || !acceptedPeriod(p)));
  return bad === undefined ? undefined : `it names period ${JSON.stringify(bad)}`;
};

/** An event left out of the folds, for the answers to name. */
export interface LeftOut {
  readonly position: number;
  readonly type: string;
  readonly reason: string;
}

/** The warning an answer carries when events up to its position were left out. */
export const leftOutWarning = (leftOut: readonly LeftOut[], more: number): string => {
  const shown = leftOut.slice(0, 10);
  const rest = leftOut.length - shown.length + more;
  return (
    `left out ${leftOut.length + more} event(s) of the log that an older version recorded with a year outside ${FIRST_YEAR}–${LAST_YEAR}; ` +
    `no figure here counts them: ${shown.map((l) => `position ${l.position} (${l.type}: ${l.reason})`).join('; ')}${rest > 0 ? `; and ${rest} more` : ''}`
  );
};
