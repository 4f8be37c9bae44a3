// The test server's BatchAppend, driven by @eventstore/db-client on its default path: the client
// asks ServerFeatures, sees BatchAppend supported and never uses plain Append. Each case checks
// the answer shape the client unpacks (success, WrongExpectedVersion details, Timeout, size).
import { DeadlineExceededError, EventStoreDBClient, MaxAppendSizeExceededError, WrongExpectedVersionError, type ResolvedEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { client, sale, server, streamName, useEsdbTestServer } from '../support/esdb/fixture';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';

useEsdbTestServer();

async function revisionsOf(c: EventStoreDBClient, stream: string): Promise<bigint[]> {
  const out: bigint[] = [];
  for await (const resolved of c.readStream(stream) as AsyncIterable<ResolvedEvent>) out.push(resolved.event!.revision);
  return out;
}

/** A server and client of their own, for options the shared server does not have. */
async function withServer<T>(options: Parameters<typeof startEsdbTestServer>[0], run: (c: EventStoreDBClient, s: EsdbTestServer) => Promise<T>): Promise<T> {
  const own = await startEsdbTestServer(options);
  const c = EventStoreDBClient.connectionString(own.url);
  try {
    return await run(c, own);
  } finally {
    await c.dispose();
    await own.close();
  }
}

describe('BatchAppend', () => {
  it('is the path the client takes: 12 appends, concurrent ones included, over one BatchAppend call and no Append', async () => {
    const before = server.calls();
    const stream = streamName('batch');
    await client.appendToStream(stream, [sale(1), sale(2)], { expectedRevision: 'no_stream' });
    // 10 appends in flight at once on the same call, told apart by their correlation ids.
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => client.appendToStream(streamName(`batch-${i}`), sale(i))));
    await client.appendToStream(stream, sale(3), { expectedRevision: 1n });
    expect(results.every((r) => r.success && r.nextExpectedRevision === 0n)).toBe(true);
    expect(await revisionsOf(client, stream)).toEqual([0n, 1n, 2n]);
    const after = server.calls();
    expect(after.GetSupportedMethods).toBeGreaterThanOrEqual(1);
    expect(after.Append ?? 0).toBe(before.Append ?? 0);
    // The first append of the connection opened the one call; the other 11 went over it.
    expect(after.BatchAppend).toBe(1);
  });

  it('answers a wrong expected revision with the details the client reports (current 1, expected 0)', async () => {
    const stream = streamName('wrong');
    await client.appendToStream(stream, [sale(1), sale(2)]);
    const refused = await client.appendToStream(stream, sale(3), { expectedRevision: 0n }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(WrongExpectedVersionError);
    expect(refused).toMatchObject({ streamName: stream, expectedVersion: 0n, actualVersion: 1n });
    const missing = await client.appendToStream(streamName('missing'), sale(1), { expectedRevision: 'stream_exists' }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ expectedVersion: 'stream_exists', actualVersion: 'no_stream' });
  });

  it('writes an append the client sent in several requests (batchAppendSize 400 B) as one, all or nothing', async () => {
    const stream = streamName('chunked');
    // Each proposed message is about 100 bytes, so 20 of them go out in about 5 requests.
    const events = Array.from({ length: 20 }, (_, i) => sale(i));
    await client.appendToStream(stream, events, { expectedRevision: 'no_stream', batchAppendSize: 400 });
    expect(await revisionsOf(client, stream)).toEqual(events.map((_, i) => BigInt(i)));
    // The same 20 again expecting no_stream: the idempotent replay, not 20 more events.
    await client.appendToStream(stream, events, { expectedRevision: 'no_stream', batchAppendSize: 400 });
    expect(await revisionsOf(client, stream)).toHaveLength(20);
  });

  it('refuses an append over MaxAppendSize across its requests, and writes none of it', async () => {
    await withServer({ maxAppendSize: 1000 }, async (c) => {
      const stream = streamName('too-big');
      // 20 messages of ~100 bytes = ~2000 bytes > 1000, sent as requests of ≤ 400 bytes each.
      const events = Array.from({ length: 20 }, (_, i) => sale(i));
      await expect(c.appendToStream(stream, events, { batchAppendSize: 400 })).rejects.toBeInstanceOf(MaxAppendSizeExceededError);
      await expect(c.appendToStream(stream, sale(1))).resolves.toMatchObject({ success: true, nextExpectedRevision: 0n });
    });
  });

  it("answers Timeout, without writing, when the append's deadline passed before the write", async () => {
    // The write takes 150 ms; the client gave it 50 ms.
    await withServer({ faults: { slowAppendMs: 150 } }, async (c) => {
      const stream = streamName('deadline');
      await expect(c.appendToStream(stream, sale(1), { deadline: 50 })).rejects.toBeInstanceOf(DeadlineExceededError);
      await expect(c.appendToStream(stream, sale(2), { expectedRevision: 'no_stream' })).resolves.toMatchObject({ success: true });
      expect(await revisionsOf(c, stream)).toEqual([0n]);
    });
  });

  it('answers Timeout after the write timeout and commits anyway when the write is slower (CommitTimeout)', async () => {
    // Write timeout 100 ms, write 300 ms: Timeout at ~100 ms, the event in the stream at ~300 ms.
    await withServer({ writeTimeoutMs: 100, faults: { slowAppendMs: 300 } }, async (c, s) => {
      const stream = streamName('commit-timeout');
      const event = sale(1);
      await expect(c.appendToStream(stream, event)).rejects.toBeInstanceOf(DeadlineExceededError);
      await new Promise((r) => setTimeout(r, 400));
      expect(s.stats().events).toBe(1);
    });
  });
});
