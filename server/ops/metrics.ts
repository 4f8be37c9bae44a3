// What /metrics tells Prometheus (prom-client, one registry per server, so tests can build many):
// HTTP latency per route pattern, append latency (a command's write until it is durable), SQLite
// commit latency (one group-commit transaction), fold lag (log head − folded position), open SSE
// streams, the cost of as-of answers, and events appended; plus Node's process metrics.
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { EventStore } from '../store/port';

/** Seconds, from half a millisecond (a cached read) to ten seconds (an as-of replay of a big log). */
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

export interface MetricSources {
  /** the last position the read models folded */
  readonly folded: () => number;
  readonly store: EventStore;
  readonly openStreams: () => number;
}

export class Metrics {
  readonly registry = new Registry();
  readonly http = new Histogram({
    name: 'tally_http_request_duration_seconds',
    help: 'time to answer a request (until the headers of a stream), by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: LATENCY_BUCKETS,
    registers: [this.registry],
  });
  readonly append = this.latency('tally_append_duration_seconds', 'time from handing appends to the event store until they are durable (group commit included)');
  readonly commit = this.latency('tally_commit_duration_seconds', 'time of one durable SQLite transaction (BEGIN IMMEDIATE … COMMIT) holding every append of a tick');
  readonly asOf = this.latency('tally_asof_duration_seconds', 'time to assemble the read models as of a past position (asOf answers not cached yet)');
  private readonly appended = new Counter({ name: 'tally_events_appended_total', help: 'events made durable while this process runs', registers: [this.registry] });
  private processMetrics = false;

  constructor(sources: MetricSources) {
    sources.store.subscribe((batch) => this.appended.inc(batch.length));
    const registers = [this.registry];
    new Gauge({
      name: 'tally_log_head_position',
      help: 'position of the last event in the log (the number of events in it)',
      registers,
      async collect() {
        this.set((await sources.store.head()).position);
      },
    });
    new Gauge({
      name: 'tally_fold_position',
      help: 'the last position the read models have folded',
      registers,
      collect() {
        this.set(sources.folded());
      },
    });
    new Gauge({
      name: 'tally_fold_lag_events',
      help: 'events in the log the read models have not folded yet (log head − folded position)',
      registers,
      async collect() {
        this.set(Math.max(0, (await sources.store.head()).position - sources.folded()));
      },
    });
    new Gauge({
      name: 'tally_sse_connections',
      help: 'open GET /api/stream connections',
      registers,
      collect() {
        this.set(sources.openStreams());
      },
    });
  }

  private latency(name: string, help: string): Histogram {
    return new Histogram({ name, help, buckets: LATENCY_BUCKETS, registers: [this.registry] });
  }

  /** The Prometheus text exposition; Node's process metrics join at the first scrape, so a server nobody scrapes keeps no monitors. */
  async text(): Promise<string> {
    if (!this.processMetrics) {
      collectDefaultMetrics({ register: this.registry });
      this.processMetrics = true;
    }
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** The store, with each appendMany timed into the append histogram. */
export const measuredAppends = (store: EventStore, metrics: Metrics): EventStore => ({
  get kind() {
    return store.kind;
  },
  appendMany: async (requests) => {
    const stop = metrics.append.startTimer();
    try {
      return await store.appendMany(requests);
    } finally {
      stop();
    }
  },
  readStream: (stream) => store.readStream(stream),
  readAll: (options) => store.readAll(options),
  head: () => store.head(),
  findIdempotency: (key) => store.findIdempotency(key),
  subscribe: (listener) => store.subscribe(listener),
  close: () => store.close(),
  ...(store.idempotencyRecords ? { idempotencyRecords: () => store.idempotencyRecords!() } : {}),
  ...(store.appendSealed ? { appendSealed: (commands) => store.appendSealed!(commands) } : {}),
});
