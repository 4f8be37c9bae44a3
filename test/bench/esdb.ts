// EventStoreDB figures for `npm run bench`, measured on the in-memory wire-compatible test server
// (NOT a performance anchor: a real cluster adds fsync and replication, the test server adds its own
// JS cost; the ratios to the bare-client floors beside them are what this row tells).
//   measureEsdb(events, { url? }) → appends through the engine (batches of 100 commands, and 16
//   concurrent single-command writers), a bare-client append floor, the index rebuild at start,
//   and replay. Without a url the test server runs in a child process, so it does not share the
//   measured event loop; with TALLY_TEST_ESDB's url it measures a real server.
// Run alone: node --import tsx test/bench/esdb.ts [events] [url]
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import * as E from 'fp-ts/Either';
import { allProjections } from '../../core/catalog';
import { World } from '../../core/fold/world';
import { CommandEngine } from '../../server/engine/engine';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { readAllPaged, type EventStore } from '../../server/store/port';
import { BENCH_ACTOR, RECORDED_FROM, type Throughput } from './append';
import { benchCommands } from './data';

export interface EsdbFigures {
  /** the engine's handleBatch, 100 commands a call, one writer */
  readonly appendBatches: Throughput;
  /** 16 concurrent writers of one command each (the adapter's group commit) */
  readonly appendConcurrent: Throughput;
  /** floor: the bare client appending the same number of small JSON events, 100 per append */
  readonly appendFloor: Throughput;
  /** opening a store on the log: reading it whole to rebuild the index */
  readonly openIndex: Throughput;
  /** `tally replay`: every read model folded from the log read over gRPC */
  readonly replay: Throughput;
  /** floor: the bare client reading the stream, no decoding */
  readonly readFloor: Throughput;
}

const throughput = (events: number, ms: number): Throughput => ({ events, seconds: ms / 1000, perSecond: events / (ms / 1000) });

const timed = async (f: () => Promise<number>): Promise<[number, number]> => {
  const t0 = performance.now();
  const n = await f();
  return [n, performance.now() - t0];
};

/** The test server in a child process; resolves with its url and a way to stop it. */
const testServerChild = async (): Promise<{ url: string; close: () => Promise<void> }> => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/esdb/main.ts', '--port', '0'], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const m = /listening: (esdb:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`the ESDB test server exited with ${code}`)));
  });
  return { url, close: async () => void (child.kill('SIGTERM'), await new Promise((r) => child.once('exit', r))) };
};

export const measureEsdb = async (events = 50_000, options: { url?: string } = {}): Promise<EsdbFigures> => {
  const server = options.url ? { url: options.url, close: async () => undefined } : await testServerChild();
  // Fresh stream names, so a real server can be measured more than once.
  const run = randomUUID().slice(0, 8);
  const sep = server.url.includes('?') ? '&' : '?';
  const url = (stream: string, extra = '') => `${server.url}${sep}stream=${stream}-${run}${extra}`;
  const stores: EventStore[] = [];
  const open = async (stream: string, extra = '') => {
    const s = await openEsdbStore(url(stream, extra));
    stores.push(s);
    return s;
  };
  const client = EventStoreDBClient.connectionString(server.url);
  try {
    // Appends through the engine: the bench's own company and sales, 100 commands a call.
    const store = await open('bench-log');
    let now = RECORDED_FROM;
    const engine = new CommandEngine({ store, clock: () => new Date(now) });
    const commands = [...benchCommands(events)];
    const [, batchMs] = await timed(async () => {
      for (let i = 0; i < commands.length; i += 100) {
        const results = await engine.handleBatch(commands.slice(i, i + 100), BENCH_ACTOR);
        now += 1000;
        if (results.some(E.isLeft)) throw new Error(`a bench command was refused at ${i}`);
      }
      return commands.length;
    });

    // 16 writers of one command each, on another log (a tenth of the events, all sales).
    const concurrent = Math.max(160, Math.floor(events / 10));
    const other = await open('bench-concurrent');
    const oneEngine = new CommandEngine({ store: other, clock: () => new Date(now) });
    const setup = commands.filter((c) => c.type !== 'RecordSale' && c.type !== 'RefundSale');
    await oneEngine.handleBatch(setup, BENCH_ACTOR);
    const sales = commands.filter((c) => c.type === 'RecordSale').slice(0, concurrent);
    const [, concurrentMs] = await timed(async () => {
      let next = 0;
      await Promise.all(
        Array.from({ length: 16 }, async () => {
          while (next < sales.length) {
            const r = await oneEngine.handle(sales[next++], BENCH_ACTOR);
            if (E.isLeft(r)) throw new Error(`a bench sale was refused: ${r.left.detail}`);
          }
        }),
      );
      return sales.length;
    });

    // Floor: the bare client, 100 small JSON events an append, expected revision checked.
    const [, floorMs] = await timed(async () => {
      for (let i = 0; i < commands.length; i += 100) {
        const batch = commands.slice(i, i + 100).map((c) => jsonEvent({ id: randomUUID(), type: c.type, data: c.data as Record<string, unknown> }));
        await client.appendToStream(`bench-floor-${run}`, batch, { expectedRevision: i === 0 ? 'no_stream' : BigInt(i - 1) });
      }
      return commands.length;
    });

    // A second instance's start: the whole log read to rebuild the index (memory cache off, so
    // replay below reads over gRPC too).
    const [reader, openMs] = await (async () => {
      const t0 = performance.now();
      const s = await open('bench-log', '&cacheEvents=1');
      return [s, performance.now() - t0] as const;
    })();
    const [replayed, replayMs] = await timed(async () => {
      const world = new World(allProjections, { zone: 'Asia/Shanghai', currency: 'CNY' });
      for await (const page of readAllPaged(reader, 0, 50_000)) for (const e of page) world.apply(e);
      return world.position;
    });
    const [read, readMs] = await timed(async () => {
      let n = 0;
      for await (const _ of client.readStream(`bench-log-${run}`)) n++;
      return n;
    });
    return {
      appendBatches: throughput(commands.length, batchMs),
      appendConcurrent: throughput(sales.length, concurrentMs),
      appendFloor: throughput(commands.length, floorMs),
      openIndex: throughput(commands.length, openMs),
      replay: throughput(replayed, replayMs),
      readFloor: throughput(read, readMs),
    };
  } finally {
    for (const s of stores) await s.close();
    await client.dispose();
    await server.close();
  }
};

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await measureEsdb(Number(process.argv[2] ?? 50_000), { url: process.argv[3] });
  for (const [name, t] of Object.entries(figures)) console.log(`${name.padEnd(17)} ${String(Math.round(t.perSecond)).padStart(8)} events/s  (${t.events} in ${t.seconds.toFixed(2)} s)`);
  if (!process.argv[3]) console.log('(in-memory ESDB test server in a child process: not a performance anchor)');
}
