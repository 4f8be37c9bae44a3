// Market share (SPEC §13): our revenue in a market-size insight's scope — its period, and its
// region and product when it names them — over the market's size. Our revenue is read from the
// sales ledger like every other revenue figure; the region is the customer's region as known then
// (sales carry none), the product a sale's lines of it (a refund shared over the lines by amount,
// as analytics by=product does).
import { Dec } from '../shared/money';
import { periodBounds } from '../shared/period';
import type { Directory } from '../teams/readModels/directory';
import { eachRowBetween, type SalesLedger } from '../ledger/salesLedger';
import type { MarketSizeData } from '../insights/events';
import { linePartsOf } from './rowGroups';

/** The product key of an order recorded without lines, as analytics by=product names it. */
const NO_PRODUCT = '(none)';

export interface MarketShare {
  /** our net revenue in the scope, minor units */
  readonly ourRevenue: number;
  /** ourRevenue ÷ market size, 6 decimal places half away from zero, as a decimal string */
  readonly share: string;
}

/** Places of a share: a 0.01 % share of a large market still shows (4 places would say 0). */
export const SHARE_PLACES = 6;

/**
 * Our net revenue over the size's period (to date while it runs) in its region and product: read
 * from the company's rows, a region looked up once per customer, a product's part of a row as
 * analytics by=product shares it — no record per credit (a year is a million of them).
 */
export const revenueInScope = (ledger: SalesLedger, directory: Directory, size: Pick<MarketSizeData, 'period' | 'region' | 'product'>): number => {
  const d = ledger.data;
  const b = periodBounds(size.period, ledger.zone);
  const inRegion = new Map<number, boolean>();
  const regionOk = (customer: number): boolean => {
    let ok = inRegion.get(customer);
    if (ok === undefined) inRegion.set(customer, (ok = directory.customers.get(d.customerIds.names[customer])?.region === size.region));
    return ok;
  };
  const noneKey = d.productIds.find(NO_PRODUCT) >= 0 ? d.productIds.find(NO_PRODUCT) : d.productIds.names.length;
  const product = size.product === undefined ? -1 : size.product === NO_PRODUCT ? noneKey : d.productIds.find(size.product);
  const lines = linePartsOf(ledger, noneKey);
  let sum = 0;
  eachRowBetween(ledger, 'company', b.start, b.end, (row) => {
    if (size.region !== undefined && !regionOk(d.customer.get(row))) return;
    if (size.product === undefined) sum += d.amount.get(row);
    else if (product >= 0) for (let j = 0, n = Math.max(1, lines.of(row)); j < n; j++) if (lines.parts[j].product === product) sum += lines.parts[j].amount;
  });
  return sum;
};

export const marketShare = (ledger: SalesLedger, directory: Directory, size: MarketSizeData): MarketShare => {
  const ourRevenue = revenueInScope(ledger, directory, size);
  return { ourRevenue, share: new Dec(ourRevenue).dividedBy(size.amount).toDecimalPlaces(SHARE_PLACES).toFixed() };
};
