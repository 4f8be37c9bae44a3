// Where the server is in its life, for /readyz and for a graceful stop: whether it is draining
// (SIGTERM or SIGINT received: no longer ready, streams told to go elsewhere) and the open
// GET /api/stream connections, each with the goodbye that ends it with a last `shutdown` event.
export class Lifecycle {
  private stopping = false;
  private readonly streams = new Set<() => void>();
  private readonly emptied: (() => void)[] = [];

  get draining(): boolean {
    return this.stopping;
  }

  get openStreams(): number {
    return this.streams.size;
  }

  /** Registers an open stream; `goodbye` is called once if the server stops first. Returns its leave. */
  openStream(goodbye: () => void): () => void {
    if (this.stopping) goodbye();
    this.streams.add(goodbye);
    return () => {
      if (!this.streams.delete(goodbye)) return;
      if (this.streams.size === 0) for (const done of this.emptied.splice(0)) done();
    };
  }

  /** Stop being ready and say goodbye to every open stream; resolves once all of them have left. */
  drain(): Promise<void> {
    this.stopping = true;
    for (const goodbye of this.streams) goodbye();
    if (this.streams.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.emptied.push(resolve));
  }
}
