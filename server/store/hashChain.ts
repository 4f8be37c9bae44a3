// The hash chain of SPEC §2: hash = SHA-256 hex of prevHash + the RFC 8785 canonical JSON of
// the event without `hash`. Any JCS library and SHA-256 can recompute it.
import { GENESIS_HASH, type StoredEvent, type UnsealedEvent } from '../../core/shared/envelope';
import { canonicalize, takeCanonical } from './canonicalJson';
import { chainBody, chainHash, type WireEvent } from './chainText.mjs';

export { GENESIS_HASH };

/** A canonical text that must exist: an event's parts always have one. */
const defined = (s: string | undefined): string => {
  if (s === undefined) throw new TypeError('value cannot be canonicalized');
  return s;
};

export const canonicalJson = (value: unknown): string => defined(canonicalize(value));

/** An event's data as canonical text: the text the engine made when it checked the event, else made now. */
export const canonicalTaken = (value: unknown): string => defined(takeCanonical(value));

/** The hash of an event as verification computes it: from the whole event's canonical JSON, not the writer's concatenation. */
export const hashOf = (event: Omit<StoredEvent, 'hash'>): string => chainHash(event.prevHash, canonicalJson(withoutHash(event)));

const withoutHash = (e: Omit<StoredEvent, 'hash'> & { hash?: string }) => ({
  position: e.position,
  stream: e.stream,
  revision: e.revision,
  type: e.type,
  data: e.data,
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  meta: e.meta,
  prevHash: e.prevHash,
});

/**
 * An event serialised for a store to seal and write: data and meta as canonical text, its other
 * strings quoted, all of its body that does not depend on its place in the log. Throws when the
 * event cannot be canonicalised (a lone surrogate, a number JSON cannot hold).
 */
export const wireEvent = (e: UnsealedEvent): WireEvent => ({
  type: e.type,
  occurredAt: e.occurredAt,
  recordedAt: e.recordedAt,
  data: canonicalTaken(e.data),
  meta: canonicalJson(e.meta),
  typeJson: canonicalJson(e.type),
  occurredAtJson: canonicalJson(e.occurredAt),
  recordedAtJson: canonicalJson(e.recordedAt),
});

/** A sealed event with the canonical text of its data and meta, for a store to write as they are. */
export interface Sealed {
  readonly event: StoredEvent;
  readonly data: string;
  readonly meta: string;
}

/**
 * Give an unsealed event its place in the log and its hash. The canonical body is assembled from
 * its members in JCS key order (chainBody), so data and meta are serialised once, for the hash
 * and for the store alike.
 */
export const sealJson = (e: UnsealedEvent, stream: string, revision: number, position: number, prevHash: string, wire: WireEvent = wireEvent(e)): Sealed => {
  const hash = chainHash(prevHash, chainBody(wire, canonicalJson(stream), position, prevHash, revision));
  return { event: { position, stream, revision, type: e.type, data: e.data, occurredAt: e.occurredAt, recordedAt: e.recordedAt, meta: e.meta, prevHash, hash }, data: wire.data, meta: wire.meta };
};

export const seal = (e: UnsealedEvent, stream: string, revision: number, position: number, prevHash: string): StoredEvent => sealJson(e, stream, revision, position, prevHash).event;

/** Why a chain breaks, for a client to branch on: a position missing or out of order, a link to the wrong event, content that is not what was hashed. */
export type ChainFault = 'chain-gap' | 'chain-link' | 'chain-hash';

export interface ChainCheck {
  readonly ok: boolean;
  readonly count: number;
  readonly head: string;
  /** first position whose hash, link or numbering is wrong */
  readonly badPosition?: number;
  readonly code?: ChainFault;
  readonly reason?: string;
}

/** Incremental verifier: feed events in position order, read the verdict at the end. */
export class ChainVerifier {
  private count = 0;
  private prev = GENESIS_HASH;
  private bad?: { position: number; code: ChainFault; reason: string };

  push(e: StoredEvent): boolean {
    if (this.bad) return false;
    const expectedPosition = this.count + 1;
    if (e.position !== expectedPosition) this.bad = { position: expectedPosition, code: 'chain-gap', reason: `position ${e.position} where ${expectedPosition} was expected (gap or reorder)` };
    else if (e.prevHash !== this.prev) this.bad = { position: e.position, code: 'chain-link', reason: 'prevHash does not link to the previous event' };
    else if (hashOf(e) !== e.hash) this.bad = { position: e.position, code: 'chain-hash', reason: 'hash does not match the event content' };
    if (this.bad) return false;
    this.count++;
    this.prev = e.hash;
    return true;
  }

  result(): ChainCheck {
    return this.bad
      ? { ok: false, count: this.count, head: this.prev, badPosition: this.bad.position, code: this.bad.code, reason: this.bad.reason }
      : { ok: true, count: this.count, head: this.prev };
  }
}
