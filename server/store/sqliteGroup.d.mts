import type Database from 'better-sqlite3';
import type { WireEvent } from './chainText.mjs';
import type { ExpectedRevision } from './port';

export type { WireEvent };

export interface WireRequest {
  readonly stream: string;
  readonly streamJson: string;
  readonly expected: ExpectedRevision;
  readonly events: readonly WireEvent[];
  readonly key?: string;
  readonly digest?: string;
}

/** ok: the events took positions `position`… and revisions `revision`…, chained from `prevHash`. */
export type WireResult =
  | {
      readonly kind: 'ok';
      readonly position: number;
      readonly revision: number;
      readonly prevHash: string;
      readonly hashes: readonly string[];
      /** each event's recordedAt as sealed, present only when one was moved later (recordedOrder.mjs) */
      readonly recordedAt?: readonly string[];
    }
  | { readonly kind: 'conflict'; readonly actual: number }
  | { readonly kind: 'duplicate'; readonly digest: string; readonly positions: readonly number[] };

export interface Writer {
  readonly genesis: string;
  readonly insert: Database.Statement;
  readonly insertKey: Database.Statement;
  readonly key: Database.Statement;
  readonly begin: Database.Statement;
  readonly commit: Database.Statement;
  readonly rollback: Database.Statement;
}

export declare const prepareWriter: (db: Database.Database, genesis: string) => Writer;
/** A transaction open on a writer: the head so far and each request's result in order. */
export interface OpenGroup {
  readonly head: { position: number; hash: string; recordedAt: string | undefined };
  readonly results: WireResult[];
}

export declare const beginGroup: (w: Writer) => OpenGroup;
export declare const addToGroup: (w: Writer, group: OpenGroup, requests: readonly WireRequest[]) => void;
export declare const commitGroup: (w: Writer, group: OpenGroup) => WireResult[];
export declare const rollbackGroup: (w: Writer) => void;
export declare const writeGroup: (w: Writer, requests: readonly WireRequest[]) => WireResult[];
