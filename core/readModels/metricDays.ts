// A contract metric of an owner day by day, over any range of local days (not only whole
// periods): the goal sparkline and pace history, run-rates and the training before/after windows
// read it. Reads the sales ledger's day buckets; never re-folds sales.
import { offsetMinutes, periodBounds } from '../shared/period';
import { customersOnDay, dayRange, isMetric, localDay, metricValue, splitOwner, type FirstSale, type LedgerEntry, type Metric, type SalesLedger } from './salesLedger';

const firstSaleOf = (owner: string, f: FirstSale, customerId: string): boolean => {
  if (owner === 'company') return true;
  const [kind, id] = splitOwner(owner);
  if (kind === 'rep') return f.repIds.includes(id);
  if (kind === 'team') return f.teamIds.includes(id);
  return kind === 'customer' && id === customerId;
};

/**
 * The metric's increase on each local day of [from, to) (epoch days in the ledger's zone); for
 * activeCustomers, each day adds the customers not seen earlier in the range. Undefined when the
 * metric is not one Tally measures.
 */
export const dailyIncrements = (ledger: SalesLedger, owner: string, metric: string, from: number, to: number): number[] | undefined => {
  if (!isMetric(metric)) return undefined;
  const n = Math.max(0, to - from);
  const out = new Array<number>(n).fill(0);
  const b = ledger.owners.get(owner);
  switch (metric as Metric) {
    case 'revenue':
    case 'units':
    case 'orders': {
      if (!b) return out;
      const field = metric as 'revenue' | 'units' | 'orders';
      for (let i = 0; i < n; i++) out[i] = b.byDay.get(from + i)?.[field] ?? 0;
      return out;
    }
    case 'activeCustomers': {
      if (!b) return out;
      const seen = new Set<string>();
      for (let i = 0; i < n; i++) {
        const before = seen.size;
        for (const c of customersOnDay(ledger, owner, from + i)) seen.add(c);
        out[i] = seen.size - before;
      }
      return out;
    }
    case 'newCustomers': {
      for (const [customerId, f] of ledger.firstSales) {
        const d = localDay(f.ms, ledger.zone);
        if (d >= from && d < to && firstSaleOf(owner, f, customerId)) out[d - from] += 1;
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

/** Is a rep-level credit the owner's (`company`, `team:ID`, `rep:ID`, `customer:ID`)? */
const creditOf = (owner: string, e: LedgerEntry): boolean => {
  if (owner === 'company') return true;
  const [kind, id] = splitOwner(owner);
  return kind === 'rep' ? e.repId === id : kind === 'team' ? e.teamId === id : kind === 'customer' && e.customerId === id;
};

/**
 * The metric of an owner (company, team, rep or customer) over a period, counting only what
 * occurred by the instant `atMs` (business time, inclusive): the whole period once `atMs` is past
 * its end, else its whole days before the day of `atMs` from the day buckets and that day credit
 * by credit. Undefined when the metric is not one Tally measures.
 */
export const valueBy = (ledger: SalesLedger, owner: string, metric: string, periodId: string, atMs: number): number | undefined => {
  if (!isMetric(metric)) return undefined;
  if (atMs >= periodBounds(periodId, ledger.zone).end) return metricValue(ledger, owner, metric, periodId);
  const { from } = dayRange(periodId, ledger.zone);
  const day = localDay(atMs, ledger.zone);
  if (day < from) return 0;
  const today = (ledger.dayEntries.get(day) ?? []).map((i) => ledger.entries[i]).filter((e) => e.ms <= atMs && creditOf(owner, e));
  const sales = today.filter((e) => e.kind === 'sale');
  switch (metric as Metric) {
    case 'revenue':
      return rangeValue(ledger, owner, metric, from, day)! + today.reduce((a, e) => a + e.amount, 0);
    case 'units':
      return rangeValue(ledger, owner, metric, from, day)! + sales.reduce((a, e) => a + e.units, 0);
    case 'orders':
      // a split sale is one order for its team and the company: one per sale event
      return rangeValue(ledger, owner, metric, from, day)! + new Set(sales.map((e) => e.position)).size;
    case 'activeCustomers': {
      const seen = new Set(sales.map((e) => e.customerId));
      for (let d = from; d < day; d++) for (const c of customersOnDay(ledger, owner, d)) seen.add(c);
      return seen.size;
    }
    case 'newCustomers': {
      let n = 0;
      for (const [customerId, f] of ledger.firstSales) if (f.ms <= atMs && localDay(f.ms, ledger.zone) >= from && firstSaleOf(owner, f, customerId)) n++;
      return n;
    }
  }
};

const DAY_MS = 86_400_000;

/** The instant a local epoch day starts in `zone`. */
export const localDayStart = (day: number, zone: string): number => {
  const guess = day * DAY_MS - offsetMinutes(day * DAY_MS, zone) * 60_000;
  return day * DAY_MS - offsetMinutes(guess, zone) * 60_000;
};

/** The epoch day of a calendar date `YYYY-MM-DD`. */
export const epochDay = (date: string): number => Date.UTC(+date.slice(0, 4), +date.slice(5, 7) - 1, +date.slice(8, 10)) / DAY_MS;
