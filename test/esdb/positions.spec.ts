// Reads at the edges, as EventStoreDB answers them. A $all position between two events: EventStoreDB refuses to read or subscribe from it
// ("Trying to read from an invalid position.", status Unknown) instead of starting at the next
// event, so the test server does too; an event's own position, 0 and the end stay valid.
// Stream metadata $tb, $maxCount and $maxAge hide events from stream reads, as on the real server.
import type { AllStreamResolvedEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { client, sale, streamName, useEsdbTestServer } from '../support/esdb/fixture';

useEsdbTestServer();

const collect = async (read: AsyncIterable<AllStreamResolvedEvent>) => {
  const out: AllStreamResolvedEvent[] = [];
  for await (const e of read) out.push(e);
  return out;
};

describe('a $all position between events', () => {
  it('fails a read and a subscription from it, where the positions of events read and subscribe', async () => {
    const stream = streamName('between');
    await client.appendToStream(stream, [sale(1), sale(2)]);
    const [first, second] = (await collect(client.readAll())).filter((e) => e.event?.streamId === stream);
    const p = first.event!.position;
    // One byte past the first event is inside its record: not a position anything starts at.
    const inside = { commit: p.commit + 1n, prepare: p.prepare + 1n };
    expect(inside.commit).toBeLessThan(second.event!.position.commit);
    await expect(collect(client.readAll({ fromPosition: inside }))).rejects.toThrow('Trying to read from an invalid position.');

    const dropped = await new Promise<unknown>((done) => {
      const subscription = client.subscribeToAll({ fromPosition: inside });
      subscription.on('error', done);
      subscription.on('data', () => done(new Error('an event arrived')));
    });
    expect((dropped as Error).message).toContain('Trying to read from an invalid position.');

    const fromFirst = await collect(client.readAll({ fromPosition: p, maxCount: 2 }));
    expect(fromFirst.map((e) => e.event!.id)).toEqual([first.event!.id, second.event!.id]);
    await expect(collect(client.readAll({ fromPosition: { commit: 0n, prepare: 0n }, maxCount: 1 }))).resolves.toHaveLength(1);
  });
});

describe('stream metadata on reads', () => {
  const ns = async (stream: string, options: Parameters<typeof client.readStream>[1] = {}) => {
    const out: number[] = [];
    for await (const e of client.readStream(stream, options)) out.push((e.event!.data as { n: number }).n);
    return out;
  };

  it('hides revisions before $tb and all but the last $maxCount, forwards and backwards, as EventStoreDB does before scavenging', async () => {
    const stream = streamName('meta');
    await client.appendToStream(stream, [0, 1, 2, 3, 4, 5].map(sale));
    // $tb=2: revisions 0 and 1 hidden; $maxCount=3 on top: only 3, 4, 5 (the last three).
    await client.setStreamMetadata(stream, { truncateBefore: 2 });
    expect(await ns(stream)).toEqual([2, 3, 4, 5]);
    expect(await ns(stream, { direction: 'backwards', fromRevision: 'end', maxCount: 10 })).toEqual([5, 4, 3, 2]);
    await client.setStreamMetadata(stream, { truncateBefore: 2, maxCount: 3 });
    expect(await ns(stream)).toEqual([3, 4, 5]);
    // maxCount counts the events returned, not those skipped: from revision 0, two of them.
    expect(await ns(stream, { fromRevision: 0n, maxCount: 2 })).toEqual([3, 4]);
  });

  it('hides events older than $maxAge seconds', async () => {
    const stream = streamName('aged');
    await client.appendToStream(stream, [sale(0), sale(1)]);
    await client.setStreamMetadata(stream, { maxAge: 3600 });
    expect(await ns(stream)).toEqual([0, 1]);
    // After 1.1 s, maxAge 1 hides both (written more than a second ago).
    await new Promise((r) => setTimeout(r, 1100));
    await client.setStreamMetadata(stream, { maxAge: 1 });
    expect(await ns(stream)).toEqual([]);
  });
});
