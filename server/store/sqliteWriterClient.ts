// The main thread's side of the SQLite writer thread: posts each group as it is made and resolves
// it with the thread's answer (the thread commits the groups that wait for it together, and answers
// them in one message). The thread is started on the first write (a store only read never starts
// one), keeps the process alive only while a group is in flight, and if it dies every group it
// held is refused (none acknowledged) and the next write starts a new one. A checkpointer thread
// started with it copies the log back into the database file (sqliteCheckpointThread.mjs).
import { Worker } from 'node:worker_threads';
import type { WireResult } from './sqliteGroup.mjs';

export interface GroupWritten {
  readonly results: WireResult[];
  /** how long the durable transaction holding this group took */
  readonly seconds: number;
  /** the first group its transaction answers (a transaction is counted once) */
  readonly opens: boolean;
}

/** What the writer thread said went wrong, with SQLite's code (SQLITE_FULL …) when it had one. */
export class WriterError extends Error {
  constructor(
    message: string,
    readonly code?: string,
  ) {
    super(message);
    this.name = 'WriterError';
  }
}

interface Waiting {
  readonly resolve: (w: GroupWritten) => void;
  readonly reject: (e: unknown) => void;
}

/**
 * One transaction's answer to the groups it held (`ids`, in order): `results`, every group's
 * WireResult[] as one JSON text (it crosses as one string), `counts[i]` of them the i-th group's.
 */
/** how often the checkpointer copies the log back */
const CHECKPOINT_MS = 100;

/** Ask a thread to close its connection, and wait until it has ended. */
const closeThread = async (worker: Worker): Promise<void> => {
  const ended = new Promise((resolve) => worker.once('exit', resolve));
  // held alive until it has closed: a process with nothing else to do would end first, mid-close
  worker.ref();
  worker.postMessage({ type: 'close' });
  await ended;
};

type Answer = { ids: number[]; counts: number[]; results: string; seconds: number } | { ids: number[]; error: { message: string; code?: string } };

export class WriterThread {
  private worker?: Worker;
  private checkpointer?: Worker;
  private readonly waiting = new Map<number, Waiting>();
  private nextId = 0;

  constructor(
    private readonly path: string,
    private readonly genesis: string,
  ) {}

  /** A whole group, its requests packed (packRequests, packAppends). */
  write(packed: string): Promise<GroupWritten> {
    return this.ask({ packed });
  }

  /**
   * Hand over part of a group (`first`: its first part) to be checked, sealed and inserted in
   * the group's open transaction; nothing is answered until `commit`, which answers for the whole
   * group (or refuses it whole: a part SQLite refused, or a thread that died and so never saw the
   * group's start).
   */
  part(gid: number, first: boolean, packed: string): void {
    (this.worker ?? this.start()).postMessage({ type: 'part', gid, first, packed });
  }

  commit(gid: number): Promise<GroupWritten> {
    return this.ask({ type: 'commit', gid });
  }

  /** Roll back a group that will not be committed. */
  abandon(gid: number): void {
    this.worker?.postMessage({ type: 'abandon', gid });
  }

  private ask(message: object): Promise<GroupWritten> {
    const worker = this.worker ?? this.start();
    const id = ++this.nextId;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.ref();
      worker.postMessage({ id, ...message });
    });
  }

  /** After every group it was given is answered: close its connection and let it end. */
  async close(): Promise<void> {
    const checkpointer = this.checkpointer;
    this.checkpointer = undefined;
    if (checkpointer) await closeThread(checkpointer);
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    await closeThread(worker);
  }

  /** Started with the first writer thread; without it (it failed) the writer's own checkpoints still copy everything, only in its COMMITs. */
  private startCheckpointer(): Worker {
    const checkpointer = new Worker(new URL('./sqliteCheckpointThread.mjs', import.meta.url), { workerData: { path: this.path, everyMs: CHECKPOINT_MS } });
    checkpointer.unref();
    checkpointer.on('error', () => {
      if (this.checkpointer === checkpointer) this.checkpointer = undefined;
    });
    return checkpointer;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./sqliteWriterThread.mjs', import.meta.url), { workerData: { path: this.path, genesis: this.genesis } });
    this.checkpointer ??= this.startCheckpointer();
    worker.unref();
    worker.on('message', (a: Answer) => {
      const results = 'error' in a ? [] : (JSON.parse(a.results) as WireResult[]);
      for (let i = 0, at = 0; i < a.ids.length; i++) {
        const from = at;
        if (!('error' in a)) at += a.counts[i];
        const w = this.waiting.get(a.ids[i]);
        if (!w) continue;
        this.waiting.delete(a.ids[i]);
        if ('error' in a) w.reject(new WriterError(a.error.message, a.error.code));
        else w.resolve({ results: a.ids.length === 1 ? results : results.slice(from, at), seconds: a.seconds, opens: i === 0 });
      }
      if (this.waiting.size === 0) worker.unref();
    });
    const lost = (e: unknown) => {
      if (this.worker === worker) this.worker = undefined;
      const why = e instanceof Error ? e : new WriterError(`the writer thread ended (exit code ${String(e)})`);
      for (const w of this.waiting.values()) w.reject(why);
      this.waiting.clear();
    };
    worker.on('error', lost);
    worker.on('exit', lost);
    this.worker = worker;
    return worker;
  }
}
