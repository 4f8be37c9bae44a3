// Which idempotency record a command's events belong to. A keyed command's events carry its key as
// `meta.commandId` and its sender as `meta.actor`, and the hash chain covers both; the store keeps the
// record under `subjectKey(actor, key)` (or, before keys were scoped by subject, under the bare key).
import type { StoredEvent } from '../../core/shared/envelope';
import { subjectKey, type EventStore, type IdempotencyRecord } from './port';

export type KeyedRecord = IdempotencyRecord & { readonly key: string };

/** Two events of one command: the same commandId from the same subject (keys are per subject, so two may share one). */
export const sameCommand = (a: StoredEvent, b: StoredEvent): boolean => a.meta.commandId === b.meta.commandId && a.meta.actor === b.meta.actor;

/** `a` is read from a table an intruder may have edited into anything. */
const samePositions = (a: unknown, b: readonly number[]): boolean => Array.isArray(a) && a.length === b.length && a.every((p, i) => p === b[i]);

/** The record one command's events (consecutive, `sameCommand`) left, when it was keyed: the one naming exactly these positions. */
export const recordOf = async (store: EventStore, group: readonly StoredEvent[]): Promise<KeyedRecord | undefined> => {
  const positions = group.map((e) => e.position);
  for (const key of [subjectKey(group[0].meta.actor, group[0].meta.commandId), group[0].meta.commandId]) {
    const record = await store.findIdempotency(key);
    if (record && samePositions(record.positions, positions)) return { ...record, key };
  }
  return undefined;
};

/** Runs of consecutive events of one command, in log order. */
export async function* commandsOf(pages: AsyncIterable<readonly StoredEvent[]>): AsyncGenerator<StoredEvent[]> {
  let group: StoredEvent[] = [];
  for await (const page of pages)
    for (const e of page) {
      if (group.length > 0 && !sameCommand(group[0], e)) {
        yield group;
        group = [];
      }
      group.push(e);
    }
  if (group.length > 0) yield group;
}
