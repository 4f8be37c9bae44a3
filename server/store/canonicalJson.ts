// RFC 8785 (JCS) canonical JSON, written for the append path: the same text as the
// `canonicalize` package (keys sorted by UTF-16 code units, ECMAScript number and string
// serialisation, undefined members dropped, toJSON honoured; NaN, ±Infinity, lone surrogates and
// cycles refused) at a fraction of its cost — no Set per call, no JavaScript scan of each string.
// A property test holds it to the package's output.

/** String.prototype.isWellFormed (Node 20): false when a UTF-16 surrogate stands alone. */
const wellFormed = (s: string): boolean => (s as unknown as { isWellFormed(): boolean }).isWellFormed();
/** Deeper than any body the HTTP layer accepts; reaching it means a cycle. */
const MAX_DEPTH = 1_000;

const str = (s: string): string => {
  if (!wellFormed(s)) throw new Error('Lone surrogate is not allowed');
  return JSON.stringify(s);
};

/**
 * Member names repeat from event to event: each is checked and quoted once, kept as the text that
 * opens its member (`"k":`, and `,"k":` after another), so a member costs two concatenations.
 */
const memberHeads = new Map<string, readonly [first: string, next: string]>();
const memberHead = (k: string, first: boolean): string => {
  let h = memberHeads.get(k);
  // Stryker disable next-line ConditionalExpression: quoting again what the cache holds gives the same text
  if (h === undefined) {
    const q = str(k);
    h = [`${q}:`, `,${q}:`];
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied changes its cost, never a text
    if (memberHeads.size > 10_000) memberHeads.clear();
    memberHeads.set(k, h);
  }
  return first ? h[0] : h[1];
};

/**
 * An object's keys in UTF-16 code unit order, as `Object.keys(o).sort()`, sorted in place by
 * insertion: objects of the log have a handful of keys, and Array.prototype.sort allocates a work
 * area on every call (a tenth of what sealing an event allocated).
 */
const sortedKeys = (o: object): string[] => {
  const keys = Object.keys(o);
  // Stryker disable next-line ConditionalExpression,EqualityOperator: either sort gives the same order
  if (keys.length > 16) return keys.sort();
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i];
    let j = i - 1;
    while (j >= 0 && keys[j] > k) {
      keys[j + 1] = keys[j];
      j--;
    }
    keys[j + 1] = k;
  }
  return keys;
};

const write = (value: unknown, depth: number): string | undefined => {
  switch (typeof value) {
    case 'string':
      return str(value);
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return `${value}`; // ECMAScript Number::toString, as JSON.stringify and JCS
    // Stryker disable next-line StringLiteral: a boolean left to the default case is JSON.stringify'd to the same text
    case 'boolean':
      return value ? 'true' : 'false';
    case 'object':
      break;
    default:
      return JSON.stringify(value);
  }
  if (value === null) return 'null';
  if (depth > MAX_DEPTH) throw new Error('Circular reference detected');
  const o = value as Record<string, unknown> & { toJSON?: () => unknown };
  if (typeof o.toJSON === 'function') return write(o.toJSON(), depth + 1);
  // one concatenation per piece: a template of several would make a string for each step of it
  if (Array.isArray(o)) {
    let out = '[';
    for (let i = 0; i < o.length; i++) {
      const v = o[i];
      if (i > 0) out += ',';
      out += v === undefined || typeof v === 'symbol' ? 'null' : write(v, depth + 1);
    }
    return `${out}]`;
  }
  const keys = sortedKeys(o);
  let out = '{';
  let first = true;
  for (const k of keys) {
    const v = o[k];
    if (v === undefined || typeof v === 'symbol') continue;
    out += memberHead(k, first);
    out += write(v, depth + 1);
    first = false;
  }
  return `${out}}`;
};

/** The canonical text of a JSON value; undefined for a value JSON has no text for (as JSON.stringify). */
export const canonicalize = (value: unknown): string | undefined => write(value, 0);

/**
 * Texts made ahead, by the object they are of: the engine checks a decided event's data by making
 * its canonical text (it throws where canonicalize would), and the store's serialising then takes
 * that text instead of walking the same object again. Taken once: an entry lives only from the
 * decision to the append, and an object never handed over is dropped with it (weak keys).
 */
const madeAhead = new WeakMap<object, string>();

/** The canonical text of an object, made now and kept for `takeCanonical`; throws as canonicalize does. */
export const canonicalizeAhead = (value: object): string | undefined => {
  const text = write(value, 0);
  if (text !== undefined) madeAhead.set(value, text);
  return text;
};

/** The text canonicalizeAhead made of this value, if any, no longer kept; else the value's text made now. */
export const takeCanonical = (value: unknown): string | undefined => {
  if (typeof value !== 'object' || value === null) return write(value, 0);
  const text = madeAhead.get(value);
  if (text === undefined) return write(value, 0);
  madeAhead.delete(value);
  return text;
};

/**
 * Throws when `canonicalize` would (for the first bad member met, in insertion order rather than
 * the canonical one), without building the text: the engine
 * asks this of each decided event, so one that cannot be hashed is refused alone rather than
 * failing the durable group it would have joined.
 */
export const assertCanonicalizable = (value: unknown, depth = 0): void => {
  switch (typeof value) {
    case 'string':
      if (!wellFormed(value)) throw new Error('Lone surrogate is not allowed');
      return;
    case 'number':
      if (Number.isNaN(value)) throw new Error('NaN is not allowed');
      if (!Number.isFinite(value)) throw new Error('Infinity is not allowed');
      return;
    case 'bigint':
      JSON.stringify(value); // throws as canonicalize does
      return;
    case 'object':
      break;
    default:
      return;
  }
  if (value === null) return;
  if (depth > MAX_DEPTH) throw new Error('Circular reference detected');
  const o = value as Record<string, unknown> & { toJSON?: () => unknown };
  if (typeof o.toJSON === 'function') return assertCanonicalizable(o.toJSON(), depth + 1);
  if (Array.isArray(o)) {
    // Stryker disable next-line ConditionalExpression,LogicalOperator,StringLiteral: checking undefined or a symbol returns at once, as skipping it does
    for (const v of o) if (v !== undefined && typeof v !== 'symbol') assertCanonicalizable(v, depth + 1);
    return;
  }
  for (const k in o) {
    if (!Object.prototype.hasOwnProperty.call(o, k)) continue;
    const v = o[k];
    if (v === undefined || typeof v === 'symbol') continue;
    if (!wellFormed(k)) throw new Error('Lone surrogate is not allowed');
    assertCanonicalizable(v, depth + 1);
  }
};
