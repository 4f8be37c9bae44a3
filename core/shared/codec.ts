// io-ts building blocks shared by every area's commands and events, and the one mapper that
// turns validation errors into `{ path, message }` lines a client can act on.
import * as t from 'io-ts';
import * as E from 'fp-ts/Either';
import { DateTime } from 'luxon';
import Decimal from 'decimal.js';
import { invalid, type FieldError, type Problem } from './problem';
import { acceptedPeriod } from './period';

// ---------- what a codec accepts, as JSON Schema ----------

/** A JSON Schema fragment (2020-12, the dialect of OpenAPI 3.1). */
export type JsonSchema = { readonly [keyword: string]: unknown };

/** How a codec that io-ts cannot look inside reads as JSON Schema; `of` renders a codec it holds. */
export type SchemaNote = (of: (codec: t.Mixed) => JsonSchema) => JsonSchema;

const schemaNotes = new WeakMap<object, SchemaNote>();

/**
 * Says what a hand-made codec (a refinement, a closed object, a bounded list) accepts, so the
 * OpenAPI document is generated from the codecs the server decodes with. Set once, when the
 * codec is made.
 */
export const withSchema = <C extends t.Any>(codec: C, schema: JsonSchema | SchemaNote): C => {
  schemaNotes.set(codec, typeof schema === 'function' ? (schema as SchemaNote) : () => schema);
  return codec;
};

export const schemaNoteOf = (codec: t.Any): SchemaNote | undefined => schemaNotes.get(codec);

// ---------- error mapping ----------

const describe = (value: unknown): string => {
  if (value === undefined) return 'nothing';
  try {
    const s = JSON.stringify(value);
    return s.length > 60 ? `${s.slice(0, 57)}...` : s;
  } catch {
    return String(value);
  }
};

/** Path of a validation error, without the numeric keys that unions and intersections add. */
const pathOf = (context: t.Context): string => {
  const keys: string[] = [];
  for (let i = 1; i < context.length; i++) {
    const parent = context[i - 1].type as { _tag?: string };
    if (parent._tag === 'UnionType' || parent._tag === 'IntersectionType') continue;
    if (context[i].key !== '') keys.push(context[i].key);
  }
  return keys.join('.');
};

export const fieldErrors = (errors: t.Errors): FieldError[] => {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    const path = pathOf(e.context) || '(body)';
    const last = e.context[e.context.length - 1];
    const message =
      e.message ??
      (e.value === undefined && !('_tag' in last.type && (last.type as { _tag?: string })._tag === 'UnknownType')
        ? `required: expected ${last.type.name}`
        : `expected ${last.type.name}, got ${describe(e.value)}`);
    const key = `${path}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ path, message });
  }
  return out;
};

/** Decode or explain: a Left lists every bad field with its path. */
export const decode = <A>(codec: t.Decoder<unknown, A>, input: unknown, what = codec.name): E.Either<Problem, A> =>
  E.mapLeft((errors: t.Errors) => {
    const list = fieldErrors(errors);
    return invalid(`${what} is invalid: ${list.map((f) => `${f.path}: ${f.message}`).join('; ')}`, list);
  })(codec.decode(input));

// ---------- closed objects: unknown fields are refused, never silently dropped ----------

// ---------- the fast path: a valid value decoded without io-ts's contexts ----------
// io-ts builds a context array per field and element, an Either per value and, for an object with
// optional fields, an intersection merged afterwards: most of a command's decoding cost and much of
// its garbage. A closed object or a bounded list first decodes by a plain walk that gives up at the
// first doubt; only then does the full validator run, and every error comes from it alone.

/** What a fast decoder returns when it cannot vouch for a value: the full validator decides. */
const FAIL: unique symbol = Symbol('not decoded on the fast path');
type Fast = (u: unknown) => unknown;
const fastDecoders = new WeakMap<object, Fast>();
/** A context only a failure would read, and the fast path drops failures. */
const NO_CONTEXT: t.Context = [];
/** A codec whose validate answers its own value or a failure, by its guard alone: decoded on the fast path by that guard. */
const decodesByGuard = <C extends t.Decoder<unknown, unknown>>(codec: C, is: (u: unknown) => boolean): C => {
  fastDecoders.set(codec, (u) => (is(u) ? u : FAIL));
  return codec;
};
const fastOf = (codec: t.Decoder<unknown, unknown>): Fast => {
  const own = fastDecoders.get(codec);
  if (own) return own;
  // io-ts's string, number and boolean answer success(u) exactly where their guard holds
  if (codec instanceof t.StringType || codec instanceof t.NumberType || codec instanceof t.BooleanType) return fastDecoders.get(decodesByGuard(codec, codec.is))!;
  const viaValidate: Fast = (u) => {
    const r = codec.validate(u, NO_CONTEXT);
    return r._tag === 'Right' ? r.right : FAIL;
  };
  fastDecoders.set(codec, viaValidate);
  return viaValidate;
};
const isOwnField = (o: object, k: string): boolean => Object.prototype.propertyIsEnumerable.call(o, k);

/** Checks a value as a codec's validate would, answering only yes or no. */
type Check = (u: unknown) => boolean;
const checks = new WeakMap<object, Check>();

/**
 * Does `codec` accept `u`? Exactly what a Right from its validate says, without building the
 * decoded value or any context: io-ts's objects, partials, intersections, arrays and primitives
 * are walked directly, a closed object or bounded list by its fast path, anything else by its own
 * validate. For a value only checked (an event the write path decided), the errors are wanted only
 * when the answer is no.
 */
export const accepts = (codec: t.Decoder<unknown, unknown>, u: unknown): boolean => checkOf(codec)(u);

const checkOf = (codec: t.Decoder<unknown, unknown>): Check => {
  let check = checks.get(codec);
  if (check) return check;
  check = makeCheck(codec);
  checks.set(codec, check);
  return check;
};

const makeCheck = (codec: t.Decoder<unknown, unknown>): Check => {
  const fast = fastDecoders.get(codec);
  if (fast) return (u) => fast(u) !== FAIL;
  if (codec instanceof t.StringType) return (u) => typeof u === 'string';
  if (codec instanceof t.NumberType) return (u) => typeof u === 'number';
  if (codec instanceof t.BooleanType) return (u) => typeof u === 'boolean';
  if (codec instanceof t.InterfaceType || codec instanceof t.PartialType) {
    const partial = codec instanceof t.PartialType;
    const props = Object.entries(codec.props as t.Props);
    let fieldChecks: Check[] | undefined;
    return (u) => {
      if (!t.UnknownRecord.is(u)) return false;
      fieldChecks ??= props.map(([, c]) => checkOf(c));
      for (let i = 0; i < props.length; i++) {
        const v = (u as Record<string, unknown>)[props[i][0]];
        if (partial && v === undefined) continue;
        if (!fieldChecks[i](v)) return false;
      }
      return true;
    };
  }
  if (codec instanceof t.IntersectionType) {
    let memberChecks: Check[] | undefined;
    return (u) => (memberChecks ??= (codec.types as t.Mixed[]).map(checkOf)).every((c) => c(u));
  }
  if (codec instanceof t.ArrayType) {
    let itemCheck: Check | undefined;
    return (u) => {
      if (!Array.isArray(u)) return false;
      itemCheck ??= checkOf(codec.type as t.Mixed);
      for (const item of u) if (!itemCheck(item)) return false;
      return true;
    };
  }
  return (u) => codec.validate(u, NO_CONTEXT)._tag === 'Right';
};

/** An object with required and optional props; any other key is an error naming it. */
export const closed = <R extends t.Props, O extends t.Props = {}>(
  name: string,
  required: R,
  optional?: O,
): t.Type<t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.TypeC<O>>>, unknown> => {
  const known = new Set([...Object.keys(required), ...Object.keys(optional ?? {})]);
  const inner = optional ? t.intersection([t.type(required), t.partial(optional)]) : t.type(required);
  type A = t.TypeOf<t.TypeC<R>> & Partial<t.TypeOf<t.TypeC<O>>>;
  const schema: SchemaNote = (of) => ({
    type: 'object',
    title: name,
    properties: Object.fromEntries(Object.entries({ ...required, ...optional }).map(([k, c]) => [k, of(c)])),
    ...(Object.keys(required).length > 0 ? { required: Object.keys(required) } : {}),
    additionalProperties: false,
  });
  const fullValidate: t.Validate<unknown, A> = (u, c) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return t.failure(u, c, `expected an object ${name}`);
    const record = u as Record<string, unknown>;
    const unknownErrors: t.ValidationError[] = Object.keys(record)
      .filter((k) => !known.has(k))
      .map((k) => ({ value: record[k], context: [...c, { key: k, type: t.never, actual: record[k] }], message: 'unknown field' }));
    // Optional fields given as null are treated as absent, as most clients send them.
    const cleaned: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(record)) if (known.has(k) && !(v === null && optional && k in optional)) cleaned[k] = v;
    const r = inner.validate(cleaned, [...c, { key: '', type: inner, actual: cleaned }]);
    if (E.isLeft(r) || unknownErrors.length > 0) return t.failures([...unknownErrors, ...(E.isLeft(r) ? r.left : [])]);
    const out: Record<string, unknown> = {};
    for (const k of known) if (r.right[k as keyof typeof r.right] !== undefined) out[k] = r.right[k as keyof typeof r.right];
    return t.success(out as A);
  };
  // What fullValidate gives a valid object: its known fields in declared order, each as its codec
  // decodes it, an optional one given as null (or undefined) left out.
  const fields = [...Object.entries(required).map(([k, c]) => [k, c, false] as const), ...Object.entries(optional ?? {}).map(([k, c]) => [k, c, true] as const)];
  let decoders: Fast[] | undefined;
  const fast: Fast = (u) => {
    if (typeof u !== 'object' || u === null || Array.isArray(u)) return FAIL;
    const record = u as Record<string, unknown>;
    for (const k of Object.keys(record)) if (!known.has(k)) return FAIL;
    decoders ??= fields.map(([, c]) => fastOf(c));
    const out: Record<string, unknown> = {};
    for (let i = 0; i < fields.length; i++) {
      const [k, , isOptional] = fields[i];
      const v = isOwnField(record, k) ? record[k] : undefined;
      if (isOptional && (v === null || v === undefined)) continue;
      const decoded = decoders[i](v);
      if (decoded === FAIL) return FAIL;
      if (decoded !== undefined) out[k] = decoded;
    }
    return out;
  };
  const codec = new t.Type<A, unknown, unknown>(
    name,
    (u): u is A => inner.is(u),
    (u, c) => {
      const decoded = fast(u);
      return decoded === FAIL ? fullValidate(u, c) : t.success(decoded as A);
    },
    (a) => a,
  );
  fastDecoders.set(codec, fast);
  return withSchema(codec, schema);
};

// ---------- scalars ----------

export const refined = <A>(name: string, message: string, is: (u: unknown) => u is A, schema: JsonSchema): t.Type<A, A, unknown> =>
  decodesByGuard(withSchema(new t.Type<A, A, unknown>(name, is, (u, c) => (is(u) ? t.success(u) : t.failure(u, c, `${message}, got ${describe(u)}`)), t.identity), schema), is);

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/;

export const Id = refined<string>('Id', 'expected an id (letters, digits, _ . : -; at most 64)', (u): u is string => typeof u === 'string' && ID_PATTERN.test(u), {
  type: 'string', pattern: ID_PATTERN.source, maxLength: 64,
});

/** In unicode mode a class of surrogates matches only a half pair: such a string is not text, and RFC 8785 refuses to hash it. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** C0 and C1 controls and DEL (an ANSI escape starts with ESC), bar the tab and line breaks of multi-line text. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** What breaks a line, which a name or a title may not do. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/;
/** Bidi embeddings, overrides and isolates: they make text show other than it reads (U+202E turns 'exe.txt' around). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/;
/** A character that shows: not a space, a zero-width or other format character, a control, a lone combining mark or a blank filler. */
const VISIBLE = /[^\p{White_Space}\p{Cc}\p{Cf}\p{M}\u115F\u1160\u2800\u3164\uFFA0]/u;

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
const NOT_SPACE = /[^ ]/;

/** Texts up to this length are names, titles and labels: one line. Longer ones (reasons, notes, a strategy) may break lines. */
export const ONE_LINE_MAX = 300;

const codePoint = (s: string, re: RegExp): string => `U+${s.match(re)![0].codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** Why a string is not text a field may hold, or undefined when it is. The value is not echoed: it may be what is wrong. */
const textProblem = (s: string, max: number, oneLine: boolean, nonEmpty: boolean): string | undefined => {
  if (s.length > max) return `expected at most ${max} characters, got ${s.length}`;
  // printable ASCII holds no surrogate, control, line break or bidi control, and a character other
  // than a space shows: one test instead of five for most ids, codes and names
  if (PRINTABLE_ASCII.test(s) && (!nonEmpty || NOT_SPACE.test(s))) return undefined;
  if (LONE_SURROGATE.test(s)) return 'expected text, got half a surrogate pair';
  if (CONTROL.test(s)) return `expected text without control characters, got ${codePoint(s, CONTROL)}`;
  if (oneLine && LINE_BREAK.test(s)) return `expected one line of text, got ${codePoint(s, LINE_BREAK)}`;
  if (BIDI_CONTROL.test(s)) return `expected text without bidi overrides, got ${codePoint(s, BIDI_CONTROL)}`;
  if (nonEmpty && !VISIBLE.test(s)) return 'expected at least one visible character';
  return undefined;
};

const textCodec = (name: string, max: number, oneLine: boolean, nonEmpty: boolean) => {
  const is = (u: unknown): u is string => typeof u === 'string' && textProblem(u, max, oneLine, nonEmpty) === undefined;
  return decodesByGuard(withSchema(new t.Type<string, string, unknown>(
    name,
    is,
    (u, c) => {
      if (typeof u !== 'string') return t.failure(u, c, `expected text, got ${describe(u)}`);
      const problem = textProblem(u, max, oneLine, nonEmpty);
      return problem === undefined ? t.success(u) : t.failure(u, c, problem);
    },
    t.identity,
  ), {
    type: 'string',
    ...(nonEmpty ? { minLength: 1 } : {}),
    maxLength: max,
    description: `${oneLine ? 'one line of text' : 'text'}${nonEmpty ? ' with something visible' : ''}; no control characters or bidi overrides`,
  }), is);
};

/**
 * Text of bounded length with something visible in it, so no field can carry megabytes into the
 * log, nor a name that shows as nothing. Never control characters (ANSI escapes) or bidi overrides;
 * up to ONE_LINE_MAX characters (names, titles) one line, longer ones may break lines.
 */
export const Text = (max = 500, name = `Text(${max})`) => textCodec(name, max, max <= ONE_LINE_MAX, true);

/** Possibly empty text, bounded, that may break lines; never control characters or bidi overrides. */
export const Note = (max = 4000) => textCodec(`Note(${max})`, max, false, false);

/**
 * The largest amount one field may carry (10^13 minor units, 100 billion in the major unit), so
 * that sums of many of them — a 500-line sale, a year of a team — stay safe integers.
 */
export const MAX_MINOR_UNITS = 1e13;
/** The largest count (units, days, ranks) one field may carry, for the same reason. */
export const MAX_COUNT = 1e12;

const wholeIn = (u: unknown, min: number, max: number): u is number => typeof u === 'number' && Number.isSafeInteger(u) && u >= min && u <= max;

export const MinorUnits = refined<number>('MinorUnits', `expected a non-negative integer amount in minor units (at most ${MAX_MINOR_UNITS})`, (u): u is number => wholeIn(u, 0, MAX_MINOR_UNITS), { type: 'integer', minimum: 0, maximum: MAX_MINOR_UNITS });

export const PositiveMinorUnits = refined<number>('PositiveMinorUnits', `expected a positive integer amount in minor units (at most ${MAX_MINOR_UNITS})`, (u): u is number => wholeIn(u, 1, MAX_MINOR_UNITS), { type: 'integer', minimum: 1, maximum: MAX_MINOR_UNITS });

/** Signed minor units, for adjustments that may go either way. */
export const SignedMinorUnits = refined<number>('SignedMinorUnits', `expected an integer amount in minor units (at most ${MAX_MINOR_UNITS} either way)`, (u): u is number => wholeIn(u, -MAX_MINOR_UNITS, MAX_MINOR_UNITS), { type: 'integer', minimum: -MAX_MINOR_UNITS, maximum: MAX_MINOR_UNITS });

export const NonNegativeInt = refined<number>('NonNegativeInt', `expected a non-negative integer (at most ${MAX_COUNT})`, (u): u is number => wholeIn(u, 0, MAX_COUNT), { type: 'integer', minimum: 0, maximum: MAX_COUNT });

export const PositiveInt = refined<number>('PositiveInt', `expected a positive integer (at most ${MAX_COUNT})`, (u): u is number => wholeIn(u, 1, MAX_COUNT), { type: 'integer', minimum: 1, maximum: MAX_COUNT });

// Real clock times and offsets only (no 24:00; offsets −12:00 … +14:00, the range of real zones),
// and years 1900–2999: business time of a sales system, and every local date derived from it in
// any zone keeps a four-digit year.
const ISO_WITH_OFFSET = /^(19|2\d)\d{2}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|\+(0\d|1[0-3]):[0-5]\d|\+14:00|-(0\d|1[01]):[0-5]\d|-12:00)$/;

/** Days of each month of a common year; counted here rather than by a Date made per check. */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const isLeapYear = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Does `YYYY-MM-DD` at the start of `s` name a day that exists? (The pattern bounded the digits.) */
const realDay = (s: string): boolean => {
  // Stryker disable next-line UnaryOperator: a year and its negative have the same leap years, so `-` finds the same days
  const year = +s.slice(0, 4);
  const month = +s.slice(5, 7);
  const day = +s.slice(8, 10);
  return month >= 1 && month <= 12 && day >= 1 && day <= (month === 2 ? (isLeapYear(year) ? 29 : 28) : DAYS_IN_MONTH[month - 1]);
};

// With the pattern checked, only the calendar day is left to check: no luxon parse on the hot
// path of every command (a property test holds this to luxon's verdict).
export const isInstant = (u: unknown): u is string => typeof u === 'string' && ISO_WITH_OFFSET.test(u) && realDay(u);

/** An ISO 8601 instant with an explicit offset (`2026-07-01T09:00:00+08:00`). */
export const Instant = refined<string>('Instant', 'expected an ISO 8601 instant with an offset from −12:00 to +14:00', isInstant, {
  type: 'string', format: 'date-time', pattern: ISO_WITH_OFFSET.source, examples: ['2026-11-27T10:00:00+08:00'],
});

export const isDateOnly = (u: unknown): u is string =>
  typeof u === 'string' && /^(19|2\d)\d{2}-\d{2}-\d{2}$/.test(u) && realDay(u);

/** A calendar date `YYYY-MM-DD` that exists. */
export const DateOnly = refined<string>('DateOnly', 'expected a real date YYYY-MM-DD', isDateOnly, { type: 'string', format: 'date', examples: ['2026-11-27'] });

/** A birthday or recurring holiday `MM-DD` (02-29 allowed). */
export const MonthDay = refined<string>('MonthDay', 'expected a real month-day MM-DD', (u): u is string =>
  typeof u === 'string' && /^\d{2}-\d{2}$/.test(u) && DateTime.fromISO(`2024-${u}`, { zone: 'UTC' }).isValid, {
  type: 'string', pattern: '^(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$', examples: ['05-20'],
});

/** The shapes of a period id; the calendar (week 53, 31 February) is checked on decoding. */
export const PERIOD_PATTERN = '^(19|2\\d)\\d{2}(-Q[1-4]|-(0[1-9]|1[0-2])(-(0[1-9]|[12]\\d|3[01]))?|-W(0[1-9]|[1-4]\\d|5[0-3]))?$';

export const PeriodId = refined<string>('PeriodId', 'expected a period id of a year 1900–2999 like 2026, 2026-Q3, 2026-07, 2026-W27 or 2026-07-15', (u): u is string =>
  typeof u === 'string' && acceptedPeriod(u) !== undefined, { type: 'string', pattern: PERIOD_PATTERN, examples: ['2026-11'] });

/** Decimals stay where rates, shares and amounts live: below 10^15 in size, 34 significant digits, 30 places. */
const decimalInRange = (d: Decimal): boolean => d.isZero() || (d.abs().lt('1e15') && d.decimalPlaces() <= 30 && d.sd() <= 34);

const DECIMAL_TEXT = '^-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?$';

/** A decimal as JSON Schema: a number, or a string for exactness (a client may send either). */
export const decimalSchema = (description: string, examples: readonly string[] = ['0.25']): JsonSchema => ({
  anyOf: [{ type: 'number' }, { type: 'string', pattern: DECIMAL_TEXT, maxLength: 64 }],
  description: `${description}, as a number or a string`,
  examples,
});

/** An exact decimal given as a number or a string; kept as its canonical string. */
export const DecimalString = withSchema(new t.Type<string, string, unknown>(
  'Decimal',
  (u): u is string => typeof u === 'string',
  (u, c) => {
    if ((typeof u !== 'number' && typeof u !== 'string') || (typeof u === 'string' && (u.length > 64 || !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(u.trim()))))
      return t.failure(u, c, `expected a decimal number, got ${describe(u)}`);
    try {
      const d = new Decimal(u);
      if (!d.isFinite()) return t.failure(u, c, `expected a finite decimal, got ${describe(u)}`);
      return decimalInRange(d) ? t.success(d.toString()) : t.failure(u, c, `expected a decimal below 10^15 with at most 34 significant digits and 30 places, got ${describe(u)}`);
    } catch {
      return t.failure(u, c, `expected a decimal number, got ${describe(u)}`);
    }
  },
  t.identity,
), decimalSchema('an exact decimal'));

/** A decimal in [0, ∞). */
export const NonNegativeDecimal = withSchema(new t.Type<string, string, unknown>(
  'NonNegativeDecimal',
  DecimalString.is,
  (u, c) => E.flatMap(DecimalString.validate(u, c), (s) => (new Decimal(s).isNegative() ? t.failure(u, c, `expected a decimal ≥ 0, got ${describe(u)}`) : t.success(s))),
  t.identity,
), decimalSchema('a decimal ≥ 0'));

export const literalUnion = <L extends string>(name: string, values: readonly L[]) =>
  refined<L>(name, `expected one of ${values.join(' | ')}`, (u): u is L => typeof u === 'string' && (values as readonly string[]).includes(u), { type: 'string', enum: values });

/** An array with a size limit, so a batch or a list cannot grow without bound. */
export const boundedArray = <C extends t.Mixed>(item: C, max: number, min = 0, name = `Array<${item.name}>(${min}..${max})`) => {
  const list = t.array(item);
  let decodeItem: Fast | undefined;
  // as io-ts's array: the same list when no item changes in decoding, else a copy
  const fast: Fast = (u) => {
    if (!Array.isArray(u) || u.length < min || u.length > max) return FAIL;
    decodeItem ??= fastOf(item);
    let out = u;
    for (let i = 0; i < u.length; i++) {
      const decoded = decodeItem(u[i]);
      if (decoded === FAIL) return FAIL;
      if (decoded !== u[i]) {
        if (out === u) out = u.slice();
        out[i] = decoded;
      }
    }
    return out;
  };
  const codec = new t.Type<t.TypeOf<C>[], t.OutputOf<C>[], unknown>(
    name,
    (u): u is t.TypeOf<C>[] => Array.isArray(u) && u.length >= min && u.length <= max && u.every(item.is),
    (u, c) => {
      const decoded = fast(u);
      if (decoded !== FAIL) return t.success(decoded as t.TypeOf<C>[]);
      if (!Array.isArray(u)) return t.failure(u, c, `expected a list, got ${describe(u)}`);
      if (u.length < min) return t.failure(u, c, `expected at least ${min} item(s), got ${u.length}`);
      if (u.length > max) return t.failure(u, c, `expected at most ${max} items, got ${u.length}`);
      return list.validate(u, c);
    },
    (a) => a.map((x) => item.encode(x)),
  );
  fastDecoders.set(codec, fast);
  return withSchema(codec, (of) => ({ type: 'array', items: of(item), ...(min > 0 ? { minItems: min } : {}), maxItems: max }));
};
