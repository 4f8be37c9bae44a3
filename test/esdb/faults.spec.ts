// Tally on EventStoreDB under injected faults (seeded, so a failure repeats): appends refused,
// committed with the answer lost, redirected by NotLeader; subscriptions dropped mid-stream.
// Writers retry a 503 with the same Idempotency-Key, as the API asks of clients.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../core/shared/envelope';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';
import { adminToken, allAt, checkLog, logOf, post, sale, spawnInstance, startInstance, type Acknowledged, type Instance } from '../multi/support';

/** POST with a key, again on 503 with the same key (up to 20 times); the first other answer. */
async function postRetrying(base: string, token: string, type: string, data: unknown, key: string) {
  for (let attempt = 1; ; attempt++) {
    const r = await post(base, token, type, data, key);
    if (r.status !== 503 || attempt === 20) return { ...r, attempts: attempt };
  }
}

const SEED_COMMANDS: [string, unknown][] = [
  ['CreateTeam', { teamId: 'T-1', name: 'East' }],
  ...['R-1', 'R-2', 'R-3', 'R-4'].map((repId): [string, unknown] => ['AddRep', { repId, name: `Rep ${repId}`, teamId: 'T-1', joinedAt: '2025-01-01' }]),
  ...['C-1', 'C-2', 'C-3', 'C-4'].map((customerId, i): [string, unknown] => ['RegisterCustomer', { customerId, name: customerId, ownerRepId: `R-${i + 1}` }]),
];

describe('two Tally instances on a faulty EventStoreDB', () => {
  let esdb: EsdbTestServer;
  let a: Instance;
  let b: Instance;
  let token: string;

  beforeAll(async () => {
    // Per append: 20 % refused, 20 % committed with the answer lost, 10 % NotLeader, so half of
    // all sends fail and 1 in 16 appends fails 4 times in a row (the adapter's 3 resends used
    // up: a 503); 5 % of subscription events end their subscription.
    esdb = await startEsdbTestServer({
      // seed 20 draws 0.139, 0.033, …: every kind's second roll of its own draws meets a fault, so every run meets each kind
      faults: { unavailable: 0.2, unavailableAfterCommit: 0.2, notLeader: 0.1, dropSubscriptions: 0.05, seed: 20 },
    });
    // B in a child process: @eventstore/db-client keeps its BatchAppend answers in one map per
    // process and fails them all when any one of its calls fails, so two clients in one process
    // would fail each other's appends, which two Tally processes never do.
    [a, b] = await Promise.all([startInstance(esdb.url), spawnInstance(esdb.url)]);
    token = await adminToken();
  });

  afterAll(async () => {
    await a?.close();
    await b?.close();
    await esdb?.close();
  });

  it('keeps every acknowledged command exactly once, gap-free, on both instances, and resumes dropped subscriptions', async () => {
    const acknowledged: Acknowledged = new Map();
    let retried = 0;
    for (const [i, [type, data]] of SEED_COMMANDS.entries()) {
      const r = await postRetrying(a.url, token, type, data, `seed-${i}`);
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      acknowledged.set(`seed-${i}`, r.body.events!);
      retried += r.attempts - 1;
    }
    // 4 writers × 6 sales, alternating instances: 24 sales and 9 seed commands, 33 commands.
    const writer = async (w: number) => {
      for (let i = 0; i < 6; i++) {
        const key = `fault-sale-${w}-${i}`;
        const r = await postRetrying((w + i) % 2 === 0 ? a.url : b.url, token, 'RecordSale', sale(`O-${w}-${i}`, w + i), key);
        expect(r.status, JSON.stringify(r.body)).toBe(201);
        acknowledged.set(key, r.body.events!);
        retried += r.attempts - 1;
      }
    };
    await Promise.all([0, 1, 2, 3].map(writer));

    // Each instance serves the log as far as it has applied it: a sale B acknowledged reaches A
    // through A's subscription, some milliseconds later (and later still when that subscription
    // was just dropped). Every command was acknowledged, so the last acknowledged position is the
    // head; both instances learnt it through subscriptions dropped and resumed along the way.
    const head = Math.max(...[...acknowledged.values()].flat().map((e) => e.position));
    await allAt([a.url, b.url], head);
    const log = await logOf(a.url, token);
    expect(log).toHaveLength(head);
    expect(checkLog(log, acknowledged)).toBeUndefined();
    expect(new Set(log.map((e) => e.meta.commandId)).size).toBe(33);
    expect(await logOf(b.url, token)).toEqual(log);
    // The run did meet faults of each kind (the seed fixes which roll of each kind meets one; how
    // many rolls a run makes depends on its timing).
    const injected = esdb.injected();
    console.log(`faults injected: ${JSON.stringify(injected)}; commands retried after a 503: ${retried}`);
    expect(injected.unavailable).toBeGreaterThan(0);
    expect(injected['unavailable-after-commit']).toBeGreaterThan(0);
    expect(injected['not-leader']).toBeGreaterThan(0);
    expect(injected['drop-subscriptions']).toBeGreaterThan(0);
  });
});

describe('an append that committed before its answer was lost', () => {
  it('is written once although sent four times, and a retry with its key is answered as done', async () => {
    // Every append commits, then its answer is lost: the adapter's 3 resends (same ids, same
    // expected revision) are deduplicated by the server, so 4 sends leave 1 event, and 503 is
    // the answer. The retry with the same key finds the command in the log and does not append.
    const esdb = await startEsdbTestServer({ faults: { unavailableAfterCommit: 1 } });
    const tally = await startInstance(esdb.url);
    try {
      const token = await adminToken();
      const first = await post(tally.url, token, 'CreateTeam', { teamId: 'T-9', name: 'West' }, 'lost-answer');
      expect(first.status).toBe(503);
      expect(esdb.calls().BatchAppend).toBeGreaterThanOrEqual(1);
      expect(esdb.injected()['unavailable-after-commit']).toBe(4);
      expect(esdb.stats().events).toBe(1);
      await allAt([tally.url], 1);
      const again = await post(tally.url, token, 'CreateTeam', { teamId: 'T-9', name: 'West' }, 'lost-answer');
      expect(again.status).toBe(201);
      expect(again.body.events!.map((e: StoredEvent) => e.position)).toEqual([1]);
      expect(esdb.injected()['unavailable-after-commit']).toBe(4);
      expect(esdb.stats().events).toBe(1);
    } finally {
      await tally.close();
      await esdb.close();
    }
  });

});
