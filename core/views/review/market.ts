// The market side of a review (SPEC §13): our share of each market sized for a span the period
// overlaps (GET /api/insights shows the same share beside its insight), and how the covered
// customers fall into RFM segments at `at` when the classification policy scores them.
import { insightsWhere } from '../../insights/readModels/insights';
import { customersProjection, policyAt, salesFiguresAt, trailingStart } from '../../customers/readModels/customers';
import { RFM_SEGMENTS, rfmAt } from '../../customers/readModels/rfm';
import { salesLedgerProjection } from '../../ledger/salesLedger';
import { periodBounds } from '../../shared/period';
import { directoryProjection } from '../../teams/readModels/directory';
import { marketShare } from '../marketShare';
import { coversRep } from './context';
import { defineSection } from './section';

/** Market sizes recorded by `at` for a period overlapping the review's, newest first, with our revenue in their scope and our share. */
export const marketShareSection = defineSection('marketShare', (ctx) => {
  const ledger = ctx.world.get(salesLedgerProjection);
  const directory = ctx.world.get(directoryProjection);
  return insightsWhere(ctx.world, { to: ctx.atMs + 1 }).flatMap(({ insightId, subject, marketSize: size }) => {
    if (!size) return [];
    const b = periodBounds(size.period, ctx.zone);
    if (b.start >= ctx.bounds.end || b.end <= ctx.bounds.start) return [];
    const { ourRevenue, share } = marketShare(ledger, directory, size);
    return [{ insightId, subject, region: size.region ?? null, marketSize: size.amount, ourRevenue, share, period: size.period, product: size.product ?? null }];
  });
});

/** Customers of the review (a team's: those its reps own) per RFM segment at `at`, in the segments' order; none under a revenue policy. */
export const segmentsSection = defineSection('segments', (ctx) => {
  const model = ctx.world.get(customersProjection);
  const policy = policyAt(model, ctx.atMs);
  // customers classified by revenue alone are not scored: no segments to count (and no need to read every sale)
  if (policy.kind !== 'rfm') return [];
  const figures = salesFiguresAt(ctx.world.get(salesLedgerProjection), ctx.atMs, trailingStart(ctx.atMs, policy.trailingMonths, model.zone));
  const customers = ctx.world.get(directoryProjection).customers;
  const counts = new Map<string, number>();
  for (const [customerId, r] of rfmAt(figures, ctx.atMs, model.zone)) {
    if (coversRep(ctx, customers.get(customerId)?.ownerRepId)) counts.set(r.segment, (counts.get(r.segment) ?? 0) + 1);
  }
  return RFM_SEGMENTS.map((segment) => ({ segment, customers: counts.get(segment) ?? 0 }));
});
