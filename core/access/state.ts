// The access stream: one stream for the whole deployment (revocations are few), folded into each
// subject's cut-off in epoch ms.
import { toMillis } from '../shared/period';
import { type FoldedEvent, streamKind } from '../shared/decider';
import { type AccessEvent, accessEventCodecs } from './events';

export interface AccessState {
  readonly cutoffs: ReadonlyMap<string, number>;
}

export const evolveAccess = (s: AccessState, e: FoldedEvent<AccessEvent>): AccessState =>
  e.type === 'TokensRevoked' ? { cutoffs: new Map(s.cutoffs).set(e.data.subject, toMillis(e.data.issuedBefore)) } : s;

export const accessStream = streamKind('tally-access-', (): AccessState => ({ cutoffs: new Map() }), evolveAccess, accessEventCodecs);

/** The one access stream's id. */
export const TOKENS = 'tokens';
