// Older shapes of sales events and how each becomes the current one (see shared/upcast.ts).
// SaleRecorded v1 (before lines and split credits) carried one product, one rep and its team:
// { orderId, customerId, repId, teamId, amount, units?, product? }. It reads as a one-line order
// credited wholly to that rep.
import { defineUpcaster } from '../shared/upcast';
import type { SaleRecordedData } from './events';

export interface SaleRecordedV1 {
  readonly orderId: string;
  readonly customerId: string;
  readonly repId: string;
  readonly teamId: string;
  readonly amount: number;
  /** absent in v1 exports of single-item orders */
  readonly units?: number;
  readonly product?: string;
}

/** What v1 orders without a product are filed under. */
export const V1_PRODUCT = 'UNSPECIFIED';

export const saleRecordedV1 = defineUpcaster({
  type: 'SaleRecorded',
  from: 1,
  matches: (d) => typeof d === 'object' && d !== null && !('credits' in d) && 'repId' in d,
  up: (d: SaleRecordedV1): SaleRecordedData => {
    const units = d.units ?? 1;
    return {
      orderId: d.orderId,
      customerId: d.customerId,
      lines: [{ product: d.product ?? V1_PRODUCT, units, amount: d.amount }],
      amount: d.amount,
      units,
      credits: [{ repId: d.repId, teamId: d.teamId, share: '1', amount: d.amount, units }],
    };
  },
});

export const saleUpcasters = [saleRecordedV1];
