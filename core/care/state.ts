// Care stream states: the one care-policy stream and one stream per logged contact.
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type CareEvent, careEventCodecs } from './events';

export const CARE_POLICY_ID = 'policy';

export type CarePolicyState = { status: 'default' } | { status: 'set' };
export type ContactState = { status: 'none' } | { status: 'logged'; customerId: string; repId: string };

export const evolveCarePolicy = (s: CarePolicyState, e: FoldedEvent<CareEvent>): CarePolicyState => (e.type === 'CarePolicySet' ? { status: 'set' } : s);

export const evolveContact = (s: ContactState, e: FoldedEvent<CareEvent>): ContactState =>
  e.type === 'CustomerContactLogged' ? { status: 'logged', customerId: e.data.customerId, repId: e.data.repId } : s;

export const carePolicyStream = streamKind('tally-care-', (): CarePolicyState => ({ status: 'default' }), evolveCarePolicy, careEventCodecs);

export const contactStream = streamKind('tally-contact-', (): ContactState => ({ status: 'none' }), evolveContact, careEventCodecs);
