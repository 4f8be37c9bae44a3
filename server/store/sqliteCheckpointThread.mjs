// The SQLite store's checkpointer: copies the write-ahead log back into the database file on its
// own connection and thread, every 100 ms. SQLite's automatic checkpoint runs inside the COMMIT
// that crosses 1,000 pages of log, and copied all of them there: the durable group that happened to
// be that one waited 5–10 ms (1 % of the transactions under load, 20 commands each). A PASSIVE
// checkpoint takes no lock a writer or a reader waits for. The writer thread keeps its automatic
// checkpoint, which now finds nearly every page copied already, and which lets the log start over:
// under steady writes this thread alone never catches the log's end, so the log would only grow.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path);
db.pragma('busy_timeout = 10000');
const step = () => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // busy or I/O: the next step tries again, and SQLite's own checkpoint on close copies the rest
  }
};
const timer = setInterval(step, workerData.everyMs);
parentPort.on('message', (m) => {
  if (m.type !== 'close') return;
  clearInterval(timer);
  db.close();
  parentPort.close();
});
