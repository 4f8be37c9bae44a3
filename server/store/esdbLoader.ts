// TALLY_STORE=esdb://HOST:PORT?tls=false[&stream=tally-log] → an EsdbStore. Tally's own parameters
// (stream, maxAppendBytes, cacheEvents, appendTimeoutMs) are taken out before the rest goes to the ESDB client;
// kurrentdb:// is accepted as the successor's name for the same thing.
import { ESDB_DEFAULTS, EsdbStore, LogNotWholeError, type EsdbOptions } from './esdb';
import { StoreConfigError, StoreUnavailableError, type EventStore } from './port';

const STREAM_NAME = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;

export const parseEsdbSpec = (spec: string): EsdbOptions => {
  const scheme = /^(esdb|esdb\+discover|kurrentdb|kurrentdb\+discover|kurrent|kurrent\+discover):\/\//.exec(spec);
  if (!scheme) throw new StoreConfigError(`TALLY_STORE=${spec}: expected esdb://HOST:PORT?tls=false`);
  const [base, query = ''] = spec.slice(scheme[0].length).split('?', 2);
  if (!base) throw new StoreConfigError(`TALLY_STORE=${spec}: a host is needed, e.g. esdb://127.0.0.1:2113?tls=false`);
  const params = new URLSearchParams(query);
  const take = (name: string) => {
    const v = params.get(name);
    params.delete(name);
    return v ?? undefined;
  };
  const stream = take('stream') ?? ESDB_DEFAULTS.stream;
  if (!STREAM_NAME.test(stream)) throw new StoreConfigError(`TALLY_STORE: stream=${stream} is not a stream name (letters, digits, _.:- and not starting with $)`);
  const number = (name: string, fallback: number, min: number) => {
    const raw = take(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isSafeInteger(n) || n < min) throw new StoreConfigError(`TALLY_STORE: ${name}=${raw}: expected a whole number ≥ ${min}`);
    return n;
  };
  const maxAppendBytes = number('maxAppendBytes', ESDB_DEFAULTS.maxAppendBytes, 1024);
  const cacheEvents = number('cacheEvents', ESDB_DEFAULTS.cacheEvents, 1);
  const appendTimeoutMs = number('appendTimeoutMs', ESDB_DEFAULTS.appendTimeoutMs, 50);
  const rest = params.toString();
  const client = scheme[1].endsWith('+discover') ? 'esdb+discover' : 'esdb';
  return { connectionString: `${client}://${base}${rest ? `?${rest}` : ''}`, stream, maxAppendBytes, cacheEvents, appendTimeoutMs };
};

export const openEsdbStore = async (spec: string): Promise<EventStore> => {
  const options = parseEsdbSpec(spec);
  try {
    return await EsdbStore.open(options);
  } catch (e) {
    // At start, a malformed string or a server that cannot be reached is most often a wrong
    // TALLY_STORE: say so in one line rather than with a stack trace.
    const message = (e as Error)?.message ?? String(e);
    if (e instanceof LogNotWholeError) throw new StoreConfigError(`TALLY_STORE=${spec}: ${e.message}`);
    if ((e as Error)?.name === 'ParseError' || /connection string/i.test(message)) throw new StoreConfigError(`TALLY_STORE=${spec}: ${message}`);
    if (e instanceof StoreUnavailableError)
      throw new StoreConfigError(`TALLY_STORE=${spec}: cannot read the log from EventStoreDB (is the server up, the host and port right, tls=false for an insecure node?): ${message}`);
    throw e;
  }
};
