// Append throughput on SQLite: the bench's commands through CommandEngine.handleBatch in batches
// of 100 (which also writes the data set every later row reads) into the store as `tally serve`
// composes it (its durable groups written by the writer thread), beside its floor — a bare
// better-sqlite3 insert + SHA-256 loop over the same events with the same durability.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import type { Actor } from '../../server/engine/actor';
import { CommandEngine, type CommandResult } from '../../server/engine/engine';
import { COLUMNS, rawToEvent, SqliteStore, type RawRow } from '../../server/store/sqlite';
import { benchCommands } from './data';

export const BENCH_ACTOR: Actor = { sub: 'bench', role: 'admin' };
/** recordedAt of the first batch; each batch is one second later, so asOf has a range to hit */
export const RECORDED_FROM = Date.parse('2026-11-27T00:00:00Z');
const BATCH = 100;
const CHUNK = 10_000;

export interface Throughput {
  readonly events: number;
  readonly seconds: number;
  readonly perSecond: number;
}

const take = <T>(it: Iterator<T>, n: number): T[] => {
  const out: T[] = [];
  while (out.length < n) {
    const r = it.next();
    if (r.done) break;
    out.push(r.value);
  }
  return out;
};

export interface AppendFigures {
  readonly engine: Throughput;
  readonly floor: Throughput;
  /**
   * CPU µs per event, which other load on the machine moves far less than the rates: the engine's
   * on the main thread and in all of the process's threads (the writer thread's sealing, inserting
   * and COMMIT; GC helpers), and the floor's (one thread). Undefined where Linux's per-thread
   * figure is not to be had.
   */
  readonly cpu?: { readonly engineMain: number; readonly engineAll: number; readonly floor: number };
}

/** This thread's time on a CPU in µs (Linux's schedstat), or undefined elsewhere. */
const threadCpuUs = (): number | undefined => {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1000;
  } catch {
    return undefined;
  }
};

const processCpuUs = () => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

const throughput = (events: number, ms: number): Throughput => ({ events, seconds: ms / 1000, perSecond: events / (ms / 1000) });

/**
 * Every command through the engine, 100 per handleBatch, into `path` (the data set of the later
 * rows), driven as `tally import` drives it: one batch in flight while the next is decided. After
 * each chunk of 10,000 the same events go through the floor into `floorPath`, so both figures see
 * the same machine load. Only the engine's chunks and the floor's loop are timed.
 */
export const measureAppend = async (path: string, floorPath: string, events: number, onProgress?: (done: number) => void): Promise<AppendFigures> => {
  const store = new SqliteStore(path, { writer: 'thread' });
  let now = RECORDED_FROM;
  const engine = new CommandEngine({ store, clock: () => new Date(now) });
  const floor = new BareFloor(path, floorPath);
  const source = benchCommands(events)[Symbol.iterator]();
  let engineMs = 0;
  let floorMs = 0;
  const cpu = { engineMain: 0, engineAll: 0, floor: 0 };
  let perThread = threadCpuUs() !== undefined;
  let done = 0;
  let batches = 0;
  /**
   * A batch's answers: each accepted, recorded at its batch's second, or at the next one for a
   * command decided again after its batch was answered (a stream dropped from the write cache is
   * taken to be new, and the append's conflict sends the command back to be read and decided once
   * the clock has moved on to the batch after it).
   */
  const check = (results: CommandResult[], first: number, recordedAt: string, next: string) => {
    const refused = results.findIndex(E.isLeft);
    if (refused >= 0) throw new Error(`bench command ${first + refused} was refused: ${JSON.stringify((results[refused] as E.Left<unknown>).left)}`);
    // the clock moves on as the next batch is issued: every command of a batch must have been decided before it
    const late = results.findIndex((r) => E.isRight(r) && r.right.some((e) => e.recordedAt !== recordedAt && e.recordedAt !== next));
    if (late >= 0) throw new Error(`bench command ${first + late} was not decided at its batch's second (${recordedAt}) or the next`);
  };
  try {
    for (let chunk = take(source, CHUNK); chunk.length > 0; chunk = take(source, CHUNK)) {
      const main0 = threadCpuUs();
      const all0 = processCpuUs();
      const t0 = performance.now();
      let ahead: { answered: Promise<CommandResult[]>; first: number; recordedAt: string } | undefined;
      for (let i = 0; i < chunk.length + BATCH; i += BATCH) {
        let next: typeof ahead;
        if (i < chunk.length) {
          now = RECORDED_FROM + 1000 * batches++;
          next = { first: done + i, recordedAt: new Date(now).toISOString(), answered: engine.handleBatch(chunk.slice(i, i + BATCH), BENCH_ACTOR) };
          next.answered.catch(() => undefined); // met in its turn below
        }
        // the clock moves on with the next batch: this one is decided by then (deciding waits for
        // no I/O), once the batch ahead is answered, or for the first, after a turn of the loop
        if (ahead) check(await ahead.answered, ahead.first, ahead.recordedAt, new Date(Date.parse(ahead.recordedAt) + 1000).toISOString());
        else await new Promise((r) => setImmediate(r));
        ahead = next;
      }
      engineMs += performance.now() - t0;
      // the writer thread's last work on a chunk is the COMMIT its last batch awaited: done by now
      cpu.engineAll += processCpuUs() - all0;
      cpu.engineMain += (threadCpuUs() ?? NaN) - (main0 ?? NaN);
      // turn about: the floor inserts what the engine just wrote
      const floor0 = threadCpuUs();
      floorMs += floor.insert(done, chunk.length);
      cpu.floor += (threadCpuUs() ?? NaN) - (floor0 ?? NaN);
      done += chunk.length;
      onProgress?.(done);
    }
    const head = await store.head();
    if (head.position !== events) throw new Error(`the data set has ${head.position} events, ${events} were meant`);
  } finally {
    floor.close();
    await store.close();
  }
  perThread &&= Number.isFinite(cpu.engineMain + cpu.floor);
  return {
    engine: throughput(done, engineMs),
    floor: throughput(done, floorMs),
    ...(perThread && done > 0 ? { cpu: { engineMain: cpu.engineMain / done, engineAll: cpu.engineAll / done, floor: cpu.floor / done } } : {}),
  };
};

const FLOOR_SCHEMA = `CREATE TABLE events (
  position INTEGER PRIMARY KEY, stream TEXT NOT NULL, revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL,
  occurred_at TEXT NOT NULL, recorded_at TEXT NOT NULL, meta TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL,
  UNIQUE (stream, revision))`;


/**
 * The floor: the same events (read back from the data set, untimed) inserted by a bare loop —
 * JSON.stringify, SHA-256 over the previous hash and the body, one prepared INSERT — into the
 * same table, in WAL mode with synchronous=FULL, one BEGIN IMMEDIATE … COMMIT per 100 events.
 */
class BareFloor {
  private readonly source: Database.Database;
  private readonly db: Database.Database;
  private readonly page;
  private readonly statements;
  private prev = '0'.repeat(64);
  private lastRecorded = '';

  constructor(sourcePath: string, path: string) {
    this.source = new Database(sourcePath, { readonly: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(FLOOR_SCHEMA);
    this.page = this.source.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? ORDER BY position LIMIT ?`).raw(true);
    this.statements = {
      insert: this.db.prepare('INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)'),
      begin: this.db.prepare('BEGIN IMMEDIATE'),
      commit: this.db.prepare('COMMIT'),
    };
  }

  /** Insert events after..after+count; returns the milliseconds the loop took. */
  insert(after: number, count: number): number {
    const events = (this.page.all(after, count) as RawRow[]).map(rawToEvent);
    // as-of answers find a position by recordedAt (positionAt): it must only grow along the log
    for (const e of events) {
      if (e.recordedAt < this.lastRecorded) throw new Error(`the data set's position ${e.position} was recorded at ${e.recordedAt}, before the event ahead of it (${this.lastRecorded})`);
      this.lastRecorded = e.recordedAt;
    }
    const { insert, begin, commit } = this.statements;
    const t0 = performance.now();
    for (let i = 0; i < events.length; i += BATCH) {
      begin.run();
      for (let k = i; k < Math.min(i + BATCH, events.length); k++) {
        const e = events[k];
        const body = { position: e.position, stream: e.stream, revision: e.revision, type: e.type, data: e.data, occurredAt: e.occurredAt, recordedAt: e.recordedAt, meta: e.meta, prevHash: this.prev };
        const hash = createHash('sha256').update(this.prev).update(JSON.stringify(body)).digest('hex');
        insert.run(e.position, e.stream, e.revision, e.type, JSON.stringify(e.data), e.occurredAt, e.recordedAt, JSON.stringify(e.meta), this.prev, hash);
        this.prev = hash;
      }
      commit.run();
    }
    return performance.now() - t0;
  }

  close(): void {
    this.db.close();
    this.source.close();
  }
}
