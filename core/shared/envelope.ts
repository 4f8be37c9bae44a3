// The event envelope as stored and returned by the API (SPEC §2, contract).

export interface EventMeta {
  readonly commandId: string;
  readonly actor: string;
  readonly correlationId: string;
}

/** An event on its way to the store: everything but its place in the log. */
export interface UnsealedEvent<T extends string = string, D = unknown> {
  readonly type: T;
  readonly data: D;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly meta: EventMeta;
}

export interface StoredEvent<T extends string = string, D = unknown> extends UnsealedEvent<T, D> {
  readonly position: number;
  readonly stream: string;
  readonly revision: number;
  readonly prevHash: string;
  readonly hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);
