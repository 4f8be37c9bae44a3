// The sales ledger: every credit of a sale and of a refund, indexed so that the contract metrics
// (revenue net of refunds, units, orders, newCustomers, activeCustomers) of any owner — the
// company, a team, a rep, a customer, a product — over any period are cheap to read. Goals, the
// leaderboard, analytics, payouts, scorecards and reviews all read their sales figures here, so
// they agree to the fen. Business time (occurredAt) places a fact in a period; a refund lowers
// revenue in the period in which the refund occurred and changes no units or orders.
import { offsetMinutes, parsePeriod, periodBounds, toMillis } from '../shared/period';
import { largestRemainder } from '../shared/money';
import type { SaleRecordedData, SaleRefundedData } from '../sales/events';
import { defineProjection } from './projection';

export type Metric = 'revenue' | 'units' | 'orders' | 'newCustomers' | 'activeCustomers';
export const METRICS: readonly Metric[] = ['revenue', 'units', 'orders', 'newCustomers', 'activeCustomers'];

/** `company`, `team:ID`, `rep:ID`, `customer:ID`, `product:NAME` */
export type OwnerKey = string;

export interface LedgerEntry {
  readonly position: number;
  readonly kind: 'sale' | 'refund';
  readonly orderId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly teamId: string;
  /** business time, epoch ms */
  readonly ms: number;
  /** local epoch day of ms in the deployment zone */
  readonly day: number;
  /** signed: refunds are negative */
  readonly amount: number;
  readonly units: number;
  /** 1 for a sale credit, 0 for a refund */
  readonly orders: number;
}

export interface Totals {
  revenue: number;
  units: number;
  orders: number;
}

interface Buckets {
  readonly byDay: Map<number, Totals>;
  readonly byMonth: Map<number, Totals>;
  readonly customersByDay: Map<number, Set<string>>;
  readonly entries: number[];
}

export interface FirstSale {
  readonly ms: number;
  readonly position: number;
  readonly repIds: readonly string[];
  readonly teamIds: readonly string[];
}

interface OrderInfo {
  readonly customerId: string;
  readonly lines: readonly { product: string; units: number; amount: number }[];
}

export interface SalesLedger {
  readonly zone: string;
  readonly entries: LedgerEntry[];
  readonly owners: Map<OwnerKey, Buckets>;
  readonly orders: Map<string, OrderInfo>;
  /** each customer's earliest sale by business time (a late-recorded earlier sale replaces it) */
  readonly firstSales: Map<string, FirstSale>;
  /** local day → indexes of the entries that occurred on it, so a part of a day is read by the instant */
  readonly dayEntries: Map<number, number[]>;
}

const DAY_MS = 86_400_000;

export const localDay = (ms: number, zone: string): number => Math.floor((ms + offsetMinutes(ms, zone) * 60_000) / DAY_MS);

// Memos for the fold's hot path (a replay posts each sale five or six times): the month of a
// local day, and owner keys built once per id instead of a new string per post. Pure functions
// of their arguments, so sharing them between Worlds changes no answer.
const monthCache = new Map<number, number>();
const monthOfDay = (day: number): number => {
  let m = monthCache.get(day);
  if (m === undefined) {
    const d = new Date(day * DAY_MS);
    monthCache.set(day, (m = d.getUTCFullYear() * 12 + d.getUTCMonth()));
  }
  return m;
};

const ownerKeys = new Map<string, Map<string, OwnerKey>>();
const ownerKey = (kind: 'rep' | 'team' | 'customer' | 'product', id: string): OwnerKey => {
  let byId = ownerKeys.get(kind);
  if (!byId) ownerKeys.set(kind, (byId = new Map()));
  let key = byId.get(id);
  if (key === undefined) {
    if (byId.size > 1_000_000) byId.clear();
    byId.set(id, (key = `${kind}:${id}`));
  }
  return key;
};

const zero = (): Totals => ({ revenue: 0, units: 0, orders: 0 });

const bucketsOf = (s: SalesLedger, key: OwnerKey): Buckets => {
  let b = s.owners.get(key);
  if (!b) s.owners.set(key, (b = { byDay: new Map(), byMonth: new Map(), customersByDay: new Map(), entries: [] }));
  return b;
};

const add = (map: Map<number, Totals>, k: number, revenue: number, units: number, orders: number) => {
  let t = map.get(k);
  if (!t) map.set(k, (t = zero()));
  t.revenue += revenue;
  t.units += units;
  t.orders += orders;
};

const post = (s: SalesLedger, key: OwnerKey, day: number, month: number, revenue: number, units: number, orders: number, customerId: string | undefined, entryIndex: number | undefined) => {
  const b = bucketsOf(s, key);
  add(b.byDay, day, revenue, units, orders);
  add(b.byMonth, month, revenue, units, orders);
  if (customerId !== undefined) {
    let set = b.customersByDay.get(day);
    if (!set) b.customersByDay.set(day, (set = new Set()));
    set.add(customerId);
  }
  if (entryIndex !== undefined) b.entries.push(entryIndex);
};

const record = (s: SalesLedger, e: LedgerEntry) => {
  const i = s.entries.length;
  s.entries.push(e);
  const onDay = s.dayEntries.get(e.day);
  if (onDay) onDay.push(i);
  else s.dayEntries.set(e.day, [i]);
  const month = monthOfDay(e.day);
  const customer = e.kind === 'sale' ? e.customerId : undefined;
  // a split sale is one order for each rep, but still one order for the team and the company
  post(s, ownerKey('rep', e.repId), e.day, month, e.amount, e.units, e.orders, customer, i);
  return month;
};

const applySale = (s: SalesLedger, d: SaleRecordedData, position: number, ms: number) => {
  const day = localDay(ms, s.zone);
  let month = 0;
  for (const c of d.credits)
    month = record(s, { position, kind: 'sale', orderId: d.orderId, customerId: d.customerId, repId: c.repId, teamId: c.teamId, ms, day, amount: c.amount, units: c.units, orders: 1 });
  if (d.credits.length === 1) {
    const c = d.credits[0];
    post(s, ownerKey('team', c.teamId), day, month, c.amount, c.units, 1, d.customerId, undefined);
  } else {
    const teams = new Map<string, { amount: number; units: number }>();
    for (const c of d.credits) {
      const t = teams.get(c.teamId) ?? { amount: 0, units: 0 };
      teams.set(c.teamId, { amount: t.amount + c.amount, units: t.units + c.units });
    }
    for (const [teamId, t] of teams) post(s, ownerKey('team', teamId), day, month, t.amount, t.units, 1, d.customerId, undefined);
  }
  post(s, 'company', day, month, d.amount, d.units, 1, d.customerId, undefined);
  // a customer's own buckets keep no set of itself: a day with its sale has orders (customersOnDay)
  post(s, ownerKey('customer', d.customerId), day, month, d.amount, d.units, 1, undefined, undefined);
  for (const l of d.lines) post(s, ownerKey('product', l.product), day, month, l.amount, l.units, 1, d.customerId, undefined);
  s.orders.set(d.orderId, { customerId: d.customerId, lines: d.lines });
  const first = s.firstSales.get(d.customerId);
  if (!first || ms < first.ms)
    s.firstSales.set(d.customerId, { ms, position, repIds: d.credits.map((c) => c.repId), teamIds: [...new Set(d.credits.map((c) => c.teamId))] });
};

const applyRefund = (s: SalesLedger, d: SaleRefundedData, position: number, ms: number) => {
  const day = localDay(ms, s.zone);
  let month = monthOfDay(day);
  for (const c of d.credits)
    month = record(s, { position, kind: 'refund', orderId: d.orderId, customerId: d.customerId, repId: c.repId, teamId: c.teamId, ms, day, amount: -c.amount, units: 0, orders: 0 });
  const teams = new Map<string, number>();
  for (const c of d.credits) teams.set(c.teamId, (teams.get(c.teamId) ?? 0) + c.amount);
  for (const [teamId, amount] of teams) post(s, ownerKey('team', teamId), day, month, -amount, 0, 0, undefined, undefined);
  post(s, 'company', day, month, -d.amount, 0, 0, undefined, undefined);
  post(s, ownerKey('customer', d.customerId), day, month, -d.amount, 0, 0, undefined, undefined);
  // A refund names no products: it is shared over the order's lines by their amounts.
  const order = s.orders.get(d.orderId);
  if (order && order.lines.length > 0) {
    const total = order.lines.reduce((a, l) => a + l.amount, 0);
    const parts = total > 0 ? largestRemainder(d.amount, order.lines.map((l) => l.amount)) : order.lines.map((_, i) => (i === 0 ? d.amount : 0));
    order.lines.forEach((l, i) => post(s, ownerKey('product', l.product), day, month, -parts[i], 0, 0, undefined, undefined));
  }
};

/**
 * A copy for an asOf snapshot (projection.ts), sharing only what the fold never changes: entries,
 * order infos and first sales are replaced, never edited, so the copy shares them; totals and
 * customer sets are added to in place, so they are copied. About 10× faster than structuredClone.
 */
const copyLedger = (s: SalesLedger): SalesLedger => {
  const totals = (m: Map<number, Totals>) => {
    const out = new Map<number, Totals>();
    for (const [k, t] of m) out.set(k, { revenue: t.revenue, units: t.units, orders: t.orders });
    return out;
  };
  const owners = new Map<OwnerKey, Buckets>();
  for (const [key, b] of s.owners) {
    const customersByDay = new Map<number, Set<string>>();
    for (const [day, set] of b.customersByDay) customersByDay.set(day, new Set(set));
    owners.set(key, { byDay: totals(b.byDay), byMonth: totals(b.byMonth), customersByDay, entries: b.entries.slice() });
  }
  const dayEntries = new Map<number, number[]>();
  for (const [day, list] of s.dayEntries) dayEntries.set(day, list.slice());
  return { zone: s.zone, entries: s.entries.slice(), owners, orders: new Map(s.orders), firstSales: new Map(s.firstSales), dayEntries };
};

export const salesLedgerProjection = defineProjection<SalesLedger>({
  name: 'salesLedger',
  init: (settings) => ({ zone: settings.zone, entries: [], owners: new Map(), orders: new Map(), firstSales: new Map(), dayEntries: new Map() }),
  apply: (s, e) => {
    if (e.type === 'SaleRecorded') applySale(s, e.data as SaleRecordedData, e.position, toMillis(e.occurredAt));
    else if (e.type === 'SaleRefunded') applyRefund(s, e.data as SaleRefundedData, e.position, toMillis(e.occurredAt));
    return s;
  },
  snapshot: copyLedger,
});

// ---------- queries ----------

export interface DayRange {
  /** inclusive local epoch day */
  readonly from: number;
  /** exclusive */
  readonly to: number;
}

export const dayRange = (periodId: string, zone: string): DayRange => {
  const b = periodBounds(periodId, zone);
  return { from: localDay(b.start, zone), to: localDay(b.end, zone) };
};

/** Revenue, units and orders of an owner over a period (month buckets where the period allows). */
export const totals = (s: SalesLedger, owner: OwnerKey, periodId: string): Totals => {
  const b = s.owners.get(owner);
  const out = zero();
  if (!b) return out;
  const p = parsePeriod(periodId);
  if (!p) throw new RangeError(`not a period id: ${periodId}`);
  const range = dayRange(periodId, s.zone);
  if (p.kind === 'year' || p.kind === 'quarter' || p.kind === 'month') {
    for (let m = monthOfDay(range.from), end = monthOfDay(range.to - 1); m <= end; m++) {
      const t = b.byMonth.get(m);
      if (t) (out.revenue += t.revenue), (out.units += t.units), (out.orders += t.orders);
    }
  } else {
    for (let d = range.from; d < range.to; d++) {
      const t = b.byDay.get(d);
      if (t) (out.revenue += t.revenue), (out.units += t.units), (out.orders += t.orders);
    }
  }
  return out;
};

const CUSTOMER = 'customer:';

/** The customers with a sale credited to the owner on a local day. */
export const customersOnDay = (s: SalesLedger, owner: OwnerKey, day: number): Iterable<string> => {
  const b = s.owners.get(owner);
  if (!b) return [];
  if (owner.startsWith(CUSTOMER)) return (b.byDay.get(day)?.orders ?? 0) > 0 ? [owner.slice(CUSTOMER.length)] : [];
  return b.customersByDay.get(day) ?? [];
};

/** Distinct customers with a sale credited to the owner in the period. */
export const activeCustomers = (s: SalesLedger, owner: OwnerKey, periodId: string): Set<string> => {
  const out = new Set<string>();
  const b = s.owners.get(owner);
  if (!b) return out;
  const range = dayRange(periodId, s.zone);
  if (owner.startsWith(CUSTOMER)) {
    // only sales count orders, so a day with orders is a day the customer bought
    for (const [d, t] of b.byDay) if (d >= range.from && d < range.to && t.orders > 0) return out.add(owner.slice(CUSTOMER.length));
    return out;
  }
  if (range.to - range.from > b.customersByDay.size) {
    for (const [d, set] of b.customersByDay) if (d >= range.from && d < range.to) for (const c of set) out.add(c);
  } else {
    for (let d = range.from; d < range.to; d++) for (const c of b.customersByDay.get(d) ?? []) out.add(c);
  }
  return out;
};

const ownerMatchesFirstSale = (owner: OwnerKey, f: FirstSale, customerId: string): boolean => {
  if (owner === 'company') return true;
  const [kind, id] = splitOwner(owner);
  if (kind === 'rep') return f.repIds.includes(id);
  if (kind === 'team') return f.teamIds.includes(id);
  if (kind === 'customer') return id === customerId;
  return false;
};

export const splitOwner = (owner: OwnerKey): [string, string] => {
  const i = owner.indexOf(':');
  return i < 0 ? [owner, ''] : [owner.slice(0, i), owner.slice(i + 1)];
};

/** Customers whose first-ever sale falls in the period and was credited to the owner. */
export const newCustomers = (s: SalesLedger, owner: OwnerKey, periodId: string): string[] => {
  const b = periodBounds(periodId, s.zone);
  const out: string[] = [];
  for (const [customerId, f] of s.firstSales) if (f.ms >= b.start && f.ms < b.end && ownerMatchesFirstSale(owner, f, customerId)) out.push(customerId);
  return out;
};

/** New customers of the period counted for every rep and team at once (one pass). */
export const newCustomersByOwner = (s: SalesLedger, periodId: string): Map<OwnerKey, number> => {
  const b = periodBounds(periodId, s.zone);
  const out = new Map<OwnerKey, number>();
  const bump = (k: string) => out.set(k, (out.get(k) ?? 0) + 1);
  for (const f of s.firstSales.values()) {
    if (f.ms < b.start || f.ms >= b.end) continue;
    bump('company');
    for (const r of f.repIds) bump(`rep:${r}`);
    for (const t of f.teamIds) bump(`team:${t}`);
  }
  return out;
};

/** The value of a contract metric for an owner over a period. */
export const metricValue = (s: SalesLedger, owner: OwnerKey, metric: Metric, periodId: string): number => {
  switch (metric) {
    case 'revenue':
      return totals(s, owner, periodId).revenue;
    case 'units':
      return totals(s, owner, periodId).units;
    case 'orders':
      return totals(s, owner, periodId).orders;
    case 'activeCustomers':
      return activeCustomers(s, owner, periodId).size;
    case 'newCustomers':
      return newCustomers(s, owner, periodId).length;
  }
};

/** The rep-level entries (sale and refund credits) of a rep, team, company or customer in a period. */
export const entriesIn = (s: SalesLedger, owner: OwnerKey, periodId: string): LedgerEntry[] => {
  const b = periodBounds(periodId, s.zone);
  const [kind, id] = splitOwner(owner);
  const pick = (e: LedgerEntry) => e.ms >= b.start && e.ms < b.end;
  if (kind === 'rep') return (s.owners.get(owner)?.entries ?? []).map((i) => s.entries[i]).filter(pick);
  if (kind === 'team') return s.entries.filter((e) => e.teamId === id && pick(e));
  if (kind === 'customer') return s.entries.filter((e) => e.customerId === id && pick(e));
  return s.entries.filter(pick);
};

/** A metric of a rep over any span of business time [start, end) (a contest window, a period to date), from its credits. */
export const repValueBetween = (ledger: SalesLedger, repId: string, metric: string, start: number, end: number): number => {
  if (metric === 'newCustomers') {
    let n = 0;
    for (const f of ledger.firstSales.values()) if (f.ms >= start && f.ms < end && f.repIds.includes(repId)) n++;
    return n;
  }
  let sum = 0;
  const customers = new Set<string>();
  for (const i of ledger.owners.get(`rep:${repId}`)?.entries ?? []) {
    const e = ledger.entries[i];
    if (e.ms < start || e.ms >= end) continue;
    if (metric === 'revenue') sum += e.amount;
    else if (metric === 'units') sum += e.units;
    else if (metric === 'orders') sum += e.orders;
    else if (e.kind === 'sale') customers.add(e.customerId);
  }
  return metric === 'activeCustomers' ? customers.size : sum;
};

/** Daily values of revenue/units/orders for an owner, for sparklines and seasonal weights. */
export const dailyTotals = (s: SalesLedger, owner: OwnerKey, periodId: string): { day: number; totals: Totals }[] => {
  const b = s.owners.get(owner);
  const range = dayRange(periodId, s.zone);
  const out: { day: number; totals: Totals }[] = [];
  for (let d = range.from; d < range.to; d++) out.push({ day: d, totals: b?.byDay.get(d) ?? zero() });
  return out;
};

/** `YYYY-MM-DD` of a local epoch day. */
export const dayId = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const isMetric = (m: unknown): m is Metric => typeof m === 'string' && (METRICS as readonly string[]).includes(m);
