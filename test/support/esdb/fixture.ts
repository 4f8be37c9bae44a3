// One test server and one @eventstore/db-client per test file, with the naming helpers the
// server's tests share. `server` and `client` are live bindings, set in beforeAll.
import { randomUUID } from 'node:crypto';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { afterAll, beforeAll } from 'vitest';
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
