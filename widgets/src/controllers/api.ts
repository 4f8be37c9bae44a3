// Talking to the Tally API: one request helper that turns problem+json into a readable
// error, and a fetch controller (a @lit/task) that aborts on change and coalesces refreshes.
import { Task, TaskStatus } from '@lit/task';
import type { ReactiveControllerHost } from 'lit';
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

/**
 * A fetch task: reruns (aborting the previous run) when its args change; `refresh()`
 * from the live stream never aborts a run in flight, it asks for one more afterwards,
 * so a burst of sales costs at most two fetches and the widget never starves.
 */
export class FetchController<T> {
  readonly task: Task<readonly unknown[], T>;
  #again = false;

  constructor(host: ReactiveControllerHost, opts: FetchOptions<T>) {
    this.task = new Task<readonly unknown[], T>(host, {
      args: opts.args,
      task: (_args, { signal }) => opts.load(signal),
      onComplete: (value) => {
        opts.done?.(value);
        this.#settled();
      },
      onError: (error) => {
        opts.failed?.(error);
        this.#settled();
      },
    });
  }

  get value(): T | undefined {
    return this.task.value;
  }

  refresh(): void {
    if (this.task.status === TaskStatus.PENDING) this.#again = true;
    else void this.task.run();
  }

  #settled(): void {
    if (!this.#again) return;
    this.#again = false;
    queueMicrotask(() => void this.task.run());
  }
}
