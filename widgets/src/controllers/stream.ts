// The live stream: one fetch-based SSE connection to `{api}/api/stream` per api+token,
// shared by every element on the page, resumed with Last-Event-ID after a drop.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asBatch, type Batch } from '../guards';
import { apiUrl } from './url';
import { SseParser } from './sse';

export interface StreamListener {
  batch(b: Batch): void;
  /** The connection came back after a gap: anything may have changed meanwhile. */
  resumed(): void;
}

const MAX_DELAY = 30_000;

class LiveConnection {
  readonly listeners = new Set<StreamListener>();
  #abort: AbortController | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #attempt = 0;
  #lastId: string | undefined;
  #retry = 1_000;

  constructor(
    readonly api: string,
    readonly token: string,
    private readonly idle: () => void,
  ) {}

  add(l: StreamListener): void {
    this.listeners.add(l);
    if (!this.#abort) void this.#connect(false);
  }

  remove(l: StreamListener): void {
    this.listeners.delete(l);
    if (this.listeners.size > 0) return;
    this.#abort?.abort();
    this.#abort = undefined;
    clearTimeout(this.#timer);
    this.idle();
  }

  async #connect(resuming: boolean): Promise<void> {
    const abort = new AbortController();
    this.#abort = abort;
    try {
      const headers: Record<string, string> = { Accept: 'text/event-stream' };
      if (this.token) headers.Authorization = `Bearer ${this.token}`;
      if (this.#lastId !== undefined) headers['Last-Event-ID'] = this.#lastId;
      const res = await fetch(apiUrl(this.api, '/api/stream'), {
        headers,
        signal: abort.signal,
        cache: 'no-store',
        credentials: 'omit',
      });
      // Refused: retrying will not help; each element shows "unauthorised" from its own fetch.
      if (res.status === 401 || res.status === 403) {
        this.#abort = undefined;
        return;
      }
      if (!res.ok || !res.body) throw new Error(`stream answered ${res.status}`);
      this.#attempt = 0;
      if (resuming) this.#each((l) => l.resumed());
      await this.#read(res.body, abort.signal);
    } catch {
      // a dropped connection or a network error: reconnect below
    }
    if (abort.signal.aborted || this.#abort !== abort) return;
    const delay = Math.min(MAX_DELAY, this.#retry * 2 ** this.#attempt++);
    this.#timer = setTimeout(() => void this.#connect(true), delay * (0.75 + Math.random() / 2));
  }

  async #read(body: ReadableStream<Uint8Array>, signal: AbortSignal): Promise<void> {
    const parser = new SseParser();
    const decoder = new TextDecoder();
    const reader = body.getReader();
    signal.addEventListener('abort', () => void reader.cancel().catch(() => {}), { once: true });
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      for (const msg of parser.feed(decoder.decode(value, { stream: true }))) {
        if (msg.id !== undefined) this.#lastId = msg.id;
        // Only plain messages are batches; named events (`ready`, pings) are not.
        const batch = msg.event === 'message' ? parseBatch(msg.data) : undefined;
        if (batch) this.#each((l) => l.batch(batch));
      }
      if (parser.retry !== undefined) this.#retry = parser.retry;
    }
  }

  #each(f: (l: StreamListener) => void): void {
    for (const l of [...this.listeners]) {
      try {
        f(l);
      } catch {
        // one element's failure must not stop the others' updates
      }
    }
  }
}

const parseBatch = (data: string): Batch | undefined => {
  try {
    return asBatch(JSON.parse(data));
  } catch {
    return undefined;
  }
};

const connections = new Map<string, LiveConnection>();

/** Subscribes to the shared connection for api+token; returns the unsubscribe. */
export function subscribe(api: string, token: string, listener: StreamListener): () => void {
  const key = `${api}\n${token}`;
  let conn = connections.get(key);
  if (!conn) {
    conn = new LiveConnection(api, token, () => connections.delete(key));
    connections.set(key, conn);
  }
  const c = conn;
  c.add(listener);
  return () => c.remove(listener);
}

/** How many shared connections are open (for tests and diagnostics). */
export const openConnections = (): number => connections.size;

/** True when a batch touches one of the event types or streams a widget shows. */
export const concerns = (batch: Batch, types: RegExp, streams?: RegExp): boolean =>
  (batch.types.length === 0 && batch.streams.length === 0) ||
  batch.types.some((t) => types.test(t)) ||
  (streams !== undefined && batch.streams.some((s) => streams.test(s)));

export interface LiveHost extends ReactiveControllerHost {
  api: string;
  token: string;
}

/** Keeps an element subscribed while connected, and follows api/token changes. */
export class LiveController implements ReactiveController {
  #key: string | undefined;
  #unsubscribe: (() => void) | undefined;

  constructor(
    private readonly host: LiveHost,
    private readonly relevant: (b: Batch) => boolean,
    private readonly onChange: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdated(): void {
    this.#sync();
  }

  hostDisconnected(): void {
    this.#unsubscribe?.();
    this.#unsubscribe = this.#key = undefined;
  }

  #sync(): void {
    const { api, token } = this.host;
    const key = `${api}\n${token}`;
    if (key === this.#key) return;
    this.#unsubscribe?.();
    this.#key = key;
    this.#unsubscribe = subscribe(api, token, {
      batch: (b) => {
        if (this.relevant(b)) this.onChange();
      },
      resumed: () => this.onChange(),
    });
  }
}
