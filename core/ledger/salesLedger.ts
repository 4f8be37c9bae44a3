// The sales ledger: every credit of a sale and of a refund, from which the contract metrics
// (revenue net of refunds, units, orders, newCustomers, activeCustomers) of any owner — the
// company, a team, a rep, a customer, a product — over any period are read. Goals, the
// leaderboard, analytics, payouts, scorecards and reviews all read their sales figures here, so
// they agree to the fen. Business time (occurredAt) places a fact in a period; a refund lowers
// revenue in the period in which the refund occurred and changes no units or orders.
//
// Stored as columns (ledgerColumns.ts): one row per credit in log order, ids interned, per rep
// and team per month the ascending list of its rows (the company's rows are its teams'), and per
// customer a chain through its rows. Rows are only ever appended, so the ledger as
// it stood at any earlier position is the same columns read below a cut (`ledgerAt`): asOf reads
// a view, it never refolds the sales. Every reader goes through the query functions below, which
// read no row past the view's cut.
import { offsetMinutes, parsePeriod, periodBounds, toMillis } from '../shared/period';
import { largestRemainder } from '../shared/money';
import type { SaleRecordedData, SaleRefundedData } from '../sales/events';
import { bytes, Column, fitsChunk, int32s, IntColumn, IntList, Interner, MASK, SHIFT, WIDE } from './ledgerColumns';
import { StringTable } from './stringTable';
import { defineProjection } from '../fold/projection';
import { runSteps, STEP_ROWS, type Steps } from '../fold/steps';

export type Metric = 'revenue' | 'units' | 'orders' | 'newCustomers' | 'activeCustomers';
export const METRICS: readonly Metric[] = ['revenue', 'units', 'orders', 'newCustomers', 'activeCustomers'];

/** `company`, `team:ID`, `rep:ID`, `customer:ID`, `product:NAME` */
export type OwnerKey = string;

/** One credit as a record, made on demand from the columns. */
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

export interface FirstSale {
  readonly ms: number;
  readonly position: number;
  readonly repIds: readonly string[];
  readonly teamIds: readonly string[];
}

export interface OrderLine {
  readonly product: string;
  readonly units: number;
  readonly amount: number;
}

export interface OrderInfo {
  readonly customerId: string;
  readonly position: number;
  readonly lines: readonly OrderLine[];
  /** the credits' reps and shares, in credit order */
  readonly repIds: readonly string[];
  readonly shares: readonly string[];
}

const WHOLE = '1';
const WHOLE_ID = 0;
const SALE = 0;
const REFUND = 1;

/** The columns every view of one ledger shares; only the fold appends to them. */
export class LedgerData {
  rows = 0;
  /** the capacity of every row column (they grow together) */
  capacity = 0;
  readonly position = new Column(int32s);
  readonly kind = new Column(bytes);
  readonly order = new Column(int32s);
  readonly customer = new Column(int32s);
  readonly rep = new Column(int32s);
  readonly team = new Column(int32s);
  readonly share = new Column(int32s);
  /** business time as its local day and the ms from that day's start: two Int32s, not a Float64 and an Int32 (read with msAt) */
  readonly day = new Column(int32s);
  readonly msInDay = new Column(int32s);
  readonly amount = new IntColumn();
  readonly units = new IntColumn();
  /** order ids are as many as sales: a table of typed arrays, not a Map of strings */
  readonly orderIds = new StringTable();
  readonly customerIds = new Interner();
  readonly repIds = new Interner();
  readonly teamIds = new Interner();
  /** most credits are a sale's whole: its share is interned first, and the fold finds it without a lookup */
  readonly shareIds = new Interner([WHOLE]);
  readonly productIds = new Interner();
  /** per order id: the first row of the sale that recorded it (-1: not recorded), and its lines */
  readonly orderRow = new Column(int32s, -1);
  readonly lineStart = new Column(int32s);
  readonly lineCount = new Column(int32s);
  lines = 0;
  lineCapacity = 0;
  readonly lineProduct = new Column(int32s);
  readonly lineUnits = new IntColumn();
  readonly lineAmount = new IntColumn();
  /** owner → month → ascending rows credited to it (products are read through their orders' lines) */
  readonly owners = new Map<OwnerKey, Map<number, IntList>>();
  /** per interned customer, each first sale it had, in log order: a late-recorded earlier sale replaces it */
  readonly firstSales: (FirstSale[] | undefined)[] = [];
  /** interned customers with a first sale, in the order of their first */
  readonly firstSaleCustomers: number[] = [];
  /** per interned customer, the business time of its first sale as known at the head: the fold compares a sale with it in one read */
  readonly firstMs: number[] = [];
  /**
   * per interned rep and team, each sale credit that was its earliest by business time when
   * folded, in log order: the earliest as of a position is the last one folded by then (a badge
   * asks every rep's, and scanning each rep's every row for it read the whole ledger)
   */
  readonly firstCredits = { rep: [] as (FirstCredit[] | undefined)[], team: [] as (FirstCredit[] | undefined)[] };
  /** per interned rep and team, the business time of the last of its firstCredits: the fold compares a credit with it without reading the list */
  readonly firstCreditMs = { rep: [] as number[], team: [] as number[] };
  /** the chunks the fold appends rows to */
  readonly writer = new RowWriter();
  /** the fold's shortcut to the lists above: per interned rep and team, the list it was last posted to and its month */
  readonly posting = { rep: new PostingCache(), team: new PostingCache() };
  /**
   * A customer's rows as a chain through the rows, newest first: per row the customer's row before
   * it, per interned customer its latest row (-1: none). Customers are many and their rows few: a
   * list object per customer cost a cache miss or three per credit, where the chain costs two
   * writes, one of them to a small array that stays in cache.
   */
  readonly customerPrev = new Column(int32s, -1);
  readonly customerLast = new Column(int32s, -1);
}

interface FirstCredit {
  readonly ms: number;
  readonly position: number;
}

/**
 * Note a sale credit in an owner's earliest credits if it is earlier than any before it (a tie
 * stays with the earlier position). `lastMs[id]` is the ms of the last in `firsts[id]`.
 */
const noteFirst = (firsts: (FirstCredit[] | undefined)[], lastMs: number[], id: number, ms: number, position: number) => {
  const last = lastMs[id];
  if (last === undefined) (firsts[id] = [{ ms, position }]), (lastMs[id] = ms);
  else if (ms < last) firsts[id]!.push({ ms, position }), (lastMs[id] = ms);
};

/**
 * Per interned id, the owner's list of the month last posted to: sales arrive roughly in business
 * order, so a post finds its list with one comparison instead of building the owner key and
 * looking it up in two Maps.
 */
class PostingCache {
  readonly month: number[] = [];
  readonly list: IntList[] = [];
}

const EMPTY: Int32Array = new Int32Array(0);

/** The chunks holding row i of each column the fold writes (read at `i & MASK`). */
const chunksAt = (d: LedgerData, i: number) => ({
  position: d.position.chunkOf(i), kind: d.kind.chunkOf(i), order: d.order.chunkOf(i), customer: d.customer.chunkOf(i),
  rep: d.rep.chunkOf(i), team: d.team.chunkOf(i), share: d.share.chunkOf(i), day: d.day.chunkOf(i), msInDay: d.msInDay.chunkOf(i),
  amount: d.amount.chunkOf(i), units: d.units.chunkOf(i), customerPrev: d.customerPrev.chunkOf(i),
});
type RowChunks = ReturnType<typeof chunksAt>;

/**
 * The fold's counterpart of RowReader: the chunks the next rows go to, fetched again only when a
 * row falls in another chunk (or the columns grew), so appending a row is one store per column.
 */
class RowWriter {
  chunk = -1;
  private chunks?: RowChunks;

  /** The chunks holding row i (below the capacity). */
  at(d: LedgerData, i: number): RowChunks {
    if (i >>> SHIFT !== this.chunk || !this.chunks) (this.chunk = i >>> SHIFT), (this.chunks = chunksAt(d, i));
    return this.chunks;
  }
}

/**
 * Rows read in ascending runs (an owner's list, a gathered span): the columns' chunks holding the
 * current row as plain arrays, fetched again only when a row falls in another chunk, so a loop
 * over a quarter's rows reads each value with one array load. `at(i)` points at row i and gives
 * its offset in the chunks.
 */
export class RowReader {
  private chunk = -1;
  private o = 0;
  day = EMPTY;
  msInDay = EMPTY;
  kind: Uint8Array = new Uint8Array(0);
  position = EMPTY;
  order = EMPTY;
  customer = EMPTY;
  rep = EMPTY;
  team = EMPTY;
  private amount = EMPTY;
  private units = EMPTY;

  constructor(private readonly d: LedgerData) {}

  at(i: number): number {
    if (i >>> SHIFT !== this.chunk) {
      const d = this.d;
      this.chunk = i >>> SHIFT;
      (this.day = d.day.chunkOf(i)), (this.msInDay = d.msInDay.chunkOf(i)), (this.kind = d.kind.chunkOf(i)), (this.position = d.position.chunkOf(i));
      (this.order = d.order.chunkOf(i)), (this.customer = d.customer.chunkOf(i)), (this.rep = d.rep.chunkOf(i)), (this.team = d.team.chunkOf(i));
      (this.amount = d.amount.chunkOf(i)), (this.units = d.units.chunkOf(i));
    }
    return (this.o = i & MASK);
  }

  /** The amount of row i, the row last pointed at. */
  amountOf(i: number): number {
    const v = this.amount[this.o];
    return v === WIDE ? this.d.amount.get(i) : v;
  }

  unitsOf(i: number): number {
    const v = this.units[this.o];
    return v === WIDE ? this.d.units.get(i) : v;
  }

  /** Is the row last pointed at a sale's credit (not a refund's)? */
  isSale(): boolean {
    return this.kind[this.o] === SALE;
  }

  /** Is row i, the row last pointed at, the first of its sale or refund? */
  firstOfEvent(i: number): boolean {
    return i === 0 || (this.o > 0 ? this.position[this.o - 1] : this.d.position.get(i - 1)) !== this.position[this.o];
  }

  /** Is row i, the row last pointed at, the only credit of its sale or refund, in a view of `rows` rows (soleCredit)? */
  soleCredit(i: number, rows: number): boolean {
    const at = this.position[this.o];
    if (i > 0 && (this.o > 0 ? this.position[this.o - 1] : this.d.position.get(i - 1)) === at) return false;
    return i + 1 >= rows || (this.o + 1 < this.position.length ? this.position[this.o + 1] : this.d.position.get(i + 1)) !== at;
  }

  /** Business time of row i, the row last pointed at, epoch ms. */
  ms(): number {
    return this.day[this.o] * DAY_MS + this.msInDay[this.o];
  }
}

/** The ledger as of a position: the shared columns, read below a cut. */
export interface SalesLedger {
  readonly zone: string;
  readonly data: LedgerData;
  /** rows visible; absent: every row (the live ledger) */
  readonly cut?: number;
  /** the position of the cut; absent: the live ledger */
  readonly position?: number;
}

const DAY_MS = 86_400_000;

/** The business time of row `i`, epoch ms. */
const msAt = (d: LedgerData, i: number): number => d.day.get(i) * DAY_MS + d.msInDay.get(i);

export const localDay = (ms: number, zone: string): number => Math.floor((ms + offsetMinutes(ms, zone) * 60_000) / DAY_MS);

// The month of a local day, memoised for the fold's hot path; a pure function of its argument.
const monthCache = new Map<number, number>();
/** the day monthOfDay was asked last and its month: sales come mostly day by day */
const lastMonthOf = { day: NaN, month: 0 };
const monthOfDay = (day: number): number => {
  if (day === lastMonthOf.day) return lastMonthOf.month;
  let m = monthCache.get(day);
  if (m === undefined) {
    const d = new Date(day * DAY_MS);
    monthCache.set(day, (m = d.getUTCFullYear() * 12 + d.getUTCMonth()));
  }
  (lastMonthOf.day = day), (lastMonthOf.month = m);
  return m;
};

const COMPANY = 'company';
const PRODUCT = 'product:';
const CUSTOMER = 'customer:';
const REP = 'rep:';
const TEAM = 'team:';

const list = (d: LedgerData, owner: OwnerKey, month: number): IntList => {
  let months = d.owners.get(owner);
  if (!months) d.owners.set(owner, (months = new Map()));
  let l = months.get(month);
  if (!l) months.set(month, (l = new IntList()));
  return l;
};

/** Room for row `n` in every column (called when `n` reached the capacity). */
const growRows = (d: LedgerData, n: number) => {
  for (const c of [d.position, d.kind, d.order, d.customer, d.rep, d.team, d.share, d.day, d.msInDay, d.amount, d.units, d.customerPrev]) c.reserve(n);
  d.capacity = d.position.capacity;
  d.writer.chunk = -1; // a first chunk that doubled is a new array
};

interface CreditIn {
  readonly repId: string;
  readonly teamId: string;
  readonly share?: string;
  readonly amount: number;
  readonly units?: number;
}

/** Append the credits of one sale or refund as rows, and list each row under its rep, team and customer (the company's rows are its teams'). */
const appendCredits = (d: LedgerData, kind: number, position: number, order: number, customer: number, ms: number, day: number, credits: readonly CreditIn[]): number => {
  const month = monthOfDay(day);
  const first = d.rows;
  if (customer >= d.customerLast.capacity) d.customerLast.reserve(customer);
  let customerRow = d.customerLast.get(customer);
  const writer = d.writer;
  for (const c of credits) {
    const i = d.rows++;
    if (i >= d.capacity) growRows(d, i);
    const rep = d.repIds.id(c.repId);
    const team = d.teamIds.id(c.teamId);
    const w = writer.at(d, i);
    const o = i & MASK;
    w.position[o] = position;
    w.kind[o] = kind;
    w.order[o] = order;
    w.customer[o] = customer;
    w.rep[o] = rep;
    w.team[o] = team;
    w.share[o] = c.share === undefined ? -1 : c.share === WHOLE ? WHOLE_ID : d.shareIds.id(c.share);
    w.day[o] = day;
    w.msInDay[o] = ms - day * DAY_MS;
    const amount = kind === SALE ? c.amount : -c.amount;
    if (fitsChunk(amount)) w.amount[o] = amount;
    else d.amount.set(i, amount);
    const units = kind === SALE ? (c.units ?? 0) : 0;
    if (fitsChunk(units)) w.units[o] = units;
    else d.units.set(i, units);
    posted(d, d.posting.rep, rep, REP, c.repId, month).push(i);
    if (kind === SALE) noteFirst(d.firstCredits.rep, d.firstCreditMs.rep, rep, ms, position), noteFirst(d.firstCredits.team, d.firstCreditMs.team, team, ms, position);
    posted(d, d.posting.team, team, TEAM, c.teamId, month).push(i);
    w.customerPrev[o] = customerRow;
    customerRow = i;
  }
  d.customerLast.set(customer, customerRow);
  return first;
};

/** The list an owner (`prefix` + `name`, interned as `id`) posts to in a month, through its cache: its key is built only on a miss. */
const posted = (d: LedgerData, cache: PostingCache, id: number, prefix: string, name: string, month: number): IntList => {
  if (cache.month[id] === month) return cache.list[id];
  const l = list(d, prefix + name, month);
  cache.month[id] = month;
  cache.list[id] = l;
  return l;
};

const recordOrder = (d: LedgerData, order: number, row: number, lines: SaleRecordedData['lines']) => {
  if (order >= d.orderRow.capacity) for (const c of [d.orderRow, d.lineStart, d.lineCount]) c.reserve(order);
  d.orderRow.set(order, row);
  d.lineStart.set(order, d.lines);
  d.lineCount.set(order, lines.length);
  for (const l of lines) {
    const j = d.lines++;
    if (j >= d.lineCapacity) {
      for (const c of [d.lineProduct, d.lineUnits, d.lineAmount]) c.reserve(j);
      d.lineCapacity = d.lineProduct.capacity;
    }
    d.lineProduct.set(j, d.productIds.id(l.product));
    d.lineUnits.set(j, l.units);
    d.lineAmount.set(j, l.amount);
  }
};

const applySale = (s: SalesLedger, e: SaleRecordedData, position: number, ms: number) => {
  const d = s.data;
  const order = d.orderIds.id(e.orderId);
  const customer = d.customerIds.id(e.customerId);
  const row = appendCredits(d, SALE, position, order, customer, ms, localDay(ms, s.zone), e.credits);
  recordOrder(d, order, row, e.lines);
  if (ms < (d.firstMs[customer] ?? Infinity)) {
    d.firstMs[customer] = ms;
    const history = d.firstSales[customer];
    const f = { ms, position, repIds: e.credits.map((c) => c.repId), teamIds: [...new Set(e.credits.map((c) => c.teamId))] };
    if (history) history.push(f);
    else {
      d.firstSales[customer] = [f];
      d.firstSaleCustomers.push(customer);
    }
  }
};

const applyRefund = (s: SalesLedger, e: SaleRefundedData, position: number, ms: number) => {
  const d = s.data;
  appendCredits(d, REFUND, position, d.orderIds.id(e.orderId), d.customerIds.id(e.customerId), ms, localDay(ms, s.zone), e.credits);
};

export const salesLedgerProjection = defineProjection({
  name: 'salesLedger',
  types: ['SaleRecorded', 'SaleRefunded'],
  init: (settings): SalesLedger => ({ zone: settings.zone, data: new LedgerData() }),
  apply: (s, e) => {
    if (e.type === 'SaleRecorded') applySale(s, e.data, e.position, toMillis(e.occurredAt));
    else if (e.type === 'SaleRefunded') applyRefund(s, e.data, e.position, toMillis(e.occurredAt));
    return s;
  },
  // rows are only appended: the ledger as of a position is the same columns read below a cut
  at: (live, position) => ledgerAt(live, position),
});

// ---------- the view ----------

/** Rows visible in the view. */
const rowsOf = (s: SalesLedger): number => s.cut ?? s.data.rows;
const positionOf = (s: SalesLedger): number => s.position ?? Infinity;

/** The ledger as it stood once the event at `position` was folded: a cut of the same columns. */
export const ledgerAt = (s: SalesLedger, position: number): SalesLedger => {
  const d = s.data;
  let lo = 0;
  let hi = rowsOf(s);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.position.get(mid) <= position) lo = mid + 1;
    else hi = mid;
  }
  return { zone: s.zone, data: d, cut: lo, position: Math.min(position, positionOf(s)) };
};

const entryAt = (d: LedgerData, i: number): LedgerEntry => ({
  position: d.position.get(i), kind: d.kind.get(i) === SALE ? 'sale' : 'refund', orderId: d.orderIds.name(d.order.get(i)), customerId: d.customerIds.names[d.customer.get(i)],
  repId: d.repIds.names[d.rep.get(i)], teamId: d.teamIds.names[d.team.get(i)], ms: msAt(d, i), day: d.day.get(i), amount: d.amount.get(i), units: d.units.get(i), orders: d.kind.get(i) === SALE ? 1 : 0,
});

/**
 * Each visible row of an owner in the months that local days [fromDay, toDay) touch (every month
 * when unbounded), month by month, ascending; a customer's every row. The company has no list of
 * its own (every row is in exactly one team's): its rows are its teams', team by team, so they
 * do not ascend. Callers filter by day or instant.
 */
const eachRow = (s: SalesLedger, owner: OwnerKey, fromDay: number, toDay: number, f: (row: number) => void): void => {
  const d = s.data;
  if (owner === COMPANY) for (const team of d.teamIds.names) eachListed(s, d.owners.get(TEAM + team), fromDay, toDay, f);
  else if (owner.startsWith(CUSTOMER)) eachOfCustomer(s, d.customerIds.find(owner.slice(CUSTOMER.length)), f);
  else eachListed(s, d.owners.get(owner), fromDay, toDay, f);
};

/** A customer's visible rows, ascending: its chain walked back from its latest row, then turned. */
const eachOfCustomer = (s: SalesLedger, customer: number, f: (row: number) => void): void => {
  const d = s.data;
  if (customer < 0 || customer >= d.customerLast.capacity) return;
  const cut = rowsOf(s);
  const rows: number[] = [];
  for (let r = d.customerLast.get(customer); r >= 0; r = d.customerPrev.get(r)) if (r < cut) rows.push(r);
  for (let k = rows.length - 1; k >= 0; k--) f(rows[k]);
};

const eachListed = (s: SalesLedger, months: Map<number, IntList> | undefined, fromDay: number, toDay: number, f: (row: number) => void): void => {
  const cut = rowsOf(s);
  for (const l of listsOf(months, fromDay, toDay, [])) for (let k = 0, n = l.countBelow(cut); k < n; k++) f(l.data[k]);
};

/** Add to `out` an owner's lists of the months that local days [fromDay, toDay) touch (every month when unbounded), ascending. */
const listsOf = (months: Map<number, IntList> | undefined, fromDay: number, toDay: number, out: IntList[]): IntList[] => {
  if (!months) return out;
  const add = (l: IntList | undefined) => l && out.push(l);
  if (Number.isFinite(fromDay) && Number.isFinite(toDay)) {
    if (toDay > fromDay) for (let m = monthOfDay(fromDay), end = monthOfDay(toDay - 1); m <= end; m++) add(months.get(m));
  } else for (const m of [...months.keys()].sort((a, b) => a - b)) add(months.get(m));
  return out;
};

/** Is row `i` the first of its sale or refund (a sale's credits are consecutive rows)? */
const firstOfEvent = (d: LedgerData, i: number): boolean => i === 0 || d.position.get(i - 1) !== d.position.get(i);

/**
 * What an owner was credited on local days [fromDay, toDay), as the old per-owner buckets held
 * it: one call per credit (per order line for a product), with the orders it adds — a sale is
 * one order for the rep, and one for its team, the company and the customer however many of
 * their reps share it — and its customer (-1 for a refund).
 */
const eachPost = (s: SalesLedger, owner: OwnerKey, fromDay: number, toDay: number, f: (day: number, ms: number, amount: number, units: number, orders: number, customer: number) => void): void => {
  const d = s.data;
  const product = owner.startsWith(PRODUCT) ? d.productIds.find(owner.slice(PRODUCT.length)) : undefined;
  if (product !== undefined) {
    if (product >= 0) eachProductPost(s, product, fromDay, toDay, f);
    return;
  }
  // a sale is one order of an owner: at its first row in the owner's ascending list, or for the
  // company (whose rows come team by team) at the sale's first row
  const company = owner === COMPANY;
  let last = -1;
  eachRow(s, owner, fromDay, toDay, (i) => {
    const day = d.day.get(i);
    if (day < fromDay || day >= toDay) return;
    const sale = d.kind.get(i) === SALE;
    const orders = sale && (company ? firstOfEvent(d, i) : d.position.get(i) !== last) ? 1 : 0;
    if (sale) last = d.position.get(i);
    f(day, msAt(d, i), d.amount.get(i), d.units.get(i), orders, sale ? d.customer.get(i) : -1);
  });
};

/** A product's part of each sale and refund: a sale's lines of it; a refund shared over the order's lines by their amounts. */
const eachProductPost = (s: SalesLedger, product: number, fromDay: number, toDay: number, f: (day: number, ms: number, amount: number, units: number, orders: number, customer: number) => void): void => {
  const d = s.data;
  eachRow(s, COMPANY, fromDay, toDay, (i) => {
    const day = d.day.get(i);
    if (day < fromDay || day >= toDay || !firstOfEvent(d, i)) return;
    const at = d.position.get(i);
    const order = d.order.get(i);
    if (saleRowOf(d, order) < 0) return;
    const start = d.lineStart.get(order);
    const n = d.lineCount.get(order);
    if (d.kind.get(i) === SALE) {
      for (let j = start; j < start + n; j++) if (d.lineProduct.get(j) === product) f(day, msAt(d, i), d.lineAmount.get(j), d.lineUnits.get(j), 1, d.customer.get(i));
      return;
    }
    let refund = 0;
    for (let r = i; r < rowsOf(s) && d.position.get(r) === at; r++) refund -= d.amount.get(r);
    const amounts = Array.from({ length: n }, (_, k) => d.lineAmount.get(start + k));
    const total = amounts.reduce((a, x) => a + x, 0);
    const parts = total > 0 ? largestRemainder(refund, amounts) : amounts.map((_, k) => (k === 0 ? refund : 0));
    for (let k = 0; k < n; k++) if (d.lineProduct.get(start + k) === product) f(day, msAt(d, i), -parts[k], 0, 0, -1);
  });
};

/** The first row of the sale that recorded an order id (-1: none). */
const saleRowOf = (d: LedgerData, order: number): number => (order < 0 || order >= d.orderRow.capacity ? -1 : d.orderRow.get(order));

const customerName = (s: SalesLedger, id: number): string => s.data.customerIds.names[id];

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

const zero = (): Totals => ({ revenue: 0, units: 0, orders: 0 });

/** Revenue, units and orders of an owner over local days [from, to). */
export const totalsBetweenDays = (s: SalesLedger, owner: OwnerKey, from: number, to: number): Totals => {
  // no day is cut (`to` is past the range)
  const { revenue, units, orders } = sumPosts(s, owner, from, to, to, Infinity, false);
  return { revenue, units, orders };
};

/** Revenue, units and orders of an owner over a period. */
export const totals = (s: SalesLedger, owner: OwnerKey, periodId: string): Totals => {
  if (!parsePeriod(periodId)) throw new RangeError(`not a period id: ${periodId}`);
  const range = dayRange(periodId, s.zone);
  return totalsBetweenDays(s, owner, range.from, range.to);
};

/** The customers with a sale credited to the owner on local days [from, to), each with the first day it bought. */
export const customersBetweenDays = (s: SalesLedger, owner: OwnerKey, from: number, to: number): Map<string, number> => {
  const first = new Map<number, number>();
  eachPost(s, owner, from, to, (day, _ms, _a, _u, _o, customer) => {
    if (customer < 0) return;
    const seen = first.get(customer);
    if (seen === undefined || day < seen) first.set(customer, day);
  });
  const out = new Map<string, number>();
  for (const [c, day] of first) out.set(customerName(s, c), day);
  return out;
};

/** The customers with a sale credited to the owner on a local day. */
export const customersOnDay = (s: SalesLedger, owner: OwnerKey, day: number): Iterable<string> => customersBetweenDays(s, owner, day, day + 1).keys();

/** Distinct customers with a sale credited to the owner in the period. */
export const activeCustomers = (s: SalesLedger, owner: OwnerKey, periodId: string): Set<string> => {
  const range = dayRange(periodId, s.zone);
  return new Set(customersBetweenDays(s, owner, range.from, range.to).keys());
};

export const splitOwner = (owner: OwnerKey): [string, string] => {
  const i = owner.indexOf(':');
  return i < 0 ? [owner, ''] : [owner.slice(0, i), owner.slice(i + 1)];
};

/** Was a customer's first sale credited to the owner (`company`, `team:ID`, `rep:ID`, `customer:ID`)? */
export const firstSaleCredits = (owner: OwnerKey, f: FirstSale, customerId: string): boolean => {
  if (owner === 'company') return true;
  const [kind, id] = splitOwner(owner);
  if (kind === 'rep') return f.repIds.includes(id);
  if (kind === 'team') return f.teamIds.includes(id);
  if (kind === 'customer') return id === customerId;
  return false;
};

/** A customer's earliest sale by business time as known in the view. */
export const firstSaleOf = (s: SalesLedger, customerId: string): FirstSale | undefined => firstSaleOfCustomer(s, s.data.customerIds.find(customerId));

/** An interned customer's earliest sale as known in the view. */
export const firstSaleOfCustomer = (s: SalesLedger, customer: number): FirstSale | undefined => {
  const history = s.data.firstSales[customer];
  if (!history) return undefined;
  const at = positionOf(s);
  for (let i = history.length - 1; i >= 0; i--) if (history[i].position <= at) return history[i];
  return undefined;
};

/** Every customer's first sale as known in the view. */
export function* firstSales(s: SalesLedger): Iterable<[string, FirstSale]> {
  const d = s.data;
  for (const c of d.firstSaleCustomers) {
    const f = firstSaleOfCustomer(s, c);
    if (f) yield [d.customerIds.names[c], f];
  }
}

/** Customers whose first-ever sale falls in the period and was credited to the owner. */
export const newCustomers = (s: SalesLedger, owner: OwnerKey, periodId: string): string[] => {
  const b = periodBounds(periodId, s.zone);
  const out: string[] = [];
  for (const [customerId, f] of firstSales(s)) if (f.ms >= b.start && f.ms < b.end && firstSaleCredits(owner, f, customerId)) out.push(customerId);
  return out;
};

/** Was a first sale credited to the owner (firstSaleCredits, the owner read once): by interned customer. */
const creditedTo = (s: SalesLedger, owner: OwnerKey): ((f: FirstSale, customer: number) => boolean) => {
  if (owner === COMPANY) return () => true;
  const [kind, id] = splitOwner(owner);
  if (kind === 'rep') return (f) => f.repIds.includes(id);
  if (kind === 'team') return (f) => f.teamIds.includes(id);
  if (kind === 'customer') return (_f, c) => s.data.customerIds.names[c] === id;
  return () => false;
};

/** How many customers had their first sale (as the view knows it) at a business time `keep` accepts, credited to the owner: one loop over the customers. */
export const countFirstSales = (s: SalesLedger, owner: OwnerKey, keep: (ms: number) => boolean): number => {
  const credited = creditedTo(s, owner);
  let n = 0;
  for (const c of s.data.firstSaleCustomers) {
    const f = firstSaleOfCustomer(s, c);
    if (f && keep(f.ms) && credited(f, c)) n++;
  }
  return n;
};

/** New customers of the period counted for every rep and team at once (one pass). */
export const newCustomersByOwner = (s: SalesLedger, periodId: string): Map<OwnerKey, number> => {
  const b = periodBounds(periodId, s.zone);
  const out = new Map<OwnerKey, number>();
  const bump = (k: string) => out.set(k, (out.get(k) ?? 0) + 1);
  for (const [, f] of firstSales(s)) {
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
    case 'newCustomers': {
      const b = periodBounds(periodId, s.zone);
      return countFirstSales(s, owner, (ms) => ms >= b.start && ms < b.end);
    }
  }
};

/**
 * The rep-level entries (sale and refund credits) of a rep, team, customer or the company with
 * business time in [start, end) (unbounded by default), in log order.
 */
export const entriesBetween = (s: SalesLedger, owner: OwnerKey, start = -Infinity, end = Infinity): LedgerEntry[] => {
  const d = s.data;
  const rows: number[] = [];
  const fromDay = Number.isFinite(start) ? localDay(start, s.zone) : -Infinity;
  const toDay = Number.isFinite(end) ? localDay(end - 1, s.zone) + 1 : Infinity;
  eachRow(s, owner.startsWith(PRODUCT) ? COMPANY : owner, fromDay, toDay, (i) => {
    if (msAt(d, i) >= start && msAt(d, i) < end) rows.push(i);
  });
  return rows.sort((a, b) => a - b).map((i) => entryAt(d, i));
};

/** The rep-level entries of an owner in a period, in log order. */
export const entriesIn = (s: SalesLedger, owner: OwnerKey, periodId: string): LedgerEntry[] => {
  const b = periodBounds(periodId, s.zone);
  return entriesBetween(s, owner, b.start, b.end);
};

/** The credits of the sale or refund at a log position: consecutive rows, since rows are in log order. */
export const creditsAt = (s: SalesLedger, position: number): LedgerEntry[] => {
  const d = s.data;
  const cut = rowsOf(s);
  let lo = 0;
  let hi = cut;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (d.position.get(mid) < position) lo = mid + 1;
    else hi = mid;
  }
  const out: LedgerEntry[] = [];
  for (let i = lo; i < cut && d.position.get(i) === position; i++) out.push(entryAt(d, i));
  return out;
};

/** An order as recorded (its lines, and its credits' reps and shares), if recorded in the view. */
export const orderOf = (s: SalesLedger, orderId: string): OrderInfo | undefined => {
  const d = s.data;
  const order = d.orderIds.find(orderId);
  const row = saleRowOf(d, order);
  if (row < 0 || row >= rowsOf(s)) return undefined;
  const lines: OrderLine[] = [];
  for (let j = d.lineStart.get(order), end = j + d.lineCount.get(order); j < end; j++) lines.push({ product: d.productIds.names[d.lineProduct.get(j)], units: d.lineUnits.get(j), amount: d.lineAmount.get(j) });
  const repIds: string[] = [];
  const shares: string[] = [];
  for (let i = row; i < d.rows && d.position.get(i) === d.position.get(row); i++) {
    repIds.push(d.repIds.names[d.rep.get(i)]);
    shares.push(d.share.get(i) < 0 ? '' : d.shareIds.names[d.share.get(i)]);
  }
  return { customerId: d.customerIds.names[d.customer.get(row)], position: d.position.get(row), lines, repIds, shares };
};

/**
 * Every rep's value of a metric over any span of business time [start, end) (a contest window, a
 * period to date): one pass over the company's rows of the months the span touches, making no
 * entry per credit — a leaderboard of a period in progress reads a year of credits at once.
 */
export const repValuesBetween = (s: SalesLedger, metric: string, start: number, end: number): Map<string, number> => {
  const d = s.data;
  const out = new Map<string, number>();
  if (metric === 'newCustomers') {
    for (const [, f] of firstSales(s)) if (f.ms >= start && f.ms < end) for (const r of new Set(f.repIds)) out.set(r, (out.get(r) ?? 0) + 1);
    return out;
  }
  const sums = new Float64Array(d.repIds.names.length);
  const customers: (Set<number> | undefined)[] = [];
  const fromDay = Number.isFinite(start) ? localDay(start, s.zone) : -Infinity;
  const toDay = Number.isFinite(end) ? localDay(end - 1, s.zone) + 1 : Infinity;
  eachRow(s, COMPANY, fromDay, toDay, (i) => {
    const ms = msAt(d, i);
    if (ms < start || ms >= end) return;
    const rep = d.rep.get(i);
    if (metric === 'revenue') sums[rep] += d.amount.get(i);
    else if (metric === 'units') sums[rep] += d.units.get(i);
    else if (d.kind.get(i) !== SALE) return;
    else if (metric === 'orders') sums[rep] += 1;
    else (customers[rep] ??= new Set()).add(d.customer.get(i));
  });
  d.repIds.names.forEach((repId, rep) => out.set(repId, metric === 'activeCustomers' ? (customers[rep]?.size ?? 0) : sums[rep]));
  return out;
};

// ---------- rows, for views that group many keys in one pass (views/rowGroups.ts) ----------

/**
 * Each visible row credited to the company, a team or a rep whose business time is in
 * [start, end), with whether it is the first row of its sale or refund that this owner's rows show:
 * where something counted once per sale (an order of a team, a customer, a product) is counted.
 * Rows come month by month (the company's team by team), not in log order.
 */
export const eachRowBetween = (s: SalesLedger, owner: OwnerKey, start: number, end: number, f: (row: number, first: boolean) => void): void => {
  const d = s.data;
  const fromDay = Number.isFinite(start) ? localDay(start, s.zone) : -Infinity;
  const toDay = Number.isFinite(end) ? localDay(end - 1, s.zone) + 1 : Infinity;
  const company = owner === COMPANY;
  let last = -1;
  eachRow(s, owner, fromDay, toDay, (i) => {
    const ms = msAt(d, i);
    if (ms < start || ms >= end) return;
    const at = d.position.get(i);
    f(i, company ? firstOfEvent(d, i) : at !== last);
    last = at;
  });
};

/** The rows of an owner in a span of business time, in eachRowBetween's order, each with its `first`. */
export interface SpanRows {
  readonly rows: Int32Array;
  /** 1 where the row is the first of its sale or refund that the owner's rows show */
  readonly first: Uint8Array;
  readonly length: number;
}

/**
 * The rows eachRowBetween visits, gathered once into arrays: a view that groups a quarter's rows
 * several ways reads them in tight loops, with no call per row (a company's quarter is a
 * quarter of a million credits). `fromRow`: only rows from that one on, each with the `first` it
 * has among all the span's rows.
 */
export const rowsBetween = (s: SalesLedger, owner: OwnerKey, start: number, end: number, fromRow = 0): SpanRows => {
  const d = s.data;
  const fromDay = Number.isFinite(start) ? localDay(start, s.zone) : -Infinity;
  const toDay = Number.isFinite(end) ? localDay(end - 1, s.zone) + 1 : Infinity;
  const cut = rowsOf(s);
  const lists = owner.startsWith(PRODUCT) ? [] : ownerLists(s, owner, fromDay, toDay);
  if (!lists) {
    const found: number[] = [];
    const firsts: number[] = [];
    eachRowBetween(s, owner, start, end, (row, first) => {
      if (row < fromRow) return;
      found.push(row);
      firsts.push(first ? 1 : 0);
    });
    return { rows: Int32Array.from(found), first: Uint8Array.from(firsts), length: found.length };
  }
  let most = 0;
  for (const l of lists) most += l.countBelow(cut) - l.countBelow(fromRow);
  const rows = new Int32Array(most);
  const first = new Uint8Array(most);
  const company = owner === COMPANY;
  let n = 0;
  let last = -1;
  const r = new RowReader(d);
  for (const l of lists) {
    const data = l.data;
    const from = fromRow > 0 ? l.countBelow(fromRow) : 0;
    // a list read from a row on: its row before may be of the same sale (every row of a sale has one business time, so it is in the span too)
    if (from > 0) last = d.position.get(data[from - 1]);
    for (let k = from, m = l.countBelow(cut); k < m; k++) {
      const i = data[k];
      const o = r.at(i);
      const ms = r.ms();
      if (ms < start || ms >= end) continue;
      const at = r.position[o];
      rows[n] = i;
      first[n++] = (company ? r.firstOfEvent(i) : at !== last) ? 1 : 0;
      last = at;
    }
  }
  return { rows, first, length: n };
};

/** The business time of a row, epoch ms. */
export const rowMs = (s: SalesLedger, i: number): number => msAt(s.data, i);

/** Is a row a sale's credit (not a refund's)? */
export const isSaleRow = (s: SalesLedger, i: number): boolean => s.data.kind.get(i) === SALE;

/** The first row of the sale or refund that row `i` belongs to (its credits are consecutive rows). */
export const eventStart = (s: SalesLedger, i: number): number => {
  const d = s.data;
  const at = d.position.get(i);
  while (i > 0 && d.position.get(i - 1) === at) i--;
  return i;
};

/** How many credits the sale or refund starting at row `first` has. */
export const eventLength = (s: SalesLedger, first: number): number => {
  const d = s.data;
  const at = d.position.get(first);
  let n = 1;
  for (const cut = rowsOf(s); first + n < cut && d.position.get(first + n) === at; ) n++;
  return n;
};

/** The first line of an interned order and how many it has; count 0 when its sale is not in the view (as orderOf's undefined). */
export const linesOfOrder = (s: SalesLedger, order: number): { readonly start: number; readonly count: number } => {
  const d = s.data;
  const row = saleRowOf(d, order);
  return row < 0 || row >= rowsOf(s) ? { start: 0, count: 0 } : { start: d.lineStart.get(order), count: d.lineCount.get(order) };
};

/** How many lines an interned order has in the view (0 when its sale is not in it): linesOfOrder's count, with no record made. */
export const lineCountOf = (s: SalesLedger, order: number): number => {
  const row = saleRowOf(s.data, order);
  return row < 0 || row >= rowsOf(s) ? 0 : s.data.lineCount.get(order);
};

/** The first row of the sale or refund folded at `position` (-1: none in the view): the rows of the view before it are those folded by the position before. */
export const rowOfPosition = (s: SalesLedger, position: number): number => {
  const row = rowsOf(ledgerAt(s, position - 1));
  return row < rowsOf(s) && s.data.position.get(row) === position ? row : -1;
};

/** How many rows the view shows. */
export const visibleRows = (s: SalesLedger): number => rowsOf(s);

/** Is row `i` the only credit of its sale or refund? */
export const soleCredit = (s: SalesLedger, i: number): boolean => {
  const d = s.data;
  const at = d.position.get(i);
  return (i === 0 || d.position.get(i - 1) !== at) && (i + 1 >= rowsOf(s) || d.position.get(i + 1) !== at);
};

/** The position of an interned customer's first sale as known in the view (-1: none): firstSaleOf without the name. */
export const firstSalePosition = (s: SalesLedger, customer: number): number => firstSaleOfCustomer(s, customer)?.position ?? -1;

/** An owner's earliest sale credit by business time in the view (a late-recorded earlier sale counts; ties: the earlier position), read from the columns. */
export const firstSaleCredit = (s: SalesLedger, owner: OwnerKey): { readonly ms: number; readonly position: number } | undefined => {
  const d = s.data;
  const [kind, name] = splitOwner(owner);
  if (kind === 'rep' || kind === 'team') {
    const id = (kind === 'rep' ? d.repIds : d.teamIds).find(name);
    const h = id < 0 ? undefined : (kind === 'rep' ? d.firstCredits.rep : d.firstCredits.team)[id];
    const at = positionOf(s);
    for (let k = (h?.length ?? 0) - 1; k >= 0; k--) if (h![k].position <= at) return h![k];
    return undefined;
  }
  let best = -1;
  eachRow(s, owner, -Infinity, Infinity, (i) => {
    if (d.kind.get(i) === SALE && (best < 0 || msAt(d, i) < msAt(d, best) || (msAt(d, i) === msAt(d, best) && d.position.get(i) < d.position.get(best)))) best = i;
  });
  return best < 0 ? undefined : { ms: msAt(d, best), position: d.position.get(best) };
};

/** Revenue, units and orders of an owner on each local day of [from, to). */
export const dailyTotalsBetween = (s: SalesLedger, owner: OwnerKey, from: number, to: number): Totals[] => {
  const out = Array.from({ length: Math.max(0, to - from) }, zero);
  eachPost(s, owner, from, to, (day, _ms, amount, units, orders) => {
    const t = out[day - from];
    t.revenue += amount;
    t.units += units;
    t.orders += orders;
  });
  return out;
};

/** Daily values of revenue/units/orders for an owner, for sparklines and seasonal weights. */
export const dailyTotals = (s: SalesLedger, owner: OwnerKey, periodId: string): { day: number; totals: Totals }[] => {
  const range = dayRange(periodId, s.zone);
  return dailyTotalsBetween(s, owner, range.from, range.to).map((totals, i) => ({ day: range.from + i, totals }));
};

/** What an owner (company, team, rep, customer) was credited on local day `day` up to the instant `atMs` (inclusive). */
export const totalsOnDayBy = (s: SalesLedger, owner: OwnerKey, day: number, atMs: number): Totals & { customers: Set<string> } => {
  const out = { ...zero(), customers: new Set<string>() };
  eachPost(s, owner, day, day + 1, (_d, ms, amount, units, orders, customer) => {
    if (ms > atMs) return;
    out.revenue += amount;
    out.units += units;
    out.orders += orders;
    if (customer >= 0) out.customers.add(customerName(s, customer));
  });
  return out;
};

/**
 * Revenue, units, orders and active customers of an owner on local days [from, to), counting on
 * the day `cutDay` only what occurred by the instant `atMs` (inclusive): the four figures valueBy
 * reads one by one, in one pass.
 */
export const figuresOnDays = (s: SalesLedger, owner: OwnerKey, from: number, to: number, cutDay: number, atMs: number): Totals & { activeCustomers: number } =>
  sumPosts(s, owner, from, to, cutDay, atMs, true);

/**
 * Revenue, units and orders of an owner's posts on local days [from, to), on the day `cutDay` only
 * those by the instant `atMs`, and when asked its distinct customers: eachPost's posts, for the
 * company, a team or a rep read from its lists in one loop with no call per row.
 */
const sumPosts = (s: SalesLedger, owner: OwnerKey, from: number, to: number, cutDay: number, atMs: number, customers: boolean): Totals & { activeCustomers: number } => {
  const out = { ...zero(), activeCustomers: 0 };
  const d = s.data;
  // a mark per interned customer: a quarter's credits are hundreds of thousands, its customers a few thousand
  const seen = new Uint8Array(customers ? d.customerIds.names.length : 0);
  const lists = ownerLists(s, owner, from, to);
  if (!lists) {
    eachPost(s, owner, from, to, (day, ms, amount, units, orders, customer) => {
      if (day === cutDay && ms > atMs) return;
      out.revenue += amount;
      out.units += units;
      out.orders += orders;
      if (customers && customer >= 0 && seen[customer] === 0) (seen[customer] = 1), out.activeCustomers++;
    });
    return out;
  }
  const company = owner === COMPANY;
  const cut = rowsOf(s);
  let last = -1;
  const r = new RowReader(d);
  for (const l of lists)
    for (let k = 0, n = l.countBelow(cut), rows = l.data; k < n; k++) {
      const i = rows[k];
      const o = r.at(i);
      const day = r.day[o];
      if (day < from || day >= to) continue;
      const sale = r.kind[o] === SALE;
      const at = r.position[o];
      const orders = sale && (company ? r.firstOfEvent(i) : at !== last) ? 1 : 0;
      if (sale) last = at;
      if (day === cutDay && msAt(d, i) > atMs) continue;
      out.revenue += r.amountOf(i);
      out.units += r.unitsOf(i);
      out.orders += orders;
      if (customers && sale && seen[r.customer[o]] === 0) (seen[r.customer[o]] = 1), out.activeCustomers++;
    }
  return out;
};

/** The lists eachRow walks for the company, a team or a rep; undefined for a customer or a product, which are read otherwise. */
const ownerLists = (s: SalesLedger, owner: OwnerKey, fromDay: number, toDay: number): IntList[] | undefined => {
  const d = s.data;
  if (owner.startsWith(CUSTOMER) || owner.startsWith(PRODUCT)) return undefined;
  if (owner !== COMPANY) return listsOf(d.owners.get(owner), fromDay, toDay, []);
  const out: IntList[] = [];
  for (const team of d.teamIds.names) listsOf(d.owners.get(TEAM + team), fromDay, toDay, out);
  return out;
};

/** Each customer's sales figures, by interned customer: what customer tiers and segments rank. */
export interface CustomerFigures {
  /** interned customers with a credit, in the order of their first */
  readonly customers: readonly number[];
  readonly names: readonly string[];
  /** net revenue of every credit before the moment, and of those in the window */
  readonly lifetimeRevenue: Float64Array;
  readonly trailingRevenue: Float64Array;
  /** sales (a split sale once), before the moment and in the window */
  readonly orders: Int32Array;
  readonly trailingOrders: Int32Array;
  /** business time of the earliest and latest sale (±Infinity: none) */
  readonly firstSaleMs: Float64Array;
  readonly lastSaleMs: Float64Array;
}

/**
 * Every customer's figures from its credits with business time before `atMs`, the window being
 * [windowStartMs, atMs): one pass over the rows into arrays by interned customer, since it reads
 * every credit the ledger holds.
 */
export const customerFiguresBefore = (s: SalesLedger, atMs: number, windowStartMs: number): CustomerFigures => runSteps(customerFiguresSteps(s, atMs, windowStartMs));

/** customerFiguresBefore in steps of STEP_ROWS rows: the pass over the whole ledger is the long part of a classification. */
export function* customerFiguresSteps(s: SalesLedger, atMs: number, windowStartMs: number): Steps<CustomerFigures> {
  const d = s.data;
  const n = d.customerIds.names.length;
  const f = {
    customers: [] as number[], names: d.customerIds.names,
    lifetimeRevenue: new Float64Array(n), trailingRevenue: new Float64Array(n), orders: new Int32Array(n), trailingOrders: new Int32Array(n),
    firstSaleMs: new Float64Array(n).fill(Infinity), lastSaleMs: new Float64Array(n).fill(-Infinity),
  };
  const seen = new Uint8Array(n);
  let lastPosition = -1;
  const rows = rowsOf(s);
  for (let i = 0; i < rows; i++) {
    if (i > 0 && i % STEP_ROWS === 0) yield;
    const ms = msAt(d, i);
    if (ms >= atMs) continue;
    const c = d.customer.get(i);
    const position = d.position.get(i);
    if (seen[c] === 0) (seen[c] = 1), f.customers.push(c);
    const amount = d.amount.get(i);
    const inWindow = ms >= windowStartMs;
    f.lifetimeRevenue[c] += amount;
    if (inWindow) f.trailingRevenue[c] += amount;
    // a split sale is several consecutive credits of one event: one order for the customer
    if (d.kind.get(i) === SALE && position !== lastPosition) {
      f.orders[c]++;
      if (inWindow) f.trailingOrders[c]++;
      if (ms < f.firstSaleMs[c]) f.firstSaleMs[c] = ms;
      if (ms > f.lastSaleMs[c]) f.lastSaleMs[c] = ms;
    }
    lastPosition = position;
  }
  return f;
}

/** Each customer's net revenue by month (year × 12 + month index of local time), in the view. */
export const customerMonthRevenue = (s: SalesLedger): Map<string, Map<number, number>> => {
  const d = s.data;
  const out = new Map<string, Map<number, number>>();
  for (let i = 0, n = rowsOf(s); i < n; i++) {
    const id = d.customerIds.names[d.customer.get(i)];
    let months = out.get(id);
    if (!months) out.set(id, (months = new Map()));
    const m = monthOfDay(d.day.get(i));
    months.set(m, (months.get(m) ?? 0) + d.amount.get(i));
  }
  return out;
};

/** `YYYY-MM-DD` of a local epoch day. */
export const dayId = (day: number): string => new Date(day * DAY_MS).toISOString().slice(0, 10);

export const isMetric = (m: unknown): m is Metric => typeof m === 'string' && (METRICS as readonly string[]).includes(m);
