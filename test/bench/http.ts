// HTTP load for the bench: autocannon at 50 connections against a loopback server, bounded in time.
import autocannon from 'autocannon';

export const CONNECTIONS = 50;

export interface Load {
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly ok: number;
  readonly failed: number;
}

export interface LoadSpec {
  readonly url: string;
  readonly method: 'GET' | 'POST';
  readonly headers: Record<string, string>;
  /** a fresh body per request (e.g. a new order id) */
  readonly body?: () => string;
  /** more GET paths on the same host, requested in turn after `url`'s */
  readonly alsoGet?: readonly string[];
  readonly seconds: number;
  readonly connections?: number;
}

/** autocannon for `seconds`; only 2xx answers count as done. */
export const load = async (spec: LoadSpec): Promise<Load> => {
  const { url, method, headers, body, seconds } = spec;
  const result = await autocannon({
    url,
    connections: spec.connections ?? CONNECTIONS,
    duration: seconds,
    timeout: 10,
    requests: [
      { method, headers, ...(body ? { setupRequest: (req) => ({ ...req, body: body() }) } : {}) },
      ...(spec.alsoGet ?? []).map((path) => ({ method: 'GET', path, headers })),
    ],
  });
  const ok = result['2xx'];
  return { perSecond: ok / result.duration, p50: result.latency.p50, p99: result.latency.p99, ok, failed: result.non2xx + result.errors + result.timeouts };
};
