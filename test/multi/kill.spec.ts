// kill -9 of one Tally instance under load on a shared EventStoreDB: nothing acknowledged is lost,
// the other instance keeps serving, and the killed one restarts and catches up.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';
import { adminToken, allAt, checkLog, getJson, logOf, post, sale, seed, spawnInstance, startInstance, type Acknowledged, type ChildInstance, type Instance, type Posted } from './support';

let esdb: EsdbTestServer;
let a: ChildInstance;
let b: Instance;
let token: string;

beforeAll(async () => {
  esdb = await startEsdbTestServer({ port: 0 });
  [a, b] = await Promise.all([spawnInstance(esdb.url), startInstance(esdb.url)]);
  token = await adminToken();
  await seed(b.url, token);
});

afterAll(async () => {
  await a?.close();
  await b?.close();
  await esdb?.close();
});

const until = async (what: string, f: () => boolean, ms = 20_000) => {
  const end = Date.now() + ms;
  while (!f()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
};

it('loses nothing acknowledged when an instance is killed mid-load; the other serves on; the killed one catches up', async () => {
  const acknowledged: Acknowledged = new Map();
  let killed = false;
  let stop = false;
  let failedOver = 0;
  let servedByBAfterKill = 0;
  const writer = async (w: number) => {
    let onA = w % 2 === 0;
    for (let i = 0; !stop; i++) {
      const key = `k-${w}-${i}`;
      const body = sale(`O-${w}-${i}`, w + i);
      let r: Posted;
      try {
        r = await post(onA ? a.url : b.url, token, 'RecordSale', body, key);
      } catch (e) {
        if (!onA || !killed) throw e;
        // A died with this request in flight or before it: the client retries on B with the same
        // key, which answers the first write if A had made it, or makes it now.
        onA = false;
        failedOver++;
        r = await post(b.url, token, 'RecordSale', body, key);
      }
      expect(r.status, JSON.stringify(r.body)).toBe(201);
      acknowledged.set(key, r.body.events!);
      if (killed && !onA) servedByBAfterKill++;
    }
  };
  const load = Promise.all(Array.from({ length: 16 }, (_, w) => writer(w)));

  await until('load on both instances', () => acknowledged.size >= 120);
  a.child.kill('SIGKILL');
  killed = true;
  await until('B to keep serving', () => servedByBAfterKill >= 80);
  stop = true;
  await load;
  expect(failedOver).toBe(8); // every writer that was on A noticed, and moved to B

  const restarted = await spawnInstance(esdb.url);
  a = restarted;
  const head = (await getJson<{ head: number }>(b.url, token, '/api/events?limit=1')).head;
  await allAt([a.url, b.url], head);
  const [logA, logB] = await Promise.all([logOf(a.url, token), logOf(b.url, token)]);
  expect(logA).toEqual(logB);
  expect(checkLog(logB, acknowledged)).toBeUndefined();
  const verified = await Promise.all([a, b].map((i) => getJson<{ ok: boolean; count: number }>(i.url, token, '/api/audit/verify')));
  expect(verified.map((v) => [v.ok, v.count])).toEqual([[true, head], [true, head]]);
  // and the restarted instance takes writes again
  expect((await post(a.url, token, 'RecordSale', sale('O-after-restart', 1), 'after-restart')).status).toBe(201);
}, 120_000); // a kill, a restart and a catch-up of two child processes: generous on a busy machine
