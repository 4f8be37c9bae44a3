// Alerts are raised once however many instances tick and however often they restart: two servers
// on one SQLite file, a restart of both, and two instances on the EventStoreDB test server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { StoredEvent } from '../../core/shared/envelope';
import type { Tally } from '../../server/compose';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';
import { adminToken, post, seed, startInstance, type Instance } from './support';

const dir = mkdtempSync(join(tmpdir(), 'tally-alerts-once-'));
const open: Instance[] = [];
let esdb: EsdbTestServer | undefined;

afterAll(async () => {
  for (const i of open) await i.close();
  await esdb?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Two deals past their close date, an action item overdue: three alerts due on any day after. */
const overdue = async (base: string, token: string) => {
  await seed(base, token);
  for (const [type, data] of [
    ['SetPipelineStages', { stages: [{ stage: 'lead', probability: '0.1' }] }],
    ['OpenDeal', { dealId: 'D-1', customerId: 'C-1', repId: 'R-1', amount: 100_000, stage: 'lead', expectedCloseAt: '2026-01-10', occurredAt: '2026-01-02T10:00:00+08:00' }],
    ['OpenDeal', { dealId: 'D-2', customerId: 'C-3', repId: 'R-3', amount: 200_000, stage: 'lead', expectedCloseAt: '2026-01-12', occurredAt: '2026-01-02T10:00:00+08:00' }],
    ['AddActionItem', { actionId: 'AI-1', title: 'Call back', due: '2026-01-15', ownerRepId: 'R-2' }],
  ] as const) expect((await post(base, token, type, data)).status).toBe(201);
};

const alertsIn = async (t: Tally): Promise<string[]> =>
  (await t.deps.store.readAll({ after: 0, limit: 100_000 })).filter((e: StoredEvent) => e.type === 'AlertRaised').map((e) => (e.data as { alertId: string }).alertId);

const expectOnce = (ids: string[]) => {
  expect(ids.filter((id) => /^(deal|action-item)-overdue:/.test(id)).sort()).toEqual(['action-item-overdue:AI-1:2026-01-15', 'deal-overdue:D-1:2026-01-10', 'deal-overdue:D-2:2026-01-12']);
  expect(new Set(ids).size).toBe(ids.length);
};

const tickTogether = (instances: Instance[]) => Promise.all(instances.map((i) => i.tally!.alerts.tick()));

describe('alerts raised once', () => {
  /** Two instances on one store, seeded on the first, ticking together twice: each alert once. */
  const twoTicking = async (store: string): Promise<[Instance, Instance]> => {
    const [a, b] = [await startInstance(store), await startInstance(store)];
    open.push(a, b);
    await overdue(a.url, await adminToken());
    // let b fold a's writes, so the two decide alike; either way the alert's stream and key stand once
    await new Promise((r) => setTimeout(r, 300));
    await tickTogether([a, b]);
    await tickTogether([b, a]);
    expectOnce(await alertsIn(b.tally!));
    return [a, b];
  };

  it('two servers on one SQLite file ticking at once, then restarted and ticking again', async () => {
    const store = `sqlite:${join(dir, 'tally.db')}`;
    const [a, b] = await twoTicking(store);
    await a.close();
    await b.close();
    const [c, d] = [await startInstance(store), await startInstance(store)];
    open.push(c, d);
    await tickTogether([c, d]);
    expectOnce(await alertsIn(c.tally!));
  }, 60_000);

  it('two instances on one EventStoreDB ticking at once', async () => {
    esdb = await startEsdbTestServer({ port: 0 });
    await twoTicking(esdb.url);
  }, 60_000);
});
