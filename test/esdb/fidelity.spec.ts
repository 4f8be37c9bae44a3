// Keeps the test server honest: a second client nobody here wrote, @kurrent/kurrentdb-client
// (its appends over BatchAppend in JS, its reads through its own Rust gRPC bridge), drives it
// through what Tally relies on, with EventStoreDB's documented answers. The server runs in its own
// process (`npm run esdb-test-server`): the two clients' generated protobuf code registers the
// same global message names, so the server's copy and this client must not share one process.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { BACKWARDS, END, FORWARDS, jsonEvent, KurrentDBClient, START, StreamNotFoundError, streamNameFilter, WrongExpectedVersionError, type ResolvedEvent } from '@kurrent/kurrentdb-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

let server: ChildProcess;
let client: KurrentDBClient;

beforeAll(async () => {
  server = spawn(process.execPath, ['--import', 'tsx', resolve(__dirname, '../support/esdb/main.ts'), '--port', '0'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    server.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = /listening: esdb:\/\/(\S+)/.exec(out);
      if (m) done(m[1]);
    });
    server.once('exit', (code) => fail(new Error(`the test server exited (${code}): ${out}`)));
  });
  client = KurrentDBClient.connectionString(`kurrentdb://${url}`);
}, 60_000);

afterAll(async () => {
  await client?.dispose();
  server?.kill();
});

const streamName = (label: string) => `${label}-${randomUUID()}`;
const sale = (n: number, id?: string) => jsonEvent({ ...(id ? { id } : {}), type: 'SaleRecorded', data: { n } });

async function collect(read: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> {
  const out: ResolvedEvent[] = [];
  for await (const e of read) out.push(e);
  return out;
}
const ns = (events: readonly ResolvedEvent[]) => events.map((e) => (e.event!.data as { n: number }).n);

describe('the test server, driven by @kurrent/kurrentdb-client', () => {
  it('checks expected revisions: no_stream, exact, stream_exists and any, with the current revision on refusal', async () => {
    const stream = streamName('expected');
    await expect(client.appendToStream(stream, [sale(0), sale(1)], { streamState: 'no_stream' })).resolves.toMatchObject({ success: true, nextExpectedRevision: 1n });
    await expect(client.appendToStream(stream, sale(2), { streamState: 1n })).resolves.toMatchObject({ nextExpectedRevision: 2n });
    const stale = await client.appendToStream(stream, sale(3), { streamState: 0n }).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(WrongExpectedVersionError);
    expect(stale).toMatchObject({ expectedState: 0n, actualState: 2n });
    await expect(client.appendToStream(stream, sale(3), { streamState: 'no_stream' })).rejects.toBeInstanceOf(WrongExpectedVersionError);
    await expect(client.appendToStream(streamName('missing'), sale(0), { streamState: 'stream_exists' })).rejects.toMatchObject({ actualState: 'no_stream' });
    await expect(client.appendToStream(stream, sale(3), { streamState: 'stream_exists' })).resolves.toMatchObject({ nextExpectedRevision: 3n });
    await expect(client.appendToStream(stream, sale(4), { streamState: 'any' })).resolves.toMatchObject({ nextExpectedRevision: 4n });
    expect(ns(await collect(client.readStream(stream)))).toEqual([0, 1, 2, 3, 4]);
  });

  it('answers a re-append of the same event ids with the earlier write, at its old place (no_stream) and under any', async () => {
    const stream = streamName('idempotent');
    const ids = [randomUUID(), randomUUID()];
    const first = await client.appendToStream(stream, [sale(0, ids[0]), sale(1, ids[1])], { streamState: 'no_stream' });
    await client.appendToStream(stream, sale(2), { streamState: 1n });
    // The stream is at revision 2 now; the same two ids at their old place (no_stream) and with
    // any are both the first write again: revision 1, nothing added.
    const again = await client.appendToStream(stream, [sale(0, ids[0]), sale(1, ids[1])], { streamState: 'no_stream' });
    expect(again).toMatchObject({ success: true, nextExpectedRevision: 1n, position: first.position });
    await expect(client.appendToStream(stream, [sale(0, ids[0]), sale(1, ids[1])], { streamState: 'any' })).resolves.toMatchObject({ nextExpectedRevision: 1n });
    expect(ns(await collect(client.readStream(stream)))).toEqual([0, 1, 2]);
  });

  it('reads a stream forwards and backwards from a revision, inclusive, up to maxCount; a missing stream is not found', async () => {
    const stream = streamName('read');
    await client.appendToStream(stream, [0, 1, 2, 3, 4, 5].map((n) => sale(n)));
    expect(ns(await collect(client.readStream(stream, { fromRevision: 2n, maxCount: 3 })))).toEqual([2, 3, 4]);
    expect(ns(await collect(client.readStream(stream, { direction: BACKWARDS, fromRevision: 3n, maxCount: 10 })))).toEqual([3, 2, 1, 0]);
    expect(ns(await collect(client.readStream(stream, { direction: BACKWARDS, fromRevision: END, maxCount: 2 })))).toEqual([5, 4]);
    expect((await collect(client.readStream(stream, { fromRevision: START }))).map((e) => e.event!.revision)).toEqual([0n, 1n, 2n, 3n, 4n, 5n]);
    await expect(collect(client.readStream(streamName('absent')))).rejects.toBeInstanceOf(StreamNotFoundError);
  });

  it('catches a stream subscription up from a revision (exclusive), then goes live', async () => {
    const stream = streamName('subscribe');
    await client.appendToStream(stream, [0, 1, 2, 3, 4].map((n) => sale(n)));
    const seen: number[] = [];
    const subscription = client.subscribeToStream(stream, { fromRevision: 2n });
    const live = new Promise<void>((done) =>
      subscription.on('data', (e: ResolvedEvent) => {
        seen.push((e.event!.data as { n: number }).n);
        if (seen.length === 3) done();
      }),
    );
    await new Promise((r) => subscription.once('caughtUp', r));
    expect(seen).toEqual([3, 4]);
    await client.appendToStream(stream, sale(5));
    await live;
    expect(seen).toEqual([3, 4, 5]);
    await subscription.unsubscribe();
  });

  it('reads $all in commit order both ways, from a position (forwards inclusive), and subscribes to it filtered by stream prefix', async () => {
    const prefix = `all-${randomUUID()}`;
    await client.appendToStream(`${prefix}-a`, [sale(0), sale(1)]);
    await client.appendToStream(`${prefix}-b`, sale(2));
    const mine = (events: ResolvedEvent[]) => events.filter((e) => e.event?.streamId.startsWith(prefix));
    const forwards = mine(await collect(client.readAll({ fromPosition: START, direction: FORWARDS })));
    expect(ns(forwards)).toEqual([0, 1, 2]);
    const positions = forwards.map((e) => e.event!.position!.commit);
    expect(positions[0] < positions[1] && positions[1] < positions[2]).toBe(true);
    expect(ns(mine(await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 3 }))))).toEqual([2, 1, 0]);
    expect(ns(mine(await collect(client.readAll({ fromPosition: forwards[1].event!.position!, maxCount: 2 }))))).toEqual([1, 2]);

    const seen: number[] = [];
    const subscription = client.subscribeToAll({ fromPosition: forwards[0].event!.position!, filter: streamNameFilter({ prefixes: [prefix] }) });
    await new Promise<void>((done) =>
      subscription.on('data', (e: ResolvedEvent) => {
        seen.push((e.event!.data as { n: number }).n);
        if (seen.length === 2) done();
      }),
    );
    // From a position, exclusive: the events after event 0.
    expect(seen).toEqual([1, 2]);
    await subscription.unsubscribe();
  });
});
