// Idempotency records against the hash chain. The table of keys lies outside the chain, but what a
// record may say is fixed by it: a keyed command's events carry the key as `meta.commandId` and the
// sender as `meta.actor`, so a true record names exactly the run of consecutive events of that key
// and sender. An edited record (other positions, none, a key that appended nothing) finds no run.
import type { StoredEvent } from '../../core/shared/envelope';
import { commandsOf, recordOf, sameCommand, type KeyedRecord } from '../store/commandKeys';
import { readAllPaged, subjectKey, type EventStore } from '../store/port';

export type KeysCheck =
  | { readonly ok: true; readonly keys: number; /** false where the store cannot list its records (EventStoreDB) */ readonly listed: boolean }
  | { readonly ok: false; readonly key: string; readonly reason: string };

const isPositionList = (u: unknown): u is number[] => Array.isArray(u) && u.length > 0 && u.every((p) => Number.isSafeInteger(p) && p > 0);

const carriesKey = (e: StoredEvent, key: string): boolean => subjectKey(e.meta.actor, e.meta.commandId) === key || e.meta.commandId === key;

/** Why one record is not the record of a command in the log, or undefined when it is. */
const faultOf = async (store: EventStore, r: KeyedRecord): Promise<string | undefined> => {
  const positions: unknown = r.positions;
  if (!isPositionList(positions)) return `names ${JSON.stringify(positions)}, but every keyed command appended at least one event`;
  const [first, last] = [positions[0], positions[positions.length - 1]];
  if (positions.some((p, i) => p !== first + i)) return `names positions ${positions.join(', ')}, which are not one command's consecutive events`;
  // the command's events and one on either side, to see that the record leaves none of them out
  const around = await store.readAll({ after: Math.max(0, first - 2), limit: positions.length + 2 });
  const at = (p: number) => around.find((e) => e.position === p);
  const stranger = positions.find((p) => !at(p) || !carriesKey(at(p)!, r.key));
  if (stranger !== undefined) return `names position ${stranger}, which holds no event of that key and sender`;
  const left = [first - 1, last + 1].find((p) => at(p) && sameCommand(at(p)!, at(first)!));
  return left === undefined ? undefined : `leaves out position ${left}, an event of the same command`;
};

const count = async (records: AsyncIterable<unknown>): Promise<number> => {
  let n = 0;
  for await (const _record of records) n++;
  return n;
};

/**
 * Every command run in the log that some record names exactly is matched; then every record must
 * have been matched. Two reads of the log-sized kind: the log once, the table once.
 */
export const verifyKeys = async (store: EventStore): Promise<KeysCheck> => {
  let matched = 0;
  for await (const group of commandsOf(readAllPaged(store, 0, 20_000))) if (await recordOf(store, group)) matched++;
  if (!store.idempotencyRecords) return { ok: true, keys: matched, listed: false };
  const total = await count(store.idempotencyRecords());
  if (total === matched) return { ok: true, keys: total, listed: true };
  // Some record matched no command: find it (a slower, per-record look, only on this path).
  for await (const r of store.idempotencyRecords()) {
    const fault = await faultOf(store, r);
    if (fault) return { ok: false, key: r.key, reason: `the idempotency record of key '${r.key}' ${fault}` };
  }
  return { ok: false, key: '', reason: `${total} idempotency records, but only ${matched} commands in the log carry their key` };
};
