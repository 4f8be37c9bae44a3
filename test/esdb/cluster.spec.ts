// `esdb+discover://` against a three-node loopback cluster of test servers (node 0 the leader,
// one shared log): the client asks a seed's gossip, connects to the leader, and a client that
// chose a follower is told NotLeader with the leader's endpoint and follows it there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { startEsdbTestCluster, type EsdbTestCluster } from '../support/esdb/cluster';
import { createTeam } from '../support/esdb/fixture';

let cluster: EsdbTestCluster;
beforeAll(async () => {
  cluster = await startEsdbTestCluster();
});
afterAll(async () => {
  await cluster?.close();
});

const writesOn = (node: number) => cluster.nodes[node].calls().BatchAppend ?? 0;

describe('esdb+discover:// on a three-node cluster', () => {
  it("finds the leader through a follower's gossip and writes there", async () => {
    const store = await openEsdbStore(`${cluster.discoverUrl(2)}&stream=tally-log-discover`);
    try {
      const [a] = await store.appendMany([createTeam(1)]);
      const [b] = await store.appendMany([createTeam(2)]);
      expect([a, b]).toMatchObject([{ kind: 'ok', events: [{ position: 1 }] }, { kind: 'ok', events: [{ position: 2 }] }]);
      expect(cluster.nodes[2].calls()['Gossip.Read']).toBeGreaterThanOrEqual(1);
      // Both appends went over one BatchAppend call to the leader, none to a follower.
      expect(writesOn(0)).toBe(1);
      expect(writesOn(1) + writesOn(2)).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('follows a NotLeader answer from the follower it chose to the leader, and writes once', async () => {
    const before = [0, 1, 2].map(writesOn);
    const events = cluster.nodes[0].stats().events;
    // nodePreference=follower: gossip sends the client to node 1 or 2. Its first append there is
    // refused NotLeader (leader 127.0.0.1:<node 0>); the client reconnects to node 0 and the
    // adapter's resend, the same event ids, is written there: 1 event, not 2.
    const store = await openEsdbStore(`${cluster.discoverUrl(1, 'nodePreference=follower')}&stream=tally-log-follower`);
    try {
      const [first] = await store.appendMany([createTeam(3)]);
      expect(first).toMatchObject({ kind: 'ok', events: [{ position: 1 }] });
      const refusedOn = [1, 2].filter((n) => writesOn(n) > before[n]);
      expect(refusedOn).toHaveLength(1);
      expect(writesOn(0)).toBe(before[0] + 1);
      const [second] = await store.appendMany([createTeam(4)]);
      expect(second).toMatchObject({ kind: 'ok', events: [{ position: 2 }] });
      expect(cluster.nodes[0].stats().events).toBe(events + 2);
      // The subscription, cut with the follower's channel, was opened again: the log reads whole.
      expect((await store.readAll()).map((e) => e.position)).toEqual([1, 2]);
    } finally {
      await store.close();
    }
  });
});
