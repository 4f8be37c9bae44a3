// The main thread's side of the SQLite writer thread: posts one group at a time and resolves it
// with the thread's answer. The thread is started on the first write (a store only read never
// starts one), keeps the process alive only while a group is in flight, and if it dies every
// group it held is refused (none acknowledged) and the next write starts a new one.
import { Worker } from 'node:worker_threads';
import type { WireResult } from './sqliteGroup.mjs';

export interface GroupWritten {
  readonly results: WireResult[];
  readonly seconds: number;
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

/** `results`: the WireResult[] as JSON, which crosses as one string */
type Answer = { id: number; results: string; seconds: number } | { id: number; error: { message: string; code?: string } };

export class WriterThread {
  private worker?: Worker;
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
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const ended = new Promise((resolve) => worker.once('exit', resolve));
    // held alive until it has closed: a process with nothing else to do would end first, mid-close
    worker.ref();
    worker.postMessage({ type: 'close' });
    await ended;
  }

  private start(): Worker {
    const worker = new Worker(new URL('./sqliteWriterThread.mjs', import.meta.url), { workerData: { path: this.path, genesis: this.genesis } });
    worker.unref();
    worker.on('message', (a: Answer) => {
      const w = this.waiting.get(a.id);
      if (!w) return;
      this.waiting.delete(a.id);
      if (this.waiting.size === 0) worker.unref();
      if ('error' in a) w.reject(new WriterError(a.error.message, a.error.code));
      else w.resolve({ results: JSON.parse(a.results) as WireResult[], seconds: a.seconds });
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
