// Tally refuses to start on a `tally-log` stream that EventStoreDB deleted or may shorten: a log
// with dropped events would have a gap in its positions and a broken hash chain.
import { jsonEvent } from '@eventstore/db-client';
import { describe, expect, it } from 'vitest';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { StoreConfigError } from '../../server/store/port';
import { client, server, streamName, useEsdbTestServer } from '../support/esdb/fixture';

useEsdbTestServer();

const open = (stream: string) => openEsdbStore(`${server.url}&stream=${stream}`);

/** A log stream with one event in it, as any deployment's after its first command. */
async function writtenLog(label: string): Promise<string> {
  const stream = streamName(label);
  await client.appendToStream(stream, jsonEvent({ type: 'Other', data: {} }));
  return stream;
}

describe('a log stream that is not whole', () => {
  it.each([
    [{ maxCount: 1000 }, '$maxCount=1000'],
    [{ maxAge: 86_400 }, '$maxAge=86400'],
    [{ truncateBefore: 5 }, '$tb=5'],
  ])('refuses stream metadata %o with one message naming it', async (metadata, named) => {
    const stream = streamName('shortened');
    await client.setStreamMetadata(stream, metadata);
    const refused = await open(stream).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(StoreConfigError);
    expect((refused as Error).message).toContain(`the EventStoreDB stream ${stream} carries stream metadata ${named}, which lets EventStoreDB drop its events`);
  });

  it('refuses a deleted stream (soft delete: $tb past the end) and a tombstoned one', async () => {
    const deleted = await writtenLog('deleted');
    await client.deleteStream(deleted);
    await expect(open(deleted)).rejects.toThrow(`the EventStoreDB stream ${deleted} was deleted;`);

    const tombstoned = await writtenLog('tombstoned');
    await client.tombstoneStream(tombstoned);
    await expect(open(tombstoned)).rejects.toThrow(`the EventStoreDB stream ${tombstoned} was deleted for good (tombstoned);`);
  });

  it('starts on a new stream, and on one whose metadata only sets other keys', async () => {
    const fresh = await open(streamName('fresh'));
    await fresh.close();
    const stream = streamName('acl-only');
    await client.setStreamMetadata(stream, { cacheControl: 60, team: 'east' });
    const store = await open(stream);
    expect(await store.head()).toMatchObject({ position: 0 });
    await store.close();
  });
});
