// Customer stream state: enough to refuse a duplicate, know the current owner and spot a no-op update.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type CustomerEvent, customerEventCodecs } from './events';

export interface CustomerProfile {
  readonly name: string;
  readonly region?: string;
  readonly industry?: string;
  readonly birthday?: string;
}

export type CustomerState = { status: 'none' } | ({ status: 'active'; customerId: string; ownerRepId: string } & CustomerProfile);

export const initialCustomer = (): CustomerState => ({ status: 'none' });

export const evolveCustomer = (s: CustomerState, e: FoldedEvent<CustomerEvent>): CustomerState => {
  switch (e.type) {
    case 'CustomerRegistered': {
      const { customerId, name, ownerRepId, region, industry, birthday } = e.data;
      return { status: 'active', customerId, name, ownerRepId, region, industry, birthday };
    }
    case 'CustomerProfileUpdated': {
      if (s.status !== 'active') return s;
      const { customerId: _id, contacts: _contacts, ...changed } = e.data;
      return { ...s, ...changed };
    }
    case 'CustomerReassigned':
      return s.status === 'active' ? { ...s, ownerRepId: e.data.toRepId } : s;
    default:
      return s;
  }
};

export const customerStream = streamKind('tally-customer-', initialCustomer, evolveCustomer, customerEventCodecs);
