// Customer stream state.
import type { FoldedEvent, StreamKind } from '../shared/decider';
import type { CustomerEvent } from './events';

export type CustomerState = { status: 'none' } | { status: 'active'; customerId: string; name: string; ownerRepId: string };

export const initialCustomer = (): CustomerState => ({ status: 'none' });

export const evolveCustomer = (s: CustomerState, e: FoldedEvent<CustomerEvent>): CustomerState =>
  e.type === 'CustomerRegistered' ? { status: 'active', customerId: e.data.customerId, name: e.data.name, ownerRepId: e.data.ownerRepId } : s;

export const customerStream: StreamKind<CustomerState> = {
  prefix: 'tally-customer-',
  initialState: initialCustomer,
  evolve: evolveCustomer as StreamKind<CustomerState>['evolve'],
};
