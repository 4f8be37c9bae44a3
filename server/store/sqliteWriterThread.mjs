// The SQLite store's writer thread: its own connection, durable groups answered in order. While
// it waits for a COMMIT's fsync the main thread goes on decoding, deciding and answering, and posts
// what it decided meanwhile at once: every write message that arrived during one COMMIT shares the
// next transaction (group commit on this side too), so the thread never waits for the main thread
// to notice an answer before it has work. A command is still acknowledged only once the
// transaction holding it is committed.
// A group may also arrive in parts (`part` … `commit`): the thread checks, seals and inserts the
// first part inside the open transaction while the main thread still decides the rest.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { addToGroup, beginGroup, commitGroup, prepareWriter, rollbackGroup } from './sqliteGroup.mjs';
import { unpackRequests } from './sqliteWire.mjs';

const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
const writer = prepareWriter(db, workerData.genesis);

/** The group arriving in parts: its id, the open transaction, when it began, or why it failed. */
let open;
/**
 * Write messages taken since the last COMMIT, in one open transaction committed once the messages
 * already waiting are all in: the group, each message's id and how many results are its, and when
 * it began.
 */
let taking;

const fail = (e) => ({ message: e?.message ?? String(e), code: e?.code });

/** One answer per transaction: the ids it answers, how many of the results are each one's, in order. */
const answer = (ids, counts, results, seconds) => parentPort.postMessage({ ids, counts, results: JSON.stringify(results), seconds });
const refuse = (ids, e) => parentPort.postMessage({ ids, error: fail(e) });

const take = (m) => {
  let requests;
  try {
    requests = unpackRequests(m.packed);
    if (!taking) {
      taking = { group: beginGroup(writer), ids: [], counts: [], t0: performance.now() };
      setImmediate(commitTaken);
    }
  } catch (e) {
    return refuse([m.id], e);
  }
  const before = taking.group.results.length;
  try {
    addToGroup(writer, taking.group, requests);
  } catch (e) {
    // rolled back: every message in this transaction is refused, none of it written
    const { ids } = taking;
    taking = undefined;
    return refuse([...ids, m.id], e);
  }
  taking.ids.push(m.id);
  taking.counts.push(taking.group.results.length - before);
};

function commitTaken() {
  const t = taking;
  if (!t) return;
  taking = undefined;
  try {
    const results = commitGroup(writer, t.group);
    answer(t.ids, t.counts, results, (performance.now() - t.t0) / 1000);
  } catch (e) {
    refuse(t.ids, e);
  }
}

const part = (m) => {
  if (m.first) {
    commitTaken(); // write messages before this group's start are committed first, in order
    if (open) rollbackGroup(writer); // a group the main thread gave up on
    open = { gid: m.gid, t0: performance.now() };
  } else if (open?.gid !== m.gid) {
    // this thread never saw the group's start (it replaced one that died): the group cannot be whole
    if (open) rollbackGroup(writer);
    open = { gid: m.gid, failed: { message: 'the writer thread did not see the start of this group' } };
    return;
  }
  if (open.failed) return;
  try {
    open.group ??= beginGroup(writer);
    addToGroup(writer, open.group, unpackRequests(m.packed));
  } catch (e) {
    open.failed = fail(e);
  }
};

const commit = (m) => {
  const g = open?.gid === m.gid ? open : { failed: { message: 'the writer thread holds no such group' } };
  if (open?.gid === m.gid) open = undefined;
  if (g.failed) return parentPort.postMessage({ ids: [m.id], error: g.failed });
  try {
    const results = g.group ? commitGroup(writer, g.group) : [];
    answer([m.id], [results.length], results, (performance.now() - g.t0) / 1000);
  } catch (e) {
    refuse([m.id], e);
  }
};

parentPort.on('message', (m) => {
  switch (m.type) {
    case 'close':
      commitTaken();
      if (open) rollbackGroup(writer);
      db.close();
      parentPort.close();
      return;
    case 'part':
      return part(m);
    case 'commit':
      return commit(m);
    case 'abandon':
      if (open?.gid === m.gid) {
        rollbackGroup(writer);
        open = undefined;
      }
      return;
  }
  take(m);
});
