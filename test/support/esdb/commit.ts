// One append as the server performs it, whichever RPC carried it (Append or BatchAppend): the
// injected faults, the write timeout and the client's deadline around EventLog.append.
import type * as grpc from '@grpc/grpc-js';
import type { Faults } from './faults';
import type { AppendResult, EventLog, ExpectedRevision, ProposedEvent } from './log';
import { ticksNow } from './wire';

export interface WriteContext {
  readonly log: EventLog;
  readonly faults: Faults;
  /** EventStoreDB's WriteTimeoutMs (2 s by default): a write not committed by then is answered Timeout. */
  readonly writeTimeoutMs: number;
  /** On a follower of a cluster: the NotLeader refusal every write gets. */
  readonly refuseWrite?: () => grpc.ServiceError | undefined;
}

export type Committed =
  | { readonly kind: 'answered'; readonly result: AppendResult }
  /** The whole call fails with this status (Unavailable, NotLeader): nothing or everything was written. */
  | { readonly kind: 'failed'; readonly error: grpc.ServiceError }
  /** Written, and never answered: the client hears nothing about this append. */
  | { readonly kind: 'swallowed' }
  /** Answered Timeout: not written when the deadline had passed; written later when the write was slow. */
  | { readonly kind: 'timeout' };

export async function commit(
  ctx: WriteContext,
  stream: string,
  expected: ExpectedRevision,
  proposed: readonly ProposedEvent[],
  deadline?: number,
): Promise<Committed> {
  const refused = ctx.refuseWrite?.() ?? ctx.faults.beforeAppend();
  if (refused) return { kind: 'failed', error: refused };
  const slow = ctx.faults.slowAppendMs;
  if (slow >= ctx.writeTimeoutMs) {
    // The write outlives the timeout: the client hears Timeout, and the events land anyway.
    setTimeout(() => ctx.log.append(stream, expected, proposed, ticksNow()), slow).unref();
    await sleep(ctx.writeTimeoutMs);
    return { kind: 'timeout' };
  }
  if (slow > 0) await sleep(slow);
  if (deadline !== undefined && Date.now() > deadline) return { kind: 'timeout' };
  const result = ctx.log.append(stream, expected, proposed, ticksNow());
  if (result.kind !== 'success') return { kind: 'answered', result };
  const lost = ctx.faults.afterCommit();
  if (lost) return { kind: 'failed', error: lost };
  return ctx.faults.swallowAnswer() ? { kind: 'swallowed' } : { kind: 'answered', result };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
