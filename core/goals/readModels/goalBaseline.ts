// A growth target ({ growth, over }) is resolved from the owner's actual in `over` when the target
// is set; when `over` had not ended by then, the baseline is part of a period, and the goal says so,
// naming what the baseline leaves out.
import { localInstant, periodBounds, toMillis } from '../../shared/period';
import type { GoalRecord } from './goals';

/** When the current target was resolved from a growth rule, and the rule; undefined when it is an amount. */
const growthTargetSetAt = (g: GoalRecord): { at: string; over: string; growth: string; baseline?: number } | undefined => {
  const last = g.revisions[g.revisions.length - 1];
  if (last) return last.targetSpec ? { at: last.recordedAt, ...last.targetSpec, baseline: last.baseline } : undefined;
  return g.targetSpec ? { at: g.setAt, ...g.targetSpec, baseline: g.baseline } : undefined;
};

/** The warning for a growth target read from a baseline period not yet over; undefined otherwise. */
export const partialBaselineWarning = (g: GoalRecord, zone: string): string | undefined => {
  const t = growthTargetSetAt(g);
  if (!t) return undefined;
  const end = periodBounds(t.over, zone).end;
  const at = toMillis(t.at);
  if (at >= end) return undefined;
  const start = Math.max(at, periodBounds(t.over, zone).start);
  return `baseline: ${t.over} had not ended when the target was set (${localInstant(at, zone)}), so its baseline ${t.baseline} leaves out ${localInstant(start, zone)} to ${localInstant(end, zone)}; the target is ${t.growth} over part of ${t.over}`;
};
