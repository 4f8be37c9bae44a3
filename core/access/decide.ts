// Rules for revoking tokens. A subject's cut-off only moves later: a revocation is never undone by
// a second one naming an earlier moment (mint the subject a new token instead).
import * as E from 'fp-ts/Either';
import type { NewEvent } from '../shared/decider';
import { conflict, type Problem } from '../shared/problem';
import { toMillis } from '../shared/period';
import type { RevokeTokens } from './commands';
import type { AccessEvent } from './events';
import type { AccessState } from './state';

export const revokeTokens = (c: RevokeTokens, s: AccessState): E.Either<Problem, readonly NewEvent<AccessEvent>[]> => {
  const before = s.cutoffs.get(c.subject);
  if (before !== undefined && before >= toMillis(c.issuedBefore))
    return E.left(conflict(`the tokens of '${c.subject}' issued before ${new Date(before).toISOString()} are already refused; a revocation only moves later`));
  return E.right([{ type: 'TokensRevoked', data: { subject: c.subject, issuedBefore: c.issuedBefore } }]);
};
