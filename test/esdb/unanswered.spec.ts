// An append the server commits and never answers. @eventstore/db-client 6.2.1 would wait for that
// answer for ever (its BatchAppend call has no deadline and nothing times out one append), so
// the adapter gives each append appendTimeoutMs, then resends it with the same event ids: the
// server recognises the write it already has, and nothing is written twice.
import { afterEach, describe, expect, it } from 'vitest';
import type { EventStore } from '../../server/store/port';
import { StoreUnavailableError } from '../../server/store/port';
import { openEsdbStore } from '../../server/store/esdbLoader';
import type { FaultOptions } from '../support/esdb/faults';
import { createTeam } from '../support/esdb/fixture';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';

let esdb: EsdbTestServer | undefined;
let store: EventStore | undefined;
afterEach(async () => {
  await store?.close();
  await esdb?.close();
  store = esdb = undefined;
});

const open = async (faults: FaultOptions) => {
  esdb = await startEsdbTestServer({ faults });
  store = await openEsdbStore(`${esdb.url}&appendTimeoutMs=1000`);
  return { esdb, store };
};

describe('an append whose answer never comes', () => {
  it('is resent after appendTimeoutMs and answered ok, written once', async () => {
    // swallow-answers=0.5 with seed 4: the generator's draws are 0.028, 0.869, 0.660, so the
    // first send is committed and swallowed (0.028 < 0.5), its resend is the server's idempotent
    // replay and answered (0.869), and the next append is answered at once (0.660).
    const { esdb, store } = await open({ swallowAnswers: 0.5, seed: 4 });
    const started = performance.now();
    const [first] = await store.appendMany([createTeam(1)]);
    expect(performance.now() - started).toBeGreaterThanOrEqual(1000);
    expect(first).toMatchObject({ kind: 'ok', events: [{ position: 1 }] });
    expect(esdb.injected()['swallow-answers']).toBe(1);
    expect(esdb.stats().events).toBe(1);
    const [second] = await store.appendMany([createTeam(2)]);
    expect(second).toMatchObject({ kind: 'ok', events: [{ position: 2 }] });
    expect(esdb.stats().events).toBe(2);
    expect(esdb.calls().Append ?? 0).toBe(0);
  });

  it('is a 503 (StoreUnavailableError) when the resend goes unanswered too, and its key is then found in the log', async () => {
    // Every answer swallowed: the send (committed) and its one resend (a replay, or answered
    // Timeout unwritten when it reaches the server after its deadline on a loaded machine) go
    // unanswered, and the adapter gives up after ~2 × 1000 ms. The committed event reaches the
    // store through its subscription, so the same key retried is a duplicate of position 1.
    const { esdb, store } = await open({ swallowAnswers: 1 });
    const started = performance.now();
    await expect(store.appendMany([createTeam(1)])).rejects.toBeInstanceOf(StoreUnavailableError);
    expect(performance.now() - started).toBeGreaterThanOrEqual(2000);
    expect(esdb.injected()['swallow-answers']).toBeGreaterThanOrEqual(1);
    expect(esdb.stats().events).toBe(1);
    await expect.poll(async () => (await store.head()).position).toBe(1);
    const [again] = await store.appendMany([createTeam(1)]);
    expect(again).toMatchObject({ kind: 'duplicate', digest: 'digest-1', events: [{ position: 1 }] });
    expect(esdb.stats().events).toBe(1);
  });
});
