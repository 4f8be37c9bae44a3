// HTTP load for the bench: autocannon at 50 connections against a loopback server, bounded in time
// (or, for focus.ts's profiles, in requests).
import autocannon, { type Histogram } from 'autocannon';

export const CONNECTIONS = 50;

export interface Load {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly failed: number;
  /** every percentile autocannon gave, ms (one run's: absent where runs are combined) */
  readonly latency?: Histogram;
}

export interface LoadSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  /** a fresh body per request (e.g. a new order id) */
  readonly body?: () => string;
  /** more GET paths on the same host, requested in turn after `url`'s */
  readonly alsoGet?: readonly string[];
  /** how long; or `amount`, how many requests (autocannon then notices the last on its once-a-second tick, so its duration is coarse) */
  readonly seconds?: number;
  readonly amount?: number;
  readonly connections?: number;
}

/** autocannon for `seconds` (or `amount` requests); only 2xx answers count as done. */
export const load = async (spec: LoadSpec): Promise<Load> => {
  const { url, method, headers, body } = spec;
  const result = await autocannon({
    url,
    connections: spec.connections ?? CONNECTIONS,
    ...(spec.amount === undefined ? { duration: spec.seconds } : { amount: spec.amount }),
    timeout: 10,
    requests: [
      { method, headers, ...(body ? { setupRequest: (req) => ({ ...req, body: body() }) } : {}) },
      ...(spec.alsoGet ?? []).map((path) => ({ method: 'GET', path, headers })),
    ],
  });
  const ok = result['2xx'];
  return { perSecond: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, ok, failed: result.non2xx + result.errors + result.timeouts, latency: result.latency };
};
