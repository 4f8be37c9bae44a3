// An in-memory EventStoreDB for tests: the real @eventstore/db-client talks to it over
// gRPC as it would to a single node (ServerFeatures, Gossip, Streams.Append, BatchAppend and
// Read), optionally under injected faults, or as one node of a loopback cluster (cluster.ts).
import * as grpc from '@grpc/grpc-js';
import { Faults, notLeader, type FaultKind, type FaultOptions } from './faults';
import { serverFeaturesHandlers } from './features';
import { gossipHandlers, type Member } from './gossip';
import { EventLog } from './log';
import { GossipService, ServerFeaturesService, StreamsService } from './pb';
import { DEFAULT_MAX_APPEND_SIZE, streamsHandlers } from './streams';

export interface EsdbTestServerOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Bytes of serialized proposed messages allowed in one append; ESDB's default is 1 MiB. */
  readonly maxAppendSize?: number;
  /** A write not committed within this is answered Timeout; ESDB's default is 2 s. */
  readonly writeTimeoutMs?: number;
  readonly faults?: FaultOptions;
  /** One node of a cluster: the log all nodes share, and who the members are (cluster.ts). */
  readonly cluster?: {
    readonly log: EventLog;
    readonly members: () => readonly Member[];
  };
}

export interface EsdbTestServer {
  readonly port: number;
  /** A connection string for `EventStoreDBClient.connectionString`. */
  readonly url: string;
  /** What the server holds now, for tests and the standalone log line. */
  stats(): { events: number; streams: number; openReads: number };
  /** Each append that wrote events, in order (shared by a cluster's nodes). */
  writes(): readonly { readonly stream: string; readonly events: number; readonly bytes: number }[];
  /** Calls received per RPC method name (`BatchAppend`, `Append`, `Read`, `GetSupportedMethods`, `Gossip.Read`). */
  calls(): Readonly<Record<string, number>>;
  /** Faults injected so far, by kind. */
  injected(): Readonly<Record<FaultKind, number>>;
  /** Stops at once, cutting open reads and subscriptions; the events are gone. */
  close(): Promise<void>;
}

/** Write timeout of EventStoreDB (`WriteTimeoutMs`). */
const DEFAULT_WRITE_TIMEOUT_MS = 2000;

export async function startEsdbTestServer(options: EsdbTestServerOptions = {}): Promise<EsdbTestServer> {
  const host = options.host ?? '127.0.0.1';
  const log = options.cluster?.log ?? new EventLog();
  const faults = new Faults(options.faults);
  const server = new grpc.Server();
  let self = { host, port: 0 };
  // A single node is its own leader and the one member its gossip names.
  const members = options.cluster?.members ?? (() => [{ ...self, leader: true }]);
  const leader = () => members().find((m) => m.leader);
  const streams = streamsHandlers({
    log,
    faults,
    refuseWrite: () => {
      const l = leader();
      return l && (l.host !== self.host || l.port !== self.port) ? notLeader(l) : undefined;
    },
    writeTimeoutMs: options.writeTimeoutMs ?? DEFAULT_WRITE_TIMEOUT_MS,
    maxAppendSize: options.maxAppendSize ?? DEFAULT_MAX_APPEND_SIZE,
  });
  const calls: Record<string, number> = {};
  const counted = (implementation: grpc.UntypedServiceImplementation, prefix = '') =>
    Object.fromEntries(
      Object.entries(implementation).map(([name, handler]) => [
        name,
        (...args: unknown[]) => {
          const method = prefix + name[0].toUpperCase() + name.slice(1);
          calls[method] = (calls[method] ?? 0) + 1;
          return (handler as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as grpc.UntypedServiceImplementation;
  server.addService(StreamsService, counted(streams.implementation));
  server.addService(GossipService, counted(gossipHandlers(members), 'Gossip.'));
  server.addService(
    ServerFeaturesService,
    counted(serverFeaturesHandlers({ 'event_store.client.streams.Streams': Object.keys(streams.implementation) })),
  );
  const port = await new Promise<number>((resolve, reject) =>
    server.bindAsync(`${host}:${options.port ?? 0}`, grpc.ServerCredentials.createInsecure(), (error, bound) =>
      error ? reject(error) : resolve(bound),
    ),
  );
  self = { host, port };
  // An injected NotLeader sends the client back here (its own node), over a new channel.
  faults.leader = self;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    port,
    url: `esdb://${urlHost}:${port}?tls=false`,
    stats: () => ({ events: log.all.length, streams: log.streamCount(), openReads: streams.openReads() }),
    writes: () => [...log.writes],
    calls: () => ({ ...calls }),
    injected: () => ({ ...faults.injected }),
    close: async () => {
      // Subscriptions never end by themselves, so a graceful shutdown would wait forever.
      server.forceShutdown();
    },
  };
}
