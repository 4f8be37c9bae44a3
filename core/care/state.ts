// Care stream states: the one care-policy stream and one stream per logged contact.
import type { FoldedEvent, StreamKind } from '../shared/decider';
import type { CareEvent } from './events';

export const CARE_POLICY_ID = 'policy';

export type CarePolicyState = { status: 'default' } | { status: 'set' };
export type ContactState = { status: 'none' } | { status: 'logged'; customerId: string; repId: string };

export const evolveCarePolicy = (s: CarePolicyState, e: FoldedEvent<CareEvent>): CarePolicyState => (e.type === 'CarePolicySet' ? { status: 'set' } : s);

export const evolveContact = (s: ContactState, e: FoldedEvent<CareEvent>): ContactState =>
  e.type === 'CustomerContactLogged' ? { status: 'logged', customerId: e.data.customerId, repId: e.data.repId } : s;

export const carePolicyStream: StreamKind<CarePolicyState> = {
  prefix: 'tally-care-',
  initialState: () => ({ status: 'default' }),
  evolve: evolveCarePolicy as StreamKind<CarePolicyState>['evolve'],
};

export const contactStream: StreamKind<ContactState> = {
  prefix: 'tally-contact-',
  initialState: () => ({ status: 'none' }),
  evolve: evolveContact as StreamKind<ContactState>['evolve'],
};
