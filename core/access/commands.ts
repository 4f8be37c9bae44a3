// Commands of access: an admin refuses, from now on, every token of a subject issued before a
// moment — a leaked embed token, a departed rep's, a lost laptop's. Tokens are minted outside the
// log (`tally token`, with the secret), so what the log can hold is the cut-off, not a token list.
import * as t from 'io-ts';
import { closed, Instant, Text } from '../shared/codec';

/** A token's `sub`: a rep's repId, or whatever the identity provider issues (one line, at most 256). */
export const Subject = Text(256, 'Subject');

export const RevokeTokens = closed('RevokeTokens', { subject: Subject, issuedBefore: Instant });
export type RevokeTokens = t.TypeOf<typeof RevokeTokens>;
