// One test server and one @eventstore/db-client per test file, with the naming helpers the
// server's tests share. `server` and `client` are live bindings, set in beforeAll.
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { afterAll, beforeAll } from 'vitest';
import type { UnsealedEvent } from '../../../core/shared/envelope';
import type { AppendRequest } from '../../../server/store/port';
import { startEsdbTestServer, type EsdbTestServer, type EsdbTestServerOptions } from './server';

export let server: EsdbTestServer;
export let client: EventStoreDBClient;

export function useEsdbTestServer(options: EsdbTestServerOptions = {}): void {
  beforeAll(async () => {
    server = await startEsdbTestServer({ port: 0, ...options });
    client = EventStoreDBClient.connectionString(server.url);
  });
  afterAll(async () => {
    await client?.dispose();
    await server?.close();
  });
}

// Every test writes its own streams, so tests stay independent on one shared server.
export const streamName = (label: string) => `${label}-${randomUUID()}`;
export const sale = (n: number) => jsonEvent({ type: 'SaleRecorded', data: { n } });

/** Tally's TeamCreated for team T-n, as a store is given it: unsealed, command id cmd-n. */
export const teamCreated = (n: number): UnsealedEvent => ({
  type: 'TeamCreated',
  data: { teamId: `T-${n}`, name: `Team ${n}` },
  occurredAt: '2026-07-01T10:00:00+08:00',
  recordedAt: '2026-07-01T02:00:00.000Z',
  meta: { commandId: `cmd-${n}`, actor: 'tester', correlationId: `cmd-${n}` },
});

/** The append of CreateTeam T-n, under the key key-n when `keyed`. */
export const createTeam = (n: number, keyed = true): AppendRequest => ({
  stream: `team-T-${n}`,
  expected: 'no-stream',
  events: [teamCreated(n)],
  ...(keyed ? { idempotency: { key: `key-${n}`, digest: `digest-${n}` } } : {}),
});
