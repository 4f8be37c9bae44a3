// What GET /api/customers answers: each customer's profile, figures and tier at a moment,
// assembled from the directory, the sales ledger, and the customers, pipeline, care and
// feedback read models.
import { careProjection, lastContactBefore } from '../care/readModels/care';
import { classifyAt, customersProjection, tierChanges, tierHistory, type Classification, type SalesFigures, type Tier } from '../customers/readModels/customers';
import { rfmAt, type Rfm } from '../customers/readModels/rfm';
import { directoryProjection, type CustomerInfo } from '../teams/readModels/directory';
import { customerSatisfaction, feedbackProjection } from '../feedback/readModels/feedback';
import { openDealsOf, pipelineProjection, probabilityOf, weightedAmount } from '../pipeline/readModels/pipeline';
import { salesLedgerProjection } from '../ledger/salesLedger';
import type { World } from '../fold/world';

const iso = (ms: number | undefined) => (ms === undefined ? null : new Date(ms).toISOString());

export interface CustomerRow {
  readonly customerId: string;
  readonly name: string;
  readonly ownerRepId: string;
  readonly region: string | null;
  readonly industry: string | null;
  readonly tier: Tier;
  readonly rank: number | null;
  readonly trailingRevenue: number;
  readonly lifetimeRevenue: number;
  readonly orders: number;
  readonly firstSale: string | null;
  readonly lastSale: string | null;
  /** under a policy of kind rfm, the customer's scores and segment (null before its first sale); else null */
  readonly rfm: Rfm | null;
}

/** The RFM scores of a classification, when its policy asks for them. */
const rfmOf = (c: Classification & { figures: ReadonlyMap<string, SalesFigures> }, zone: string): ReadonlyMap<string, Rfm> | undefined =>
  c.policy.kind === 'rfm' ? rfmAt(c.figures, c.at, zone) : undefined;

const rowOf = (info: CustomerInfo, c: Classification, figures: ReadonlyMap<string, SalesFigures>, rfm?: ReadonlyMap<string, Rfm>): CustomerRow => {
  const t = c.tiers.get(info.customerId);
  const f = figures.get(info.customerId);
  return {
    customerId: info.customerId, name: info.name, ownerRepId: info.ownerRepId, region: info.region ?? null, industry: info.industry ?? null,
    tier: t?.tier ?? 'potential', rank: t?.rank ?? null, trailingRevenue: t?.trailingRevenue ?? 0, lifetimeRevenue: t?.lifetimeRevenue ?? 0,
    orders: f?.orders ?? 0, firstSale: iso(f?.firstSaleMs), lastSale: iso(f?.lastSaleMs), rfm: rfm?.get(info.customerId) ?? null,
  };
};

/** Every customer `include` admits, with its tier at `atMs`, sorted by id. */
export const customerRows = (world: World, atMs: number, include: (c: CustomerInfo) => boolean) => {
  const dir = world.get(directoryProjection);
  const model = world.get(customersProjection);
  const c = classifyAt(model, world.get(salesLedgerProjection), atMs);
  const rfm = rfmOf(c, model.zone);
  const rows = [...dir.customers.values()].filter(include).sort((a, b) => (a.customerId < b.customerId ? -1 : 1)).map((info) => rowOf(info, c, c.figures, rfm));
  return { policy: c.policy, rule: c.rule, ranked: c.ranked, rows };
};

/** One customer's profile, figures, tier with its reason, and tier by month; undefined if unknown. */
export const customerDetail = (world: World, customerId: string, atMs: number) => {
  const info = world.get(directoryProjection).customers.get(customerId);
  const record = world.get(customersProjection).customers.get(customerId);
  if (!info || !record) return undefined;
  const model = world.get(customersProjection);
  const ledger = world.get(salesLedgerProjection);
  const c = classifyAt(model, ledger, atMs);
  const t = c.tiers.get(customerId)!;
  const pipeline = world.get(pipelineProjection);
  const deals = openDealsOf(pipeline, customerId);
  const contact = lastContactBefore(world.get(careProjection), customerId, atMs);
  const history = tierHistory(model, ledger, customerId, atMs);
  return {
    ...rowOf(info, c, c.figures, rfmOf(c, model.zone)),
    birthday: info.birthday ?? null,
    contacts: record.contacts,
    owners: record.owners.map((o) => ({ repId: o.repId, from: o.from, ...(o.reason ? { reason: o.reason } : {}) })),
    figures: {
      firstSale: iso(c.figures.get(customerId)?.firstSaleMs),
      lastSale: iso(c.figures.get(customerId)?.lastSaleMs),
      trailingRevenue: t.trailingRevenue,
      lifetimeRevenue: t.lifetimeRevenue,
      orders: c.figures.get(customerId)?.orders ?? 0,
      openDeals: {
        deals: deals.length,
        amount: deals.reduce((a, d) => a + d.amount, 0),
        weighted: deals.reduce((a, d) => a + weightedAmount(d.amount, probabilityOf(pipeline, d)), 0),
      },
      lastContact: contact ? { occurredAt: contact.occurredAt, kind: contact.kind, repId: contact.repId } : null,
      satisfaction: customerSatisfaction(world.get(feedbackProjection), customerId, atMs),
    },
    tier: { tier: t.tier, rank: t.rank ?? null, of: t.of, reason: t.reason, rule: c.rule, trailingMonths: c.policy.trailingMonths },
    tierHistory: history,
    tierChanges: tierChanges(history),
  };
};
