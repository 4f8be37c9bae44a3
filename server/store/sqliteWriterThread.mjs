// The SQLite store's writer thread: its own connection, one durable group per message, answered
// in order. While it waits for a COMMIT's fsync the main thread goes on decoding, deciding and
// answering; a command is still acknowledged only once the group holding it is committed.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { prepareWriter, writeGroup } from './sqliteGroup.mjs';

const db = new Database(workerData.path);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 10000');
const writer = prepareWriter(db, workerData.genesis);

parentPort.on('message', (m) => {
  if (m.type === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const t0 = performance.now();
  try {
    const results = writeGroup(writer, m.requests);
    parentPort.postMessage({ id: m.id, results, seconds: (performance.now() - t0) / 1000 });
  } catch (e) {
    parentPort.postMessage({ id: m.id, error: { message: e?.message ?? String(e), code: e?.code } });
  }
});
