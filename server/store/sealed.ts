// Migration support shared by every adapter: checks that commands sealed by another store continue
// this log exactly, so an import preserves positions, hashes and recorded times or refuses.
import type { StoredEvent } from '../../core/shared/envelope';
import { hashOf } from './hashChain';
import type { Head, SealedAppend } from './port';

export class SealedMismatchError extends Error {
  constructor(
    readonly position: number,
    reason: string,
  ) {
    super(`sealed event at position ${position} does not continue this log: ${reason}`);
    this.name = 'SealedMismatchError';
  }
}

/** What the store knows before the call: its head, each stream's last revision, the keys it holds. */
export interface LogView {
  readonly head: Head;
  lastRevision(stream: string): number;
  hasKey(key: string): boolean;
}

/** Throws SealedMismatchError at the first event that does not follow the ones before it. */
export const checkSealed = (commands: readonly SealedAppend[], view: LogView): void => {
  let position = view.head.position;
  let prev = view.head.hash;
  const revisions = new Map<string, number>();
  const keys = new Set<string>();
  for (const c of commands) {
    const first = c.events[0]?.position ?? position + 1;
    if (c.idempotency && (keys.has(c.idempotency.key) || view.hasKey(c.idempotency.key)))
      throw new SealedMismatchError(first, `idempotency key '${c.idempotency.key}' is already in the log`);
    if (c.idempotency) keys.add(c.idempotency.key);
    for (const e of c.events) {
      const revision = (revisions.get(e.stream) ?? view.lastRevision(e.stream)) + 1;
      const reason = mismatch(e, position + 1, prev, revision);
      if (reason) throw new SealedMismatchError(e.position, reason);
      revisions.set(e.stream, revision);
      position = e.position;
      prev = e.hash;
    }
  }
};

const mismatch = (e: StoredEvent, position: number, prevHash: string, revision: number): string | undefined => {
  if (e.position !== position) return `position ${e.position} where ${position} was expected`;
  if (e.prevHash !== prevHash) return 'prevHash does not link to the head of this log';
  if (e.revision !== revision) return `revision ${e.revision} of ${e.stream} where ${revision} was expected`;
  if (hashOf(e) !== e.hash) return 'hash does not match the event content';
  return undefined;
};
