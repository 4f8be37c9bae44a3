// Signed checkpoints of the log head: position + head hash, HMAC-SHA256 under TALLY_CHECKPOINT_KEY,
// kept beside the store. The hash chain shows that no event was edited, inserted or reordered,
// but a log cut short at its tail is still a valid chain; a later verify that finds the log
// shorter than, or different at, the position a checkpoint signed has found that cut. A checkpoint
// also signs a digest of the idempotency records of the log up to its position, which no later
// append changes: a record's body digest edited, or a record removed, since then is found too.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConfigError } from '../config';
import { canonicalJson } from '../store/hashChain';
import type { EventStore } from '../store/port';

export interface Checkpoint {
  readonly position: number;
  readonly hash: string;
  readonly signedAt: string;
  /** SHA-256 (hex) of the idempotency records up to `position` (keysDigest); absent where the store cannot list them, and in checkpoints of older versions */
  readonly keys?: string;
  /** HMAC-SHA256 (hex) of the canonical JSON of { position, hash, signedAt, keys? } */
  readonly mac: string;
}

export type CheckpointCheck = { readonly ok: true } | { readonly ok: false; readonly badPosition: number; readonly reason: string };

/** The key, at least 32 bytes, or undefined when unset. */
export const checkpointKeyOf = (env: NodeJS.ProcessEnv): string | undefined => {
  const key = env.TALLY_CHECKPOINT_KEY;
  if (!key) return undefined;
  if (Buffer.byteLength(key) < 32) throw new ConfigError('TALLY_CHECKPOINT_KEY is shorter than 32 bytes: give a longer key (e.g. `openssl rand -base64 48`)');
  return key;
};

/**
 * TALLY_CHECKPOINT_PATH when set; else beside the SQLite file (`data/tally.db.checkpoint`), or
 * ./data/tally.checkpoint for a store without a file (EventStoreDB); none for memory.
 */
export const checkpointFileOf = (storeSpec: string, env: NodeJS.ProcessEnv = {}): string | undefined => {
  if (storeSpec.startsWith('memory')) return undefined;
  if (env.TALLY_CHECKPOINT_PATH) return env.TALLY_CHECKPOINT_PATH;
  if (storeSpec.startsWith('sqlite:')) return `${storeSpec.slice('sqlite:'.length)}.checkpoint`;
  return './data/tally.checkpoint';
};

const macOf = (key: string, c: Omit<Checkpoint, 'mac'>): string =>
  createHmac('sha256', key)
    .update(canonicalJson({ position: c.position, hash: c.hash, signedAt: c.signedAt, ...(c.keys === undefined ? {} : { keys: c.keys }) }))
    .digest('hex');

export const signCheckpoint = (key: string, position: number, hash: string, signedAt: string, keys?: string): Checkpoint => {
  const body = { position, hash, signedAt, ...(keys === undefined ? {} : { keys }) };
  return { ...body, mac: macOf(key, body) };
};

/**
 * SHA-256 of every idempotency record whose command lies at or before `position`, in key order, one
 * canonical `[key, digest, positions]` a line. Records are never rewritten and later ones lie after
 * the position, so the digest of a position stays what it was unless someone edits the table.
 * Undefined where the store keeps its keys in its own log (EventStoreDB).
 */
export const keysDigest = async (store: EventStore, position: number): Promise<string | undefined> => {
  if (!store.idempotencyRecords) return undefined;
  const h = createHash('sha256');
  for await (const r of store.idempotencyRecords()) {
    const positions: unknown = r.positions;
    const last = Array.isArray(positions) ? positions[positions.length - 1] : undefined;
    // an unreadable or empty record is not a command's: it counts wherever it sits
    if (typeof last !== 'number' || last <= position) h.update(`${canonicalJson([r.key, r.digest, positions])}\n`);
  }
  return h.digest('hex');
};

export const isAuthentic = (key: string, c: Checkpoint): boolean => {
  const expected = Buffer.from(macOf(key, c), 'hex');
  const given = Buffer.from(typeof c.mac === 'string' ? c.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

const isCheckpoint = (u: unknown): u is Checkpoint => {
  const c = u as Checkpoint;
  return typeof u === 'object' && u !== null && Number.isSafeInteger(c.position) && c.position >= 0 && typeof c.hash === 'string' && typeof c.signedAt === 'string' && typeof c.mac === 'string' && (c.keys === undefined || typeof c.keys === 'string');
};

/** The checkpoint in the file, undefined when there is none; throws when the file is not one. */
export const readCheckpoint = (file: string): Checkpoint | undefined => {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw e;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  // a setting to fix (the path, or the file), said in one line rather than a stack trace
  if (!isCheckpoint(parsed)) throw new ConfigError(`${file} is not a Tally checkpoint`);
  return parsed;
};

/** Written whole or not at all: a crash mid-write leaves the previous checkpoint. */
export const writeCheckpoint = (file: string, c: Checkpoint): void => {
  // The first checkpoint of a store without a file may be the first thing written in its directory.
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(c, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
};

/** Does the log still reach the signed position with the signed hash there? */
export const checkAgainst = async (store: EventStore, c: Checkpoint): Promise<CheckpointCheck> => {
  if (c.position === 0) return { ok: true };
  const head = await store.head();
  if (head.position < c.position)
    return {
      ok: false,
      badPosition: head.position + 1,
      reason: `the log ends at position ${head.position}, but the checkpoint signed at ${c.signedAt} saw it reach ${c.position}: events were removed from its tail`,
    };
  const [event] = await store.readAll({ after: c.position - 1, limit: 1 });
  if (!event || event.hash !== c.hash)
    return { ok: false, badPosition: c.position, reason: `the event at position ${c.position} is not the one the checkpoint signed at ${c.signedAt}: history was rewritten` };
  if (c.keys !== undefined && (await keysDigest(store, c.position)) !== c.keys)
    return {
      ok: false,
      badPosition: c.position,
      reason: `the idempotency records of positions 1–${c.position} are not those the checkpoint signed at ${c.signedAt}: a record was edited (its body digest or positions), removed or added`,
    };
  return { ok: true };
};
