// An in-memory EventStoreDB for tests: the real @eventstore/db-client talks to it over
// gRPC as it would to a single node (Streams.Append and Streams.Read only).
import * as grpc from '@grpc/grpc-js';
import { EventLog } from './log';
import { StreamsService } from './pb';
import { DEFAULT_MAX_APPEND_SIZE, streamsHandlers } from './streams';

export interface EsdbTestServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Bytes of serialized proposed messages allowed in one append; ESDB's default is 1 MiB. */
  readonly maxAppendSize?: number;
}

export interface EsdbTestServer {
  readonly port: number;
  /** A connection string for `EventStoreDBClient.connectionString`. */
  readonly url: string;
  /** What the server holds now, for tests and the standalone log line. */
  stats(): { events: number; streams: number; openReads: number };
  /** Stops at once, cutting open reads and subscriptions; the events are gone. */
  close(): Promise<void>;
}

export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const host = options.host ?? '127.0.0.1';
  const log = new EventLog();
  const server = new grpc.Server();
  // ServerFeatures is deliberately absent: the client then assumes an old server and
  // uses plain Append, not the BatchAppend protocol.
  const streams = streamsHandlers(log, { maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE });
  server.addService(StreamsService, streams.implementation);
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    url: `esdb://${urlHost}:${port}?tls=false`,
    stats: () => ({ events: log.all.length, streams: log.streamCount(), openReads: streams.openReads() }),
    close: async () => {
      // Subscriptions never end by themselves, so a graceful shutdown would wait forever.
      server.forceShutdown();
    },
  };
}
