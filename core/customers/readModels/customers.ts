// Customers as a read model: owner history, contacts and the classification policies in force
// over time; and, from the sales ledger, each customer's figures and tier as of any moment.
// A tier is never stored: it is derived at a moment T from the net revenue known up to T.
import { DateTime } from 'luxon';
import type { Tier } from '../../care/commands';
import type { ClassificationPolicySetData } from '../../classification/events';
import { Dec } from '../../shared/money';
import { periodBounds, periodOf, shiftPeriod, toMillis } from '../../shared/period';
import { defineProjection, unchanged } from '../../fold/projection';
import { customerFiguresSteps, customerMonthRevenue, type SalesLedger } from '../../ledger/salesLedger';
import { runSteps, sortSteps, STEP_ITEMS, type Steps } from '../../fold/steps';

export type { Tier };

export interface Contact {
  readonly name?: string;
  readonly phone?: string;
  readonly email?: string;
  readonly title?: string;
  /** MM-DD: the care calendar plans a greeting */
  readonly birthday?: string;
}

export interface OwnerSpell {
  readonly repId: string;
  /** business time from which this rep owned the customer */
  readonly from: string;
  readonly reason?: string;
  readonly position: number;
}

export interface CustomerRecord {
  readonly customerId: string;
  readonly registeredAt: string;
  readonly owners: OwnerSpell[];
  contacts: readonly Contact[];
}

export interface ClassificationPolicy {
  /** `rfm`: RFM scores and segments beside the tiers (rfm.ts); the tiers are the same */
  readonly kind: 'revenue' | 'rfm';
  readonly highValueMinRevenue?: number;
  readonly highValueTopShare?: string;
  readonly trailingMonths: number;
}

export const DEFAULT_POLICY: ClassificationPolicy = { kind: 'revenue', highValueTopShare: '0.2', trailingMonths: 12 };

interface PolicySpell {
  readonly ms: number;
  readonly policy: ClassificationPolicy;
}

export interface CustomersModel {
  readonly zone: string;
  readonly customers: Map<string, CustomerRecord>;
  /** sorted by business time; the policy in force at T is the last one set at or before T */
  readonly policies: PolicySpell[];
}

/** An empty policy restores the default; thresholds given replace it. */
export const policyOf = (d: ClassificationPolicySetData): ClassificationPolicy => {
  const trailingMonths = d.trailingMonths ?? 12;
  const kind = d.kind === 'rfm' ? 'rfm' : 'revenue';
  if (d.highValueMinRevenue === undefined && d.highValueTopShare === undefined) return { ...DEFAULT_POLICY, kind, trailingMonths };
  return { kind, trailingMonths, highValueMinRevenue: d.highValueMinRevenue, highValueTopShare: d.highValueTopShare };
};

export const customersProjection = defineProjection({
  name: 'customers',
  types: ['CustomerRegistered', 'CustomerProfileUpdated', 'CustomerReassigned', 'ClassificationPolicySet'],
  init: (settings): CustomersModel => ({ zone: settings.zone, customers: new Map(), policies: [] }),
  apply: (s, e) => {
    switch (e.type) {
      case 'CustomerRegistered': {
        const d = e.data;
        s.customers.set(d.customerId, { customerId: d.customerId, registeredAt: e.occurredAt, owners: [{ repId: d.ownerRepId, from: e.occurredAt, position: e.position }], contacts: d.contacts ?? [] });
        break;
      }
      case 'CustomerProfileUpdated': {
        const d = e.data;
        const c = s.customers.get(d.customerId);
        if (c && d.contacts) c.contacts = d.contacts;
        break;
      }
      case 'CustomerReassigned': {
        const d = e.data;
        s.customers.get(d.customerId)?.owners.push({ repId: d.toRepId, from: e.occurredAt, reason: d.reason, position: e.position });
        break;
      }
      case 'ClassificationPolicySet': {
        const spell = { ms: toMillis(e.occurredAt), policy: policyOf(e.data) };
        let i = s.policies.length;
        while (i > 0 && s.policies[i - 1].ms > spell.ms) i--;
        s.policies.splice(i, 0, spell);
        break;
      }
      default:
        return unchanged(s, e);
    }
    return s;
  },
});

export const policyAt = (m: CustomersModel, atMs: number): ClassificationPolicy => {
  let p = DEFAULT_POLICY;
  for (const spell of m.policies) if (spell.ms <= atMs) p = spell.policy;
  return p;
};

// ---------- per-customer sales figures, from the ledger ----------

export interface SalesFigures {
  /** net revenue of every sale and refund before the moment */
  lifetimeRevenue: number;
  /** net revenue in [moment − trailing months, moment) */
  trailingRevenue: number;
  orders: number;
  /** orders in [moment − trailing months, moment) */
  trailingOrders: number;
  firstSaleMs?: number;
  lastSaleMs?: number;
}

export const trailingStart = (atMs: number, months: number, zone: string): number => DateTime.fromMillis(atMs, { zone }).minus({ months }).toMillis();

/** One pass over the ledger: each customer's figures as known for business time before `atMs`, in the order of their first credit. */
export const salesFiguresAt = (ledger: SalesLedger, atMs: number, windowStartMs: number): Map<string, SalesFigures> => runSteps(salesFiguresSteps(ledger, atMs, windowStartMs));

/** salesFiguresAt in steps (fold/steps.ts). */
export function* salesFiguresSteps(ledger: SalesLedger, atMs: number, windowStartMs: number): Steps<Map<string, SalesFigures>> {
  const f = yield* customerFiguresSteps(ledger, atMs, windowStartMs);
  const out = new Map<string, SalesFigures>();
  for (const c of f.customers) {
    if (out.size % STEP_ITEMS === STEP_ITEMS - 1) yield;
    const figures: SalesFigures = { lifetimeRevenue: f.lifetimeRevenue[c], trailingRevenue: f.trailingRevenue[c], orders: f.orders[c], trailingOrders: f.trailingOrders[c] };
    if (f.orders[c] > 0) (figures.firstSaleMs = f.firstSaleMs[c]), (figures.lastSaleMs = f.lastSaleMs[c]);
    out.set(f.names[c], figures);
  }
  return out;
}

// ---------- tiers ----------

export interface TierResult {
  readonly tier: Tier;
  /** rank by trailing revenue among customers with net revenue (1 = highest); absent for potential */
  readonly rank?: number;
  readonly of: number;
  readonly trailingRevenue: number;
  readonly lifetimeRevenue: number;
  /** `rank 3 of 41 by trailing-12m revenue 182,300.00` */
  readonly reason: string;
}

export interface Classification {
  readonly at: number;
  readonly policy: ClassificationPolicy;
  /** customers with net revenue, who are ranked */
  readonly ranked: number;
  /** how many of them the top-share rule admits (all when there is no share rule) */
  readonly highValueSlots: number;
  /** the rule in words */
  readonly rule: string;
  readonly tiers: Map<string, TierResult>;
}

/** 182300_00 → `182,300.00` (minor units shown in major units with thousands separators). */
export const formatMinor = (minor: number): string => {
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  const major = Math.floor(abs / 100).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${major}.${String(abs % 100).padStart(2, '0')}`;
};

const ruleOf = (p: ClassificationPolicy, slots: number, ranked: number): string => {
  const parts: string[] = [];
  if (p.highValueTopShare !== undefined) parts.push(`top ${new Dec(p.highValueTopShare).times(100).toString()} % of ${ranked} customers with net revenue, rounded up (${slots})`);
  if (p.highValueMinRevenue !== undefined) parts.push(`trailing-${p.trailingMonths}m revenue of at least ${formatMinor(p.highValueMinRevenue)}`);
  return `high-value: ${parts.join(' and ')}; regular: the other customers with net revenue; potential: no net revenue yet`;
};

export interface RevenueOf {
  readonly lifetimeRevenue: number;
  readonly trailingRevenue: number;
}

/**
 * Tier every customer from its revenues under a policy. Potential: no net revenue yet. The rest
 * are ranked by trailing revenue (ties by id); high-value when in the top share (rounded up) and
 * at or above the minimum, whichever the policy gives, and with trailing revenue above zero.
 */
export const classify = (customerIds: Iterable<string>, revenues: ReadonlyMap<string, RevenueOf>, policy: ClassificationPolicy, atMs: number): Classification =>
  runSteps(classifySteps(customerIds, revenues, policy, atMs));

/** classify in steps (fold/steps.ts): yields every STEP_ITEMS customers, the ranking's sort too. */
export function* classifySteps(customerIds: Iterable<string>, revenues: ReadonlyMap<string, RevenueOf>, policy: ClassificationPolicy, atMs: number): Steps<Classification> {
  const ranked: { id: string; r: RevenueOf }[] = [];
  const tiers = new Map<string, TierResult>();
  const none: RevenueOf = { lifetimeRevenue: 0, trailingRevenue: 0 };
  const all = new Set(customerIds);
  for (const id of revenues.keys()) all.add(id);
  yield;
  let k = 0;
  for (const id of all) {
    if (++k % STEP_ITEMS === 0) yield;
    const r = revenues.get(id) ?? none;
    if (r.lifetimeRevenue > 0) ranked.push({ id, r });
  }
  yield* sortSteps(ranked, (a, b) => b.r.trailingRevenue - a.r.trailingRevenue || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const n = ranked.length;
  const slots = policy.highValueTopShare !== undefined ? new Dec(policy.highValueTopShare).times(n).ceil().toNumber() : n;
  const label = `trailing-${policy.trailingMonths}m revenue`;
  yield;
  for (let i = 0; i < n; i++) {
    if (i > 0 && i % STEP_ITEMS === 0) yield;
    const { id, r } = ranked[i];
    const rank = i + 1;
    const high = rank <= slots && r.trailingRevenue > 0 && (policy.highValueMinRevenue === undefined || r.trailingRevenue >= policy.highValueMinRevenue);
    tiers.set(id, { tier: high ? 'high-value' : 'regular', rank, of: n, ...r, reason: `rank ${rank} of ${n} by ${label} ${formatMinor(r.trailingRevenue)}` });
  }
  k = 0;
  for (const id of all) {
    if (++k % STEP_ITEMS === 0) yield;
    if (!tiers.has(id)) tiers.set(id, { tier: 'potential', of: n, ...(revenues.get(id) ?? none), reason: 'no net revenue yet' });
  }
  return { at: atMs, policy, ranked: n, highValueSlots: slots, rule: ruleOf(policy, slots, n), tiers };
}

/** Every customer's tier at a moment, with the policy then in force. */
export const classifyAt = (m: CustomersModel, ledger: SalesLedger, atMs: number): Classification & { figures: Map<string, SalesFigures> } => runSteps(classifyAtSteps(m, ledger, atMs));

/** classifyAt in steps (fold/steps.ts). */
export function* classifyAtSteps(m: CustomersModel, ledger: SalesLedger, atMs: number): Steps<Classification & { figures: Map<string, SalesFigures> }> {
  const policy = policyAt(m, atMs);
  const figures = yield* salesFiguresSteps(ledger, atMs, trailingStart(atMs, policy.trailingMonths, m.zone));
  return { ...(yield* classifySteps(m.customers.keys(), figures, policy, atMs)), figures };
}

// ---------- tiers over time ----------

export interface TierPoint {
  /** the month whose end (or `at`, for the last point) the tier was measured at */
  readonly month: string;
  readonly at: string;
  readonly tier: Tier;
  readonly rank?: number;
  readonly of: number;
  readonly trailingRevenue: number;
}

const monthIndex = (periodId: string) => Number(periodId.slice(0, 4)) * 12 + Number(periodId.slice(5, 7)) - 1;

/**
 * A customer's tier at the end of each of the `months` − 1 months before `at`'s month and at
 * `at` itself. Month ends read the ledger's monthly buckets, so this costs one pass over the
 * customers, not over the log.
 */
export const tierHistory = (m: CustomersModel, ledger: SalesLedger, customerId: string, atMs: number, months = 12): TierPoint[] => {
  const current = periodOf('month', atMs, m.zone);
  const perCustomer: { id: string; months: [number, number][] }[] = [];
  for (const [id, byMonth] of customerMonthRevenue(ledger)) perCustomer.push({ id, months: [...byMonth].sort((a, b2) => a[0] - b2[0]) });
  const points: TierPoint[] = [];
  for (let k = months - 1; k >= 1; k--) {
    const month = shiftPeriod(current, -k);
    const end = periodBounds(month, m.zone).end;
    const policy = policyAt(m, end - 1);
    const last = monthIndex(month);
    const first = last - policy.trailingMonths + 1;
    const revenues = new Map<string, RevenueOf>();
    for (const c of perCustomer) {
      let lifetimeRevenue = 0;
      let trailingRevenue = 0;
      for (const [mi, rev] of c.months) {
        if (mi > last) break;
        lifetimeRevenue += rev;
        if (mi >= first) trailingRevenue += rev;
      }
      revenues.set(c.id, { lifetimeRevenue, trailingRevenue });
    }
    points.push(pointOf(month, end, customerId, classify(m.customers.keys(), revenues, policy, end)));
  }
  points.push(pointOf(current, atMs, customerId, classifyAt(m, ledger, atMs)));
  return points;
};

const pointOf = (month: string, atMs: number, customerId: string, c: Classification): TierPoint => {
  const t = c.tiers.get(customerId);
  return { month, at: new Date(atMs).toISOString(), tier: t?.tier ?? 'potential', rank: t?.rank, of: c.ranked, trailingRevenue: t?.trailingRevenue ?? 0 };
};

/** The moments a customer's tier changed, from a history. */
export const tierChanges = (points: readonly TierPoint[]): { month: string; from: Tier; to: Tier }[] =>
  points.slice(1).flatMap((p, i) => (p.tier !== points[i].tier ? [{ month: p.month, from: points[i].tier, to: p.tier }] : []));

/** The rep who owned a customer at a moment (the registering rep before any reassignment). */
export const ownerAt = (c: CustomerRecord, atMs: number): string => {
  let owner = c.owners[0].repId;
  for (const o of c.owners) if (toMillis(o.from) <= atMs) owner = o.repId;
  return owner;
};
