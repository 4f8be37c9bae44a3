// A server-sent-events parser over text chunks (WHATWG "event stream interpretation"),
// so the stream can be read with fetch and carry the token in a header.

export interface SseMessage {
  id?: string;
  event: string;
  data: string;
}

export class SseParser {
  #buffer = '';
  #data: string[] = [];
  #event = '';
  #id: string | undefined;
  /** The last id seen, kept across messages as `Last-Event-ID` is. */
  lastEventId: string | undefined;
  /** A `retry:` the server asked for, in ms. */
  retry: number | undefined;

  /** Feeds a decoded chunk; returns the messages it completed. */
  feed(chunk: string): SseMessage[] {
    this.#buffer += chunk;
    const out: SseMessage[] = [];
    let start = 0;
    for (;;) {
      const nl = this.#buffer.slice(start).search(/\r\n|\r|\n/);
      if (nl < 0) break;
      const end = start + nl;
      // A lone \r at the end of a chunk may be half of \r\n: wait for more.
      if (this.#buffer[end] === '\r' && end + 1 === this.#buffer.length) break;
      const line = this.#buffer.slice(start, end);
      start = end + (this.#buffer.startsWith('\r\n', end) ? 2 : 1);
      const msg = this.#line(line);
      if (msg) out.push(msg);
    }
    this.#buffer = this.#buffer.slice(start);
    return out;
  }

  #line(line: string): SseMessage | undefined {
    if (line === '') return this.#dispatch();
    if (line.startsWith(':')) return undefined;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'data':
        this.#data.push(value);
        break;
      case 'event':
        this.#event = value;
        break;
      case 'id':
        if (!value.includes('\0')) this.#id = value;
        break;
      case 'retry':
        if (/^\d+$/.test(value)) this.retry = Number(value);
        break;
    }
    return undefined;
  }

  #dispatch(): SseMessage | undefined {
    if (this.#id !== undefined) this.lastEventId = this.#id;
    const hadData = this.#data.length > 0;
    const msg: SseMessage = { id: this.lastEventId, event: this.#event || 'message', data: this.#data.join('\n') };
    this.#data = [];
    this.#event = '';
    this.#id = undefined;
    return hadData ? msg : undefined;
  }
}
