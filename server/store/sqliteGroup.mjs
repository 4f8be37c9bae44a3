// One durable group of appends on a SQLite connection: BEGIN IMMEDIATE, each request checked and
// sealed into the hash chain in turn, COMMIT. Plain JavaScript, because the SQLite store runs it
// either on its own connection or on a writer thread, and a worker thread loads no TypeScript.
// Each event arrives serialised (its data and meta as RFC 8785 text, its strings already quoted),
// so sealing here is concatenation and SHA-256; what came out is read back by positions and hashes.
import { chainBody, chainHash } from './chainText.mjs';
import { checkExpected } from './expectedRevision.mjs';
import { recordedNoEarlier } from './recordedOrder.mjs';

/** The statements a writing connection needs, prepared once; `genesis`: the prevHash of position 1. */
export const prepareWriter = (db, genesis) => ({
  genesis,
  insert: db.prepare('INSERT INTO events (position, stream, revision, type, data, occurred_at, recorded_at, meta, prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?)'),
  lastRevision: db.prepare('SELECT MAX(revision) AS r FROM events WHERE stream = ?').pluck(),
  head: db.prepare('SELECT position, hash, recorded_at FROM events ORDER BY position DESC LIMIT 1'),
  key: db.prepare('SELECT digest, positions FROM idempotency WHERE key = ?'),
  insertKey: db.prepare('INSERT INTO idempotency (key, digest, positions) VALUES (?,?,?)'),
  begin: db.prepare('BEGIN IMMEDIATE'),
  commit: db.prepare('COMMIT'),
  rollback: db.prepare('ROLLBACK'),
  inTransaction: () => db.inTransaction,
});

const lastRevision = (w, stream) => w.lastRevision.get(stream) ?? -1;

const applyOne = (w, r, head) => {
  if (r.key !== undefined) {
    const seen = w.key.get(r.key);
    if (seen) return { kind: 'duplicate', digest: seen.digest, positions: JSON.parse(seen.positions) };
  }
  // A new stream needs no look-up: the (stream, revision) key refuses revision 0 of one that exists.
  const fresh = r.expected === 'no-stream' && r.events.length > 0;
  const actual = fresh ? -1 : lastRevision(w, r.stream);
  if (!fresh && !checkExpected(r.expected, actual)) return { kind: 'conflict', actual };
  const position = head.position + 1;
  const prevHash = head.hash;
  const hashes = [];
  // set only when an event is recorded later than it was decided (recordedOrder.mjs): its recordedAt per event
  let moved;
  for (let i = 0; i < r.events.length; i++) {
    let e = r.events[i];
    const recordedAt = recordedNoEarlier(e.recordedAt, head.recordedAt);
    if (recordedAt !== e.recordedAt) {
      e = { ...e, recordedAt, recordedAtJson: JSON.stringify(recordedAt) };
      moved ??= r.events.map((x) => x.recordedAt);
      moved[i] = recordedAt;
    }
    head.recordedAt = recordedAt;
    const p = position + i;
    const revision = actual + 1 + i;
    const prev = i === 0 ? prevHash : hashes[i - 1];
    const hash = chainHash(prev, chainBody(e, r.streamJson, p, prev, revision));
    try {
      w.insert.run(p, r.stream, revision, e.type, e.data, e.occurredAt, e.recordedAt, e.meta, prev, hash);
    } catch (err) {
      if (fresh && i === 0 && err?.code === 'SQLITE_CONSTRAINT_UNIQUE') return { kind: 'conflict', actual: lastRevision(w, r.stream) };
      throw err;
    }
    hashes.push(hash);
  }
  if (r.key !== undefined) w.insertKey.run(r.key, r.digest, JSON.stringify(hashes.map((_, i) => position + i)));
  head.position += hashes.length;
  if (hashes.length > 0) head.hash = hashes[hashes.length - 1];
  return moved ? { kind: 'ok', position, revision: actual + 1, prevHash, hashes, recordedAt: moved } : { kind: 'ok', position, revision: actual + 1, prevHash, hashes };
};

/**
 * Take the write lock and read the head once, to be carried from request to request: the start of
 * a group whose requests may arrive in parts (`addToGroup`) before `commitGroup`.
 */
export const beginGroup = (w) => {
  w.begin.run();
  try {
    const row = w.head.get();
    return { head: row ? { position: row.position, hash: row.hash, recordedAt: row.recorded_at } : { position: 0, hash: w.genesis, recordedAt: undefined }, results: [] };
  } catch (e) {
    rollbackGroup(w);
    throw e;
  }
};

/** Check and seal more requests into the open group; anything SQLite refuses rolls all of it back and throws. */
export const addToGroup = (w, group, requests) => {
  try {
    for (const r of requests) group.results.push(applyOne(w, r, group.head));
  } catch (e) {
    rollbackGroup(w);
    throw e;
  }
};

/** COMMIT the open group: every request in it is durable, or (a failed COMMIT) none is. */
export const commitGroup = (w, group) => {
  try {
    w.commit.run();
  } catch (e) {
    rollbackGroup(w);
    throw e;
  }
  return group.results;
};

export const rollbackGroup = (w) => {
  if (w.inTransaction()) w.rollback.run();
};

/**
 * Write the requests in one transaction; each is refused on its own (conflict, duplicate) or
 * appended. Anything SQLite refuses (a full disk, a failed COMMIT) rolls back and throws: none of
 * the group is written.
 */
export const writeGroup = (w, requests) => {
  const group = beginGroup(w);
  addToGroup(w, group, requests);
  return commitGroup(w, group);
};
