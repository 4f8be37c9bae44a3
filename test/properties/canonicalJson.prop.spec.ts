// The append path's canonical JSON must be byte for byte what the canonicalize package (RFC 8785)
// gives, and refuse what it refuses: the hash chain depends on it.
import reference from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assertCanonicalizable, canonicalize } from '../../server/store/canonicalJson';
import { hashOf, sealJson } from '../../server/store/hashChain';

const outcome = (f: () => string | undefined) => {
  try {
    return { text: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

/** Strings around the surrogate range, so lone halves and pairs both come up. */
const surrogateish = fc.array(fc.integer({ min: 0xd7f0, max: 0xe010 }), { maxLength: 6 }).map((cs) => String.fromCharCode(...cs));
const text = fc.oneof(fc.string({ unit: 'binary' }), surrogateish, fc.string());
const value = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    text,
    fc.double(),
    fc.integer(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.date({ noInvalidDate: true }),
    fc.array(tie('v')),
    fc.dictionary(text, tie('v')),
  ),
}));

describe('canonical JSON on the append path', () => {
  it('given any JSON-like value, when canonicalized, then it is the canonicalize package’s text or the same refusal', () => {
    fc.assert(
      fc.property(value.v, (v) => {
        expect(outcome(() => canonicalize(v))).toEqual(outcome(() => reference(v)));
      }),
      { numRuns: 2000 },
    );
  });

  it('given any JSON-like value, when only checked, then it is refused exactly when canonicalizing it is', () => {
    fc.assert(
      fc.property(value.v, (v) => {
        expect('error' in outcome(() => (assertCanonicalizable(v), 'ok'))).toBe('error' in outcome(() => canonicalize(v)));
      }),
      { numRuns: 2000 },
    );
  });

  it('given JSON values, when canonicalized, then the text parses back to the same value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect(JSON.parse(canonicalize(v)!)).toEqual(JSON.parse(JSON.stringify(v)));
      }),
    );
  });

  it('given any event, when sealed for the store, then its hash is the chain’s hash of it and its texts are canonical', () => {
    const id = fc.string({ minLength: 1, maxLength: 20 });
    fc.assert(
      fc.property(fc.jsonValue(), id, id, fc.nat(), fc.integer({ min: 1 }), fc.stringMatching(/^[0-9a-f]{64}$/), (data, type, stream, revision, position, prev) => {
        const meta = { commandId: 'c-1', actor: 'R-1', correlationId: 'c-1' };
        const sealed = sealJson({ type, data, occurredAt: '2026-07-01T09:00:00+08:00', recordedAt: '2026-07-01T01:00:00.000Z', meta }, stream, revision, position, prev);
        const { hash, ...body } = sealed.event;
        expect(hash).toBe(hashOf(body));
        expect([sealed.data, sealed.meta]).toEqual([reference(data), reference(meta)]);
      }),
      { numRuns: 300 },
    );
  });

  it('given a cycle, when canonicalized, then it is refused rather than overflowing', () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    expect(() => canonicalize(o)).toThrow('Circular reference detected');
  });
});
