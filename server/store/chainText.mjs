// The text a sealed event is hashed over (SPEC §2): SHA-256 hex of prevHash + the RFC 8785
// canonical JSON of the event without its hash. Plain JavaScript, so the SQLite writer thread
// (which loads no TypeScript) seals with this very text; hashChain.ts builds on it.
import { createHash } from 'node:crypto';

/**
 * The canonical (RFC 8785) text of a sealed event without its hash, members in JCS order: `data`,
 * `meta`, `occurredAt`, `position`, `prevHash`, `recordedAt`, `revision`, `stream`, `type`.
 */
export const chainBody = (e, stream, position, prevHash, revision) =>
  `{"data":${e.data},"meta":${e.meta},"occurredAt":${e.occurredAtJson},"position":${position},"prevHash":${JSON.stringify(prevHash)},"recordedAt":${e.recordedAtJson},"revision":${revision},"stream":${stream},"type":${e.typeJson}}`;

export const chainHash = (prevHash, body) => createHash('sha256').update(prevHash).update(body).digest('hex');
