// A three-node EventStoreDB cluster on loopback for tests: three test servers over one shared
// log, node 0 the leader. Every node answers gossip with all three members; a follower serves
// reads and refuses writes with NotLeader naming the leader, as a real follower does, so
// `esdb+discover://` finds the leader and a client on a follower is sent to it.
import type { Member } from './gossip';
import { EventLog } from './log';
import { startEsdbTestServer, type EsdbTestServer } from './server';

export interface EsdbTestCluster {
  /** node 0 is the leader */
  readonly nodes: readonly EsdbTestServer[];
  /** `esdb+discover://` through node `seed`'s gossip, plus `query` (e.g. `nodePreference=follower`) */
  discoverUrl(seed: number, query?: string): string;
  close(): Promise<void>;
}

export async function startEsdbTestCluster(size = 3): Promise<EsdbTestCluster> {
  const host = '127.0.0.1';
  const log = new EventLog();
  let members: Member[] = [];
  const nodes: EsdbTestServer[] = [];
  for (let i = 0; i < size; i++) nodes.push(await startEsdbTestServer({ host, cluster: { log, members: () => members } }));
  members = nodes.map((n, i) => ({ host, port: n.port, leader: i === 0 }));
  return {
    nodes,
    discoverUrl: (seed, query) => `esdb+discover://${host}:${nodes[seed].port}?tls=false${query ? `&${query}` : ''}`,
    close: async () => {
      await Promise.all(nodes.map((n) => n.close()));
    },
  };
}
