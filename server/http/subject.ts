// Who a token speaks for. A rep's subject is its repId, since every rule about a rep's own data
// compares the two. Anyone else's is whatever the identity provider issues (alice@corp.example,
// a UUID, "CN=Wu Li,O=Corp") up to 256 characters of one line of text: it is written into every
// event the caller sends (meta.actor), so no control characters, bidi overrides or half
// surrogate pairs, which would poison the log or show other than they read.
import * as E from 'fp-ts/Either';
import { ID_PATTERN, Text } from '../../core/shared/codec';

export const MAX_SUBJECT = 256;
const SubjectText = Text(MAX_SUBJECT, 'Subject');

/** Why `sub` cannot be the subject of a token of this role; undefined when it can. */
export const subjectProblem = (role: string, sub: unknown): string | undefined => {
  if (typeof sub !== 'string') return 'the token has no subject';
  if (role === 'rep') return ID_PATTERN.test(sub) ? undefined : "a rep token's subject is its repId (letters, digits and _ . : -, at most 64)";
  const decoded = SubjectText.decode(sub);
  return E.isRight(decoded) ? undefined : `the token subject is not one line of text of at most ${MAX_SUBJECT} characters without control characters or bidi overrides`;
};
