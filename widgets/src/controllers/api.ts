// Talking to the Tally API: one request helper that turns problem+json into a readable
// error, and a fetch controller that aborts on change and coalesces refreshes.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asProblem, type Problem } from '../guards';
import { apiUrl, type Query } from './url';

/** Pseudo-statuses of an ApiError that has no HTTP answer behind it. */
export const NETWORK_FAILURE = 0;
export const UNREADABLE_ANSWER = -1;

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(describeProblem(problem, status));
    this.name = 'ApiError';
  }

  /** 401 (no or bad token) and 403 (role not allowed) both mean "not for you". */
  get unauthorised(): boolean {
    return this.status === 401 || this.status === 403;
  }
}

export const describeProblem = (p: Problem, status: number): string => {
  const head = p.detail ?? p.title ?? `HTTP ${status}`;
  const fields = (p.errors ?? []).map((e) => (e.path ? `${e.path}: ${e.message}` : e.message));
  return [head, ...fields.filter((f) => f !== head)].join('\n');
};

export interface RequestOptions {
  query?: Query;
  signal?: AbortSignal;
  method?: 'GET' | 'POST';
  body?: unknown;
  idempotencyKey?: string;
  /** the reader's language: the API writes its sentences in it (Accept-Language, a CORS-safelisted header) */
  lang?: string;
}

export async function requestJson(api: string, token: string, path: string, opts: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  if (opts.body !== undefined) headers['Content-Type'] = 'application/json';
  if (opts.idempotencyKey) headers['Idempotency-Key'] = opts.idempotencyKey;
  if (opts.lang) headers['Accept-Language'] = opts.lang;
  let res: Response;
  try {
    res = await fetch(apiUrl(api, path, opts.query), {
      method: opts.method ?? 'GET',
      headers,
      body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
      signal: opts.signal,
      credentials: 'omit',
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw new ApiError(NETWORK_FAILURE, { title: 'network', detail: (e as Error).message });
  }
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) throw new ApiError(res.status, asProblem(json) ?? { title: res.statusText || `HTTP ${res.status}` });
  return json;
}

/** Runs a guard over an answer; a shape the widget cannot read is an error, not a blank. */
export const expectShape = <T>(value: unknown, guard: (x: unknown) => T | undefined, what: string): T => {
  const out = guard(value);
  if (out === undefined) throw new ApiError(UNREADABLE_ANSWER, { title: 'shape', detail: `unexpected ${what} answer` });
  return out;
};

export interface FetchOptions<T> {
  /** What the answer depends on: a change aborts the run in flight and starts another. */
  args: () => readonly unknown[];
  load: (signal: AbortSignal) => Promise<T>;
  done?: (value: T) => void;
  failed?: (error: unknown) => void;
}

/** Where a fetch stands: not yet asked, loading, answered, failed. */
export const enum FetchStatus {
  INITIAL,
  PENDING,
  COMPLETE,
  ERROR,
}

/**
 * A fetch task: reruns (aborting the previous run) when its args change; `refresh()`
 * from the live stream never aborts a run in flight, it asks for one more afterwards,
 * so a burst of sales costs at most two fetches and the widget never starves.
 * Written here rather than taken from @lit/task: these few lines are all of it the widgets
 * used, and the library's other half (render helpers, initial values, completion promises)
 * cost a fortieth of the bundle's budget.
 */
export class FetchController<T> implements ReactiveController {
  status = FetchStatus.INITIAL;
  /** The last answer; undefined while none, and after a failure. */
  value: T | undefined;
  error: unknown;
  #args: readonly unknown[] | undefined;
  #abort: AbortController | undefined;
  #runs = 0;
  #again = false;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly opts: FetchOptions<T>,
  ) {
    host.addController(this);
  }

  hostUpdate(): void {
    const args = this.opts.args();
    const last = this.#args;
    if (!last || args.length !== last.length || args.some((a, i) => !Object.is(a, last[i]))) void this.run(args);
  }

  /** Runs now, aborting a run in flight, whose answer is then dropped. */
  async run(args = this.opts.args()): Promise<void> {
    this.#args = args;
    if (this.status === FetchStatus.PENDING) this.#abort?.abort();
    const abort = (this.#abort = new AbortController());
    const run = ++this.#runs;
    this.status = FetchStatus.PENDING;
    this.host.requestUpdate();
    let value: T | undefined;
    let error: unknown;
    let failed = false;
    try {
      value = await this.opts.load(abort.signal);
    } catch (e) {
      failed = true;
      error = e;
    }
    if (run !== this.#runs) return;
    try {
      if (failed) this.opts.failed?.(error);
      else this.opts.done?.(value as T);
    } catch {
      // a listener's failure is not the fetch's
    }
    this.status = failed ? FetchStatus.ERROR : FetchStatus.COMPLETE;
    this.value = value;
    this.error = error;
    this.host.requestUpdate();
    this.#settled();
  }

  refresh(): void {
    if (this.status === FetchStatus.PENDING) this.#again = true;
    else void this.run();
  }

  #settled(): void {
    if (!this.#again) return;
    this.#again = false;
    queueMicrotask(() => void this.run());
  }
}
