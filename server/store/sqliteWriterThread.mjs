// The SQLite store's writer thread: its own connection, one durable group per message, answered
// in order. While it waits for a COMMIT's fsync the main thread goes on decoding, deciding and
// answering; a command is still acknowledged only once the group holding it is committed.
// A group may also arrive in parts (`part` … `commit`): the thread checks, seals and inserts the
// first part inside the open transaction while the main thread still decides the rest.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { addToGroup, beginGroup, commitGroup, prepareWriter, rollbackGroup, writeGroup } from './sqliteGroup.mjs';
import { unpackRequests } from './sqliteWire.mjs';

const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
const writer = prepareWriter(db, workerData.genesis);

/** The group arriving in parts: its id, the open transaction, when it began, or why it failed. */
let open;

const fail = (e) => ({ message: e?.message ?? String(e), code: e?.code });

const part = (m) => {
  if (m.first) {
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
  if (g.failed) return parentPort.postMessage({ id: m.id, error: g.failed });
  try {
    const results = g.group ? commitGroup(writer, g.group) : [];
    parentPort.postMessage({ id: m.id, results: JSON.stringify(results), seconds: (performance.now() - g.t0) / 1000 });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: fail(e) });
  }
};

parentPort.on('message', (m) => {
  switch (m.type) {
    case 'close':
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
  const t0 = performance.now();
  try {
    const results = writeGroup(writer, unpackRequests(m.packed));
    parentPort.postMessage({ id: m.id, results: JSON.stringify(results), seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: fail(e) });
  }
});
