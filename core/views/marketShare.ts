// Market share (SPEC §13): our revenue in a market-size insight's scope — its period, and its
// region and product when it names them — over the market's size. Our revenue is read from the
// sales ledger like every other revenue figure; the region is the customer's region as known then
// (sales carry none), the product a sale's lines of it (a refund shared over the lines by amount,
// as analytics by=product does).
import { Dec } from '../shared/money';
import { periodBounds } from '../shared/period';
import type { Directory } from '../teams/readModels/directory';
import { entriesBetween, type SalesLedger } from '../ledger/salesLedger';
import type { MarketSizeData } from '../insights/events';
import { productSplitter } from './analytics';

export interface MarketShare {
  /** our net revenue in the scope, minor units */
  readonly ourRevenue: number;
  /** ourRevenue ÷ market size, 6 decimal places half away from zero, as a decimal string */
  readonly share: string;
}

/** Places of a share: a 0.01 % share of a large market still shows (4 places would say 0). */
export const SHARE_PLACES = 6;

/** Our net revenue over the size's period (to date while it runs) in its region and product. */
export const revenueInScope = (ledger: SalesLedger, directory: Directory, size: Pick<MarketSizeData, 'period' | 'region' | 'product'>): number => {
  const b = periodBounds(size.period, ledger.zone);
  const split = size.product === undefined ? undefined : productSplitter(ledger);
  let sum = 0;
  for (const e of entriesBetween(ledger, 'company', b.start, b.end)) {
    if (size.region !== undefined && directory.customers.get(e.customerId)?.region !== size.region) continue;
    if (!split) sum += e.amount;
    else for (const part of split(e)) if (part.key === size.product) sum += part.amount;
  }
  return sum;
};

export const marketShare = (ledger: SalesLedger, directory: Directory, size: MarketSizeData): MarketShare => {
  const ourRevenue = revenueInScope(ledger, directory, size);
  return { ourRevenue, share: new Dec(ourRevenue).dividedBy(size.amount).toDecimalPlaces(SHARE_PLACES).toFixed() };
};
