// The store contract on EventStoreDB: against the in-memory wire-compatible test server always,
// and against a real server too when TALLY_TEST_ESDB holds a connection string.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { EsdbStore } from '../../server/store/esdb';
import { openEsdbStore } from '../../server/store/esdbLoader';
import { startEsdbTestServer, type EsdbTestServer } from '../support/esdb/server';
import { storeContract } from './store.contract';

/** Each store gets its own log stream, so one server serves every test. */
const factory = (url: () => string) => ({
  create: () => openEsdbStore(withStream(url(), `tally-log-${randomUUID()}`)),
  reopen: (previous: Awaited<ReturnType<typeof openEsdbStore>>) => openEsdbStore(withStream(url(), (previous as EsdbStore).options.stream)),
});

const withStream = (url: string, stream: string) => `${url}${url.includes('?') ? '&' : '?'}stream=${stream}`;

let server: EsdbTestServer;
beforeAll(async () => {
  server = await startEsdbTestServer({ port: 0 });
});
afterAll(async () => {
  await server?.close();
});

storeContract('esdb (test server)', factory(() => server.url));
// Without the recent-events cache every read goes over gRPC.
storeContract('esdb (test server, no cache)', factory(() => `${server.url}&cacheEvents=1`));

const real = process.env.TALLY_TEST_ESDB;
if (real) storeContract(`esdb (${real.replace(/\/\/[^@]*@/, '//')})`, factory(() => real));
