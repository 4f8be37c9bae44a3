// Events of access: the tokens of a subject issued before a moment are refused from then on. The
// event names the subject and the moment only (no reason): managers read company-wide events.
import * as t from 'io-ts';
import type { EventsOf } from '../shared/decider';

export const TokensRevoked = t.type({ subject: t.string, issuedBefore: t.string }, 'TokensRevoked');

export type AccessEvent = EventsOf<typeof accessEventCodecs>;

export const accessEventCodecs = { TokensRevoked } as const;
