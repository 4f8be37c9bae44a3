// Runs the in-memory EventStoreDB test server on its own:
//   npm run esdb-test-server -- --port 2113 [--host 127.0.0.1]
//     [--faults unavailable=R,unavailable-after-commit=R,swallow-answers=R,not-leader=R,drop-subscriptions=R,slow-append-ms=M,seed=S]
// then TALLY_STORE='esdb://127.0.0.1:2113?tls=false'. Rates are 0–1; the same seed repeats a run.
import { parseArgs } from 'node:util';
import { parseFaults, type FaultOptions } from './faults';
import { startEsdbTestServer } from './server';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '2113' },
    host: { type: 'string', default: '127.0.0.1' },
    faults: { type: 'string', default: '' },
  },
});

const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number (0-65535), got ${values.port}`);
  process.exit(2);
}
let faults: FaultOptions;
try {
  faults = parseFaults(values.faults);
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}

const server = await startEsdbTestServer({ port, host: values.host, faults });
const faulted = values.faults ? ` with faults ${values.faults}` : '';
console.log(`EventStoreDB test server (in memory) listening: ${server.url}${faulted}`);

const stop = () => {
  void server.close().then(() => process.exit(0));
};
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
