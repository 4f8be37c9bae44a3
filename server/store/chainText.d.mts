/** An event as the writer takes it: its columns, data and meta as canonical text, its strings quoted (JSON). */
export interface WireEvent {
  readonly type: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly data: string;
  readonly meta: string;
  readonly typeJson: string;
  readonly occurredAtJson: string;
  readonly recordedAtJson: string;
}

/** The canonical text of a sealed event without its hash, members in JCS order; `streamJson`: the stream quoted. */
export declare const chainBody: (e: WireEvent, streamJson: string, position: number, prevHash: string, revision: number) => string;
export declare const chainHash: (prevHash: string, body: string) => string;
