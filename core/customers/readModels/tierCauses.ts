// Why a customer's tier at a moment changed between two recorded moments: what changed its place in
// the ranking. Three things can: its own sales and refunds, other customers' (a customer's first
// net revenue adds a ranked customer, and so perhaps a high-value place; others can overtake it or
// fall behind), and the classification policy. Each is undone alone, the other two kept as they are
// now: it is a cause when, without its change, the tier would not have moved. Two policy changes
// that cancel out change nothing, so they are never named.
import { Dec } from '../../shared/money';
import { classify, formatMinor, policyAt, salesFiguresAt, trailingStart, type Classification, type ClassificationPolicy, type CustomersModel, type RevenueOf, type SalesFigures } from './customers';
import type { SalesLedger } from '../../ledger/salesLedger';

/** What was known at one of the two moments. */
export interface Knowledge {
  readonly customers: CustomersModel;
  readonly ledger: SalesLedger;
}

/** How another customer moved relative to the reclassified one. */
export interface OtherCustomerChange {
  readonly customerId: string;
  readonly change: 'first net revenue' | 'no net revenue any more' | 'moved above it' | 'moved below it';
  readonly trailingRevenue: { readonly from: number; readonly to: number };
}

export interface TierCause {
  readonly kind: 'own-sales' | 'other-customers' | 'classification-policy';
  readonly summary: string;
  /** the customers whose events are the cause (the reclassified one, or the others listed) */
  readonly customers: readonly string[];
  readonly otherCustomers?: readonly OtherCustomerChange[];
}

const samePolicy = (a: ClassificationPolicy, b: ClassificationPolicy): boolean =>
  a.trailingMonths === b.trailingMonths &&
  a.highValueMinRevenue === b.highValueMinRevenue &&
  (a.highValueTopShare === undefined ? b.highValueTopShare === undefined : b.highValueTopShare !== undefined && new Dec(a.highValueTopShare).equals(b.highValueTopShare));

const ranked = (f: RevenueOf | undefined): boolean => (f?.lifetimeRevenue ?? 0) > 0;

/** Is `a` ranked above `b` (trailing revenue descending, ties by id), as classify ranks them? */
const above = (a: string, fa: RevenueOf | undefined, b: string, fb: RevenueOf | undefined): boolean => {
  const ra = fa?.trailingRevenue ?? 0;
  const rb = fb?.trailingRevenue ?? 0;
  return ra > rb || (ra === rb && a < b);
};

const withFigures = (base: ReadonlyMap<string, SalesFigures>, id: string, f: SalesFigures | undefined): Map<string, SalesFigures> => {
  const out = new Map(base);
  if (f) out.set(id, f);
  else out.delete(id);
  return out;
};

/**
 * The causes of tier changes at `atMs` between what was known `then` and `now`: build once, then ask
 * per customer. Classifying again costs a sort of the customers, so only the changed ones are asked.
 */
export const tierCauses = (then: Knowledge, now: Knowledge, atMs: number) => {
  const zone = now.customers.zone;
  const [p0, p1] = [policyAt(then.customers, atMs), policyAt(now.customers, atMs)];
  const figuresOf = (k: Knowledge, p: ClassificationPolicy) => salesFiguresAt(k.ledger, atMs, trailingStart(atMs, p.trailingMonths, zone));
  // figures under today's policy, then and now; and now under the old policy
  const f0 = figuresOf(then, p1);
  const f1 = figuresOf(now, p1);
  const ids0 = [...then.customers.customers.keys()];
  const ids1 = [...now.customers.customers.keys()];
  const actual = classify(ids1, f1, p1, atMs);
  const policyChanged = !samePolicy(p0, p1);
  const withoutPolicy = policyChanged ? classify(ids1, figuresOf(now, p0), p0, atMs) : actual;
  const tierIn = (c: Classification, id: string) => c.tiers.get(id)?.tier ?? 'potential';

  /** The other customers whose change moved the ranking around `id`. */
  const othersAround = (id: string): OtherCustomerChange[] => {
    const out: OtherCustomerChange[] = [];
    for (const other of new Set([...f0.keys(), ...f1.keys()])) {
      if (other === id) continue;
      const [a, b] = [f0.get(other), f1.get(other)];
      const trailingRevenue = { from: a?.trailingRevenue ?? 0, to: b?.trailingRevenue ?? 0 };
      if (ranked(a) !== ranked(b)) out.push({ customerId: other, change: ranked(b) ? 'first net revenue' : 'no net revenue any more', trailingRevenue });
      else if (ranked(b) && above(other, a, id, f0.get(id)) !== above(other, b, id, f1.get(id)))
        out.push({ customerId: other, change: above(other, b, id, f1.get(id)) ? 'moved above it' : 'moved below it', trailingRevenue });
    }
    return out.sort((x, y) => (x.customerId < y.customerId ? -1 : 1));
  };

  const ownCause = (id: string, without: Classification): TierCause => ({
    kind: 'own-sales',
    summary: `its own sales and refunds: trailing-${p1.trailingMonths}m revenue ${formatMinor(f0.get(id)?.trailingRevenue ?? 0)} → ${formatMinor(f1.get(id)?.trailingRevenue ?? 0)} (${rankIn(without, id)} → ${rankIn(actual, id)})`,
    customers: [id],
  });

  const othersCause = (id: string, without: Classification): TierCause => {
    const others = othersAround(id);
    // counts only in words: which customers they are is in otherCustomers, where each row is shown
    // only to whom may read that customer
    const count = (change: OtherCustomerChange['change']) => others.filter((o) => o.change === change).length;
    const customers = (n: number) => `${n} customer${n === 1 ? '' : 's'}`;
    const parts: string[] = [];
    if (count('first net revenue') > 0) parts.push(`${customers(count('first net revenue'))} gained a first net revenue`);
    if (count('no net revenue any more') > 0) parts.push(`${customers(count('no net revenue any more'))} no longer had net revenue`);
    if (actual.highValueSlots !== without.highValueSlots) parts.push(`${actual.ranked} customers with net revenue give ${actual.highValueSlots} high-value places, not ${without.highValueSlots}`);
    if (count('moved above it') > 0) parts.push(`${customers(count('moved above it'))} moved above it`);
    if (count('moved below it') > 0) parts.push(`${customers(count('moved below it'))} moved below it`);
    return { kind: 'other-customers', summary: `other customers: ${parts.join('; ')}`, customers: others.map((o) => o.customerId), otherCustomers: others };
  };

  const policyCause = (): TierCause => ({
    kind: 'classification-policy',
    summary: `the classification policy at that moment changed: ${withoutPolicy.rule} → ${actual.rule}`,
    customers: [],
  });

  /** Why `id` moved from its tier then to its tier now. */
  return (id: string): TierCause[] => {
    const to = tierIn(actual, id);
    const ownChanged = JSON.stringify(f0.get(id) ?? null) !== JSON.stringify(f1.get(id) ?? null);
    const withoutOwn = classify(ids1, withFigures(f1, id, f0.get(id)), p1, atMs);
    const withoutOthers = classify(new Set([...ids0, id]), withFigures(f0, id, f1.get(id)), p1, atMs);
    const othersChanged = othersAround(id).length > 0 || withoutOthers.highValueSlots !== actual.highValueSlots;
    const causes: TierCause[] = [];
    if (ownChanged && tierIn(withoutOwn, id) !== to) causes.push(ownCause(id, withoutOwn));
    if (othersChanged && tierIn(withoutOthers, id) !== to) causes.push(othersCause(id, withoutOthers));
    if (policyChanged && tierIn(withoutPolicy, id) !== to) causes.push(policyCause());
    if (causes.length > 0) return causes;
    // no change alone explains it (each would have moved it anyway): name every change there was
    return [...(ownChanged ? [ownCause(id, withoutOwn)] : []), ...(othersChanged ? [othersCause(id, withoutOthers)] : []), ...(policyChanged ? [policyCause()] : [])];
  };
};

const rankIn = (c: Classification, id: string): string => {
  const t = c.tiers.get(id);
  return t?.rank === undefined ? 'not ranked' : `rank ${t.rank} of ${c.ranked}`;
};
