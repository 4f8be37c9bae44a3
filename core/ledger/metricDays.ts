// A contract metric of an owner day by day, over any range of local days (not only whole
// periods): the goal sparkline and pace history, run-rates and the training before/after windows
// read it. Reads the sales ledger's rows of the owner; never re-folds sales.
import { offsetMinutes, periodBounds } from '../shared/period';
import { countFirstSales, customersBetweenDays, dailyTotalsBetween, dayRange, figuresOnDays, firstSaleCredits, firstSales, isMetric, localDay, metricValue, totalsOnDayBy, type Metric, type SalesLedger } from './salesLedger';

/**
 * The metric's increase on each local day of [from, to) (epoch days in the ledger's zone); for
 * activeCustomers, each day adds the customers not seen earlier in the range. Undefined when the
 * metric is not one Tally measures.
 */
export const dailyIncrements = (ledger: SalesLedger, owner: string, metric: string, from: number, to: number): number[] | undefined => {
  if (!isMetric(metric)) return undefined;
  const n = Math.max(0, to - from);
  const out = new Array<number>(n).fill(0);
  switch (metric as Metric) {
    case 'revenue':
    case 'units':
    case 'orders': {
      const field = metric as 'revenue' | 'units' | 'orders';
      dailyTotalsBetween(ledger, owner, from, to).forEach((t, i) => (out[i] = t[field]));
      return out;
    }
    case 'activeCustomers': {
      for (const day of customersBetweenDays(ledger, owner, from, to).values()) out[day - from] += 1;
      return out;
    }
    case 'newCustomers': {
      for (const [customerId, f] of firstSales(ledger)) {
        const d = localDay(f.ms, ledger.zone);
        if (d >= from && d < to && firstSaleCredits(owner, f, customerId)) out[d - from] += 1;
      }
      return out;
    }
  }
};

/** Running totals of dailyIncrements: the value from `from` to the end of each day. */
export const cumulative = (increments: readonly number[]): number[] => {
  const out = new Array<number>(increments.length);
  let sum = 0;
  for (let i = 0; i < increments.length; i++) out[i] = sum += increments[i];
  return out;
};

/** The metric over [from, to) local days; undefined when not measured. */
export const rangeValue = (ledger: SalesLedger, owner: string, metric: string, from: number, to: number): number | undefined => {
  const inc = dailyIncrements(ledger, owner, metric, from, to);
  return inc === undefined ? undefined : inc.reduce((a, b) => a + b, 0);
};

/**
 * The metric of an owner (company, team, rep or customer) over a period, counting only what
 * occurred by the instant `atMs` (business time, inclusive): the whole period once `atMs` is past
 * its end, else its whole days before the day of `atMs` and that day credit by credit. Undefined
 * when the metric is not one Tally measures.
 */
export const valueBy = (ledger: SalesLedger, owner: string, metric: string, periodId: string, atMs: number): number | undefined => {
  if (!isMetric(metric)) return undefined;
  if (atMs >= periodBounds(periodId, ledger.zone).end) return metricValue(ledger, owner, metric, periodId);
  const { from } = dayRange(periodId, ledger.zone);
  const day = localDay(atMs, ledger.zone);
  if (day < from) return 0;
  const today = totalsOnDayBy(ledger, owner, day, atMs);
  switch (metric as Metric) {
    case 'revenue':
    case 'units':
    case 'orders':
      return rangeValue(ledger, owner, metric, from, day)! + today[metric as 'revenue' | 'units' | 'orders'];
    case 'activeCustomers': {
      const seen = today.customers;
      for (const c of customersBetweenDays(ledger, owner, from, day).keys()) seen.add(c);
      return seen.size;
    }
    case 'newCustomers':
      return countFirstSales(ledger, owner, (ms) => ms <= atMs && localDay(ms, ledger.zone) >= from);
  }
};

/**
 * Every metric of an owner over a period counting what occurred by `atMs`, as valueBy gives each:
 * one pass over the owner's rows for the four summed from them, instead of one per metric.
 */
export const valuesBy = (ledger: SalesLedger, owner: string, periodId: string, atMs: number): Record<Metric, number> => {
  const { from, to } = dayRange(periodId, ledger.zone);
  const whole = atMs >= periodBounds(periodId, ledger.zone).end;
  const day = whole ? to : localDay(atMs, ledger.zone);
  if (day < from) return { revenue: 0, units: 0, orders: 0, activeCustomers: 0, newCustomers: 0 };
  const { revenue, units, orders, activeCustomers } = figuresOnDays(ledger, owner, from, whole ? to : day + 1, whole ? to : day, atMs);
  return { revenue, units, orders, activeCustomers, newCustomers: valueBy(ledger, owner, 'newCustomers', periodId, atMs)! };
};

const DAY_MS = 86_400_000;

/** The instant a local epoch day starts in `zone`. */
export const localDayStart = (day: number, zone: string): number => {
  const guess = day * DAY_MS - offsetMinutes(day * DAY_MS, zone) * 60_000;
  return day * DAY_MS - offsetMinutes(guess, zone) * 60_000;
};

/** The epoch day of a calendar date `YYYY-MM-DD`. */
export const epochDay = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
