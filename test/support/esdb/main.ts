// Runs the in-memory EventStoreDB test server on its own:
//   npm run esdb-test-server -- --port 2113 [--host 127.0.0.1]
// then TALLY_STORE='esdb://127.0.0.1:2113?tls=false'.
import { parseArgs } from 'node:util';
import { startEsdbTestServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '2113' },
    host: { type: 'string', default: '127.0.0.1' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0-65535), got ${values.port}`);
  process.exit(2);
}

const server = await startEsdbTestServer({ port, host: values.host });
console.log(`EventStoreDB test server (in memory) listening: ${server.url}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
