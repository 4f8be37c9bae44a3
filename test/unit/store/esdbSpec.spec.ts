// TALLY_STORE=esdb://… → the adapter's options: Tally's own parameters taken out, the rest passed on.
import { describe, expect, it } from 'vitest';
import { ESDB_DEFAULTS } from '../../../server/store/esdb';
import { parseEsdbSpec } from '../../../server/store/esdbLoader';
import { StoreConfigError } from '../../../server/store/port';

describe('parseEsdbSpec', () => {
  it('defaults the log stream and passes the connection string on untouched', () => {
    expect(parseEsdbSpec('esdb://127.0.0.1:2113?tls=false')).toEqual({ connectionString: 'esdb://127.0.0.1:2113?tls=false', ...ESDB_DEFAULTS });
  });

  it("takes Tally's parameters out of the string the client sees", () => {
    const o = parseEsdbSpec('esdb+discover://a:2113,b:2113?tls=true&stream=tally-log-acme&maxAppendBytes=65536&nodePreference=leader&cacheEvents=10&appendTimeoutMs=250');
    expect(o).toEqual({ connectionString: 'esdb+discover://a:2113,b:2113?tls=true&nodePreference=leader', stream: 'tally-log-acme', maxAppendBytes: 65536, cacheEvents: 10, appendTimeoutMs: 250 });
  });

  it('reads kurrentdb:// as the same thing', () => {
    expect(parseEsdbSpec('kurrentdb://h:2113?tls=false').connectionString).toBe('esdb://h:2113?tls=false');
  });

  it('refuses a system stream name, a bad number and a missing host with a message naming it', () => {
    expect(() => parseEsdbSpec('esdb://h:2113?stream=$all')).toThrow(/stream=\$all/);
    expect(() => parseEsdbSpec('esdb://h:2113?maxAppendBytes=lots')).toThrow(StoreConfigError);
    expect(() => parseEsdbSpec('esdb://?tls=false')).toThrow(/a host is needed/);
  });
});
