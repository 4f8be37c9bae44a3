// The hash chain's known answers (test/fixtures/hash-chain/vectors.json, made by make_vectors.py
// with Python's standard library only): events, their RFC 8785 text without `hash`, and the hash.
import { readFileSync } from 'node:fs';
import type { StoredEvent, UnsealedEvent } from '../../core/shared/envelope';

export interface HashVector {
  readonly name: string;
  readonly event: StoredEvent;
  /** RFC 8785 canonical JSON of the event without `hash` */
  readonly canonical: string;
  /** SHA-256 hex of prevHash + canonical */
  readonly hash: string;
  /** the same with `meta` left out of the canonical text: what the chain must never hold */
  readonly hashWithoutMeta: string;
}

// Parsed by JSON.parse rather than imported, so the doubles (-0 among them) arrive exactly as written.
export const hashVectors: readonly HashVector[] = JSON.parse(readFileSync(new URL('../fixtures/hash-chain/vectors.json', import.meta.url), 'utf8')).vectors;

/** A fresh copy of the vectors' events, safe to edit. */
export const vectorChain = (): StoredEvent[] => hashVectors.map((v) => structuredClone(v.event));

export const withoutHash = ({ hash: _hash, ...body }: StoredEvent): Omit<StoredEvent, 'hash'> => body;

export const unsealedOf = (e: StoredEvent): UnsealedEvent => ({ type: e.type, data: e.data, occurredAt: e.occurredAt, recordedAt: e.recordedAt, meta: e.meta });
