// A sale's terms: channel, promotion and each line's list price are kept on the event and in the
// saleTerms read model, which answers as of any position; old sales without them still read.
import { describe, expect, it } from 'vitest';
import { isRight } from 'fp-ts/Either';
import { SaleRecorded } from '../../../core/sales/events';
import { lineTerms, ordersWithTerms, saleTermsProjection, termsOf } from '../../../core/sales/readModels/saleTerms';
import { replay } from '../../../core/fold/projection';
import type { StoredEvent } from '../../../core/shared/envelope';
import { given } from '../../support/given';

const company = [
  { stream: 'tally-team-T-1', type: 'TeamCreated', data: { teamId: 'T-1', name: 'East', managerId: null } },
  { stream: 'tally-rep-R-1', type: 'RepAdded', data: { repId: 'R-1', name: 'A', teamId: 'T-1', joinedAt: '2025-01-01' } },
  { stream: 'tally-customer-C-1', type: 'CustomerRegistered', data: { customerId: 'C-1', name: 'Acme', ownerRepId: 'R-1' } },
];
const at = '2026-07-01T10:00:00+08:00';
const sale = { orderId: 'O-1', customerId: 'C-1', repId: 'R-1', occurredAt: at };

describe('RecordSale with channel, promotion and list prices', () => {
  it('records them on the event as given', () => {
    const lines = [{ product: 'CRM', units: 2, amount: 180_00, listPrice: 100_00 }];
    const [e] = given(company).when('RecordSale', { ...sale, lines, channel: 'online', promotionId: 'SUMMER' }).then([{ type: 'SaleRecorded' }]);
    expect(e.data).toMatchObject({ channel: 'online', promotionId: 'SUMMER', lines });
  });

  it('leaves them out of a sale that has none', () => {
    const [e] = given(company).when('RecordSale', { ...sale, lines: [{ product: 'CRM', units: 1, amount: 1 }] }).then([{ type: 'SaleRecorded' }]);
    expect(Object.keys(e.data as object)).not.toContain('channel');
    expect(Object.keys(e.data as object)).not.toContain('promotionId');
  });

  it('refuses a bad channel, a negative list price and a list total past safe integers, naming the field', () => {
    given(company).when('RecordSale', { ...sale, lines: [{ product: 'CRM', units: 1, amount: 1 }], channel: 'on line' }).rejects('invalid', 'channel');
    given(company).when('RecordSale', { ...sale, lines: [{ product: 'CRM', units: 1, amount: 1 }], promotionId: '' }).rejects('invalid', 'promotionId');
    given(company).when('RecordSale', { ...sale, lines: [{ product: 'CRM', units: 1, amount: 1, listPrice: -5 }] }).rejects('invalid', 'lines.0.listPrice');
    given(company)
      .when('RecordSale', { ...sale, lines: [{ product: 'A', units: 1, amount: 1 }, { product: 'B', units: 1_000_000_000, amount: 1, listPrice: 10_000_000_000 }] })
      .rejects('invalid', 'lines.1.listPrice');
  });
});

describe('a line against its list price', () => {
  it('is a discount below it, a premium above it, and neither at it or without one', () => {
    expect(lineTerms({ product: 'X', units: 3, amount: 250, listPrice: 100 })).toEqual({ discount: 50, premium: 0 });
    expect(lineTerms({ product: 'X', units: 3, amount: 330, listPrice: 100 })).toEqual({ discount: 0, premium: 30 });
    expect(lineTerms({ product: 'X', units: 3, amount: 300, listPrice: 100 })).toEqual({ discount: 0, premium: 0 });
    expect(lineTerms({ product: 'X', units: 3, amount: 300 })).toEqual({ discount: 0, premium: 0 });
  });
});

describe('the saleTerms read model', () => {
  const stored = (position: number, data: unknown): StoredEvent => ({
    position, stream: `tally-order-${position}`, revision: 0, type: 'SaleRecorded', data, occurredAt: at, recordedAt: at,
    meta: { commandId: `c${position}`, actor: 'a', correlationId: 'c' }, prevHash: '', hash: '',
  });
  const base = (orderId: string) => ({ orderId, customerId: 'C-1', amount: 90, units: 1, credits: [{ repId: 'R-1', teamId: 'T-1', share: '1', amount: 90, units: 1 }] });
  const events = [
    stored(1, { ...base('O-1'), lines: [{ product: 'X', units: 1, amount: 90, listPrice: 100 }], channel: 'direct' }),
    stored(2, { ...base('O-2'), lines: [{ product: 'X', units: 1, amount: 90 }] }),
    stored(3, { ...base('O-3'), lines: [{ product: 'X', units: 1, amount: 90 }], promotionId: 'P-1' }),
  ];
  const settings = { zone: 'Asia/Shanghai', currency: 'CNY' };

  it('decodes a sale recorded before these fields existed', () => {
    expect(isRight(SaleRecorded.decode({ ...base('O-9'), lines: [{ product: 'X', units: 1, amount: 90 }] }))).toBe(true);
  });

  it('keeps only the orders that carry terms', () => {
    const s = replay(saleTermsProjection, events, settings);
    expect([...ordersWithTerms(s)].map(([id]) => id).sort()).toEqual(['O-1', 'O-3']);
    expect(termsOf(s, 'O-1')).toMatchObject({ channel: 'direct', position: 1, lines: [{ discount: 10, premium: 0 }] });
    expect(termsOf(s, 'O-3')).toMatchObject({ promotionId: 'P-1' });
    expect(termsOf(s, 'O-2')).toBeUndefined();
  });

  it('answers as of every position exactly as a fold of the prefix does', () => {
    const live = replay(saleTermsProjection, events, settings);
    for (let p = 0; p <= events.length; p++) {
      const asOf = saleTermsProjection.at!(live, p);
      const folded = replay(saleTermsProjection, events.slice(0, p), settings);
      expect([...ordersWithTerms(asOf)], `at ${p}`).toEqual([...ordersWithTerms(folded)]);
      for (const id of ['O-1', 'O-2', 'O-3']) expect(termsOf(asOf, id), `${id} at ${p}`).toEqual(termsOf(folded, id));
    }
  });
});
