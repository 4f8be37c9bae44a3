// The append path's canonical JSON at its edges, case by case, so each refusal and each dropped
// member is checked every run rather than whenever the property test happens to draw it: what is
// refused (with the canonicalize package's words), what is left out, and cycles however reached.
import { describe, expect, it } from 'vitest';
import { assertCanonicalizable, canonicalize, canonicalizeAhead, takeCanonical } from '../../../server/store/canonicalJson';
import { canonicalJson, wireEvent } from '../../../server/store/hashChain';

const cyclic = {
  object: () => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  },
  array: () => {
    const a: unknown[] = [1];
    a.push([a]);
    return a;
  },
  toJSON: () => {
    const o: { toJSON: () => unknown } = { toJSON: () => ({ again: o }) };
    return o;
  },
};

describe('canonical JSON refuses what JCS has no text for, wherever it sits', () => {
  const REFUSED: [string, unknown, string][] = [
    ['NaN', { a: [1, { b: NaN }] }, 'NaN is not allowed'],
    ['Infinity', [Infinity], 'Infinity is not allowed'],
    ['-Infinity', { x: -Infinity }, 'Infinity is not allowed'],
    ['a lone surrogate in a value', { name: 'ok \ud800' }, 'Lone surrogate is not allowed'],
    ['a lone surrogate in a member name', { '\udc00': 1 }, 'Lone surrogate is not allowed'],
    ['a bigint', { amount: 10n }, 'Do not know how to serialize a BigInt'],
    ['a cycle through an object', cyclic.object(), 'Circular reference detected'],
    ['a cycle through an array', cyclic.array(), 'Circular reference detected'],
    ['a cycle through toJSON', cyclic.toJSON(), 'Circular reference detected'],
  ];

  it.each(REFUSED)('%s: canonicalize throws', (_, value, message) => {
    expect(() => canonicalize(value)).toThrow(message);
  });

  it.each(REFUSED)('%s: the check alone throws the same', (_, value, message) => {
    expect(() => assertCanonicalizable(value)).toThrow(message);
  });
});

describe('canonical JSON leaves out what JSON.stringify leaves out, and the check agrees', () => {
  const KEPT: [string, unknown, string][] = [
    ['undefined and symbol members', { a: undefined, b: Symbol('s'), c: 1 }, '{"c":1}'],
    ['undefined and symbol items, as null', [undefined, Symbol('s'), 2], '[null,null,2]'],
    ['a lone-surrogate name whose value is left out', { '\ud800': undefined, ok: true }, '{"ok":true}'],
    ['a lone-surrogate name whose value is a symbol, left out too', { '\ud800': Symbol('s'), ok: true }, '{"ok":true}'],
    // an array is its items: a member hung on it is no part of its text, so nothing in it is refused
    ['a named member on an array', Object.assign([1], { extra: NaN, '\udc00': 2 }), '[1]'],
    ['inherited members', Object.assign(Object.create({ inherited: 1, '\ud800': NaN }), { own: 2 }), '{"own":2}'],
    ['toJSON, as a Date', { at: new Date(Date.UTC(2026, 6, 1)) }, '{"at":"2026-07-01T00:00:00.000Z"}'],
    ['booleans and null', [true, false, null], '[true,false,null]'],
  ];

  it.each(KEPT)('%s', (_, value, text) => {
    expect(canonicalize(value)).toBe(text);
    expect(() => assertCanonicalizable(value)).not.toThrow();
  });

  it('has no text for undefined at the top, and the chain’s canonicalJson refuses it', () => {
    expect(canonicalize(undefined)).toBeUndefined();
    expect(() => canonicalJson(undefined)).toThrow('value cannot be canonicalized');
  });
});

describe('canonical JSON and its check agree on how deep a value may nest', () => {
  // arrays nested n deep: the innermost sits at depth n − 1 (the outermost at 0), and the limit
  // (1,000, deeper than any body the HTTP layer accepts) refuses one deeper than that
  const nested = (n: number): unknown => {
    let v: unknown = [];
    for (let i = 1; i < n; i++) v = [v];
    return v;
  };

  const outcome = (f: () => string | undefined): string | undefined => {
    try {
      return f();
    } catch (e) {
      return (e as Error).message;
    }
  };
  const written = (n: number) => outcome(() => canonicalize(nested(n)));
  const checked = (n: number) => outcome(() => (assertCanonicalizable(nested(n)), 'accepted'));

  // depths 0 … n − 1, all within the limit while n − 1 ≤ 1000
  it.each([1000, 1001])('%i levels: written, and the check accepts them', (n) => {
    expect(written(n)).toBe('['.repeat(n) + ']'.repeat(n));
    expect(checked(n)).toBe('accepted');
  });

  it.each([1002, 1003])('%i levels: refused as a cycle by both', (n) => {
    expect(written(n)).toBe('Circular reference detected');
    expect(checked(n)).toBe('Circular reference detected');
  });
});

describe('a text made ahead (the engine checks a decided event, the store serialises it)', () => {
  const event = (data: Record<string, unknown>) => ({ type: 'T', data, occurredAt: '2026-01-01T00:00:00.000Z', recordedAt: '2026-01-01T00:00:00.000Z', meta: { actor: 'a', commandId: 'c', correlationId: 'k' } });

  it('is the text canonicalize makes, and the store takes it once', () => {
    const data: Record<string, unknown> = { b: [1, 'x'], a: 'é' };
    expect(canonicalizeAhead(data)).toBe(canonicalize(data));
    expect(wireEvent(event(data)).data).toBe('{"a":"é","b":[1,"x"]}');
    // taken: a value changed after it is written as it is now, not as it was made
    data.c = true;
    expect(takeCanonical(data)).toBe('{"a":"é","b":[1,"x"],"c":true}');
  });

  it('refuses what canonicalize refuses, in its words, and keeps nothing then', () => {
    const bad = { a: 'ok', b: '\ud800' };
    expect(() => canonicalizeAhead(bad)).toThrow('Lone surrogate is not allowed');
    expect(() => wireEvent(event(bad))).toThrow('Lone surrogate is not allowed');
  });

  it('leaves values never made ahead to be made when taken', () => {
    expect(takeCanonical({ z: 1, y: null })).toBe('{"y":null,"z":1}');
    expect(takeCanonical('s')).toBe('"s"');
  });
});
