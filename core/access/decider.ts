// Access: stream kind and command wiring. Admins only: whoever holds an admin token may already
// mint any token, so only they may refuse one.
import { defineCommand } from '../shared/command';
import { RevokeTokens } from './commands';
import { revokeTokens } from './decide';
import { accessStream, TOKENS } from './state';

export const accessCommands = [
  defineCommand({
    type: 'RevokeTokens',
    summary: 'Refuse every token of a subject (its `sub`) issued before a moment, from now on: a leaked embed token, a departed rep’s. Mint the subject a new token afterwards.',
    codec: RevokeTokens,
    kind: accessStream,
    streamId: () => TOKENS,
    decide: revokeTokens,
    roles: ['admin'],
  }),
];
