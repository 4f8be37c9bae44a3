// A contest's window in business time, shared by its rules (a window that has ended cannot be
// started) and its standings.
import { periodBounds, toMillis } from '../shared/period';

/** [start, end) in epoch ms: a date `from` starts that local day, a date `to` ends with that local day. */
export const contestWindow = (rules: { readonly from: string; readonly to: string }, zone: string): { start: number; end: number } => ({
  start: rules.from.length === 10 ? periodBounds(rules.from, zone).start : toMillis(rules.from),
  end: rules.to.length === 10 ? periodBounds(rules.to, zone).end : toMillis(rules.to),
});
