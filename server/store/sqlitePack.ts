// Append requests packed for the SQLite writer thread straight from the engine's objects: exactly
// the text packRequests makes of their wire form (toWire, wireEvent), with no wire object per
// request and event in between, and the JSON text of an instant made once while it repeats (a
// batch's events share their recordedAt).
import type { AppendRequest } from './port';
import { canonicalJson, canonicalTaken } from './hashChain';
import { packedEvent, packedHead } from './sqliteWire.mjs';

/** canonicalJson of a string, the last one's kept: the same string gives the same text. */
const lastText = () => {
  let text: string | undefined;
  let json: string | undefined;
  return (s: string): string => {
    // a string that cannot be canonicalized throws, and the pair kept stays the last good one
    if (json === undefined || s !== text) {
      json = canonicalJson(s);
      text = s;
    }
    return json;
  };
};
const typeJson = lastText();
const occurredAtJson = lastText();
const recordedAtJson = lastText();

/** The requests packed; throws where toWire would, at the same event (each event's parts in wireEvent's order). */
export const packAppends = (requests: readonly AppendRequest[]): string => {
  let out = '';
  for (const r of requests) {
    out += packedHead(canonicalJson(r.stream), r.expected, r.idempotency?.key, r.idempotency?.digest, r.events.length);
    for (const e of r.events) {
      const data = canonicalTaken(e.data);
      const meta = canonicalJson(e.meta);
      out += packedEvent(typeJson(e.type), occurredAtJson(e.occurredAt), recordedAtJson(e.recordedAt), data, meta);
    }
  }
  return out;
};
