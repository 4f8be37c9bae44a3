// The codec building blocks as a client meets them: what each refuses and the `{ path, message }`
// line it answers with (a 400 problem lists these), at the edges of each range.
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  accepts, boundedArray, closed, DateOnly, decode, DecimalString, fieldErrors, Id, Instant, isDateOnly, isInstant, literalUnion, MAX_COUNT, MonthDay, NonNegativeDecimal, NonNegativeInt, Note, PeriodId,
  PositiveInt, PositiveMinorUnits, schemaNoteOf, Text, withSchema, type JsonSchema,
} from '../../../core/shared/codec';
import type { Problem } from '../../../core/shared/problem';

/** The field errors a decode answers with, or the decoded value. */
const errorsOf = <A>(codec: t.Decoder<unknown, A>, input: unknown) => {
  const r = decode(codec, input);
  return E.isLeft(r) ? (r.left as Problem).errors : r.right;
};
const messageOf = <A>(codec: t.Decoder<unknown, A>, input: unknown) => {
  const r = decode(codec, input);
  return E.isLeft(r) ? r.left.errors?.map((e) => e.message).join('; ') : 'accepted';
};

describe('closed objects', () => {
  // made in each test, not when the file is collected: mutation testing credits a codec's code
  // only to the tests that ran while it was made
  const sale = () => closed('Sale', { orderId: Id, amount: PositiveMinorUnits }, { note: Note(20) });

  it('decodes required and optional fields, an optional null as absent', () => {
    expect(errorsOf(sale(), { orderId: 'O-1', amount: 5, note: 'hi' })).toEqual({ orderId: 'O-1', amount: 5, note: 'hi' });
    expect(errorsOf(sale(), { orderId: 'O-1', amount: 5, note: null })).toEqual({ orderId: 'O-1', amount: 5 });
  });

  it('names an unknown field, a missing one and a bad one, all at once, with the what in the detail', () => {
    const r = decode(sale(), { amount: 0, extra: 1 });
    expect(E.isLeft(r) && r.left).toEqual({
      kind: 'invalid',
      title: 'Invalid input',
      detail:
        'Sale is invalid: extra: unknown field; orderId: expected an id (letters, digits, _ . : -; at most 64), got nothing; amount: expected a positive integer amount in minor units (at most 10000000000000), got 0',
      errors: [
        { path: 'extra', message: 'unknown field' },
        { path: 'orderId', message: 'expected an id (letters, digits, _ . : -; at most 64), got nothing' },
        { path: 'amount', message: 'expected a positive integer amount in minor units (at most 10000000000000), got 0' },
      ],
    });
  });

  it('refuses what is not an object, at the body', () => {
    expect(errorsOf(sale(), [])).toEqual([{ path: '(body)', message: 'expected an object Sale' }]);
    expect(errorsOf(sale(), null)).toEqual([{ path: '(body)', message: 'expected an object Sale' }]);
    expect(errorsOf(sale(), 'O-1')).toEqual([{ path: '(body)', message: 'expected an object Sale' }]);
  });

  it('a required field given as null is not absent: it is refused', () => {
    expect(errorsOf(sale(), { orderId: null, amount: 5 })).toEqual([{ path: 'orderId', message: 'expected an id (letters, digits, _ . : -; at most 64), got null' }]);
  });

  it('paths run through nested objects and lists, without the index keys unions add', () => {
    const Order = closed('Order', { lines: boundedArray(closed('Line', { product: Id, units: PositiveInt }), 3, 1) });
    expect(errorsOf(Order, { lines: [{ product: 'A', units: 1 }, { product: 'B', units: 0 }] })).toEqual([
      { path: 'lines.1.units', message: `expected a positive integer (at most ${MAX_COUNT}), got 0` },
    ]);
    const Either = closed('Either', { v: t.union([Id, t.number]) });
    expect(errorsOf(Either, { v: true })).toEqual([
      { path: 'v', message: 'expected an id (letters, digits, _ . : -; at most 64), got true' },
      { path: 'v', message: 'expected number, got true' },
    ]);
  });
});

describe('text', () => {
  it.each([
    ['too long', Text(5), 'abcdef', 'expected at most 5 characters, got 6'],
    ['half a surrogate pair', Text(5), 'a\ud800', 'expected text, got half a surrogate pair'],
    ['an ANSI escape', Text(20), 'red \u001b[31m', 'expected text without control characters, got U+001B'],
    ['a C1 control', Note(20), 'x\u0085', 'expected text without control characters, got U+0085'],
    ['DEL', Text(20), 'x\u007f', 'expected text without control characters, got U+007F'],
    ['a line break in a name', Text(20), 'two\nlines', 'expected one line of text, got U+000A'],
    ['a tab in a name', Text(20), 'a\tb', 'expected one line of text, got U+0009'],
    ['a line separator in a name', Text(20), 'a\u2028b', 'expected one line of text, got U+2028'],
    ['a bidi override', Text(20), 'txt.\u202Eexe', 'expected text without bidi overrides, got U+202E'],
    ['a bidi isolate', Note(20), '\u2066x', 'expected text without bidi overrides, got U+2066'],
    ['nothing visible', Text(20), ' \u200B\u3164 ', 'expected at least one visible character'],
    ['empty', Text(20), '', 'expected at least one visible character'],
    ['not a string', Text(20), 42, 'expected text, got 42'],
  ])('refuses %s', (_, codec, value, message) => {
    expect(messageOf(codec, value)).toBe(message);
  });

  it('lets a long text (over 300 characters) and a note break lines, and a note be empty', () => {
    expect(messageOf(Text(301), 'first line\nsecond\ttabbed\r\n')).toBe('accepted');
    expect(messageOf(Text(300), 'first line\nsecond')).toBe('expected one line of text, got U+000A');
    expect(messageOf(Note(20), '')).toBe('accepted');
    expect(messageOf(Note(20), 'a\nb')).toBe('accepted');
    expect(messageOf(Note(3), 'abcd')).toBe('expected at most 3 characters, got 4');
  });

  it('accepts up to the limit, whole surrogate pairs, combining marks after a letter and CJK', () => {
    expect(messageOf(Text(5), 'abcde')).toBe('accepted');
    expect(messageOf(Text(5), '😀')).toBe('accepted');
    expect(messageOf(Text(5), 'e\u0301')).toBe('accepted');
    expect(messageOf(Text(20), '北京星河科技')).toBe('accepted');
    expect(Text(5).is('abcde')).toBe(true);
    expect(Text(5).is('abcdef')).toBe(false);
    expect(Text(5).is(5)).toBe(false);
  });

  it('describes a long bad value cut at 60 characters, and no value as nothing', () => {
    expect(messageOf(Text(5), 'x'.repeat(100).split(''))).toBe(`expected text, got [${'"x",'.repeat(14)}...`); // 57 characters and ...
    expect(messageOf(Text(5), ['x'.repeat(56)])).toBe(`expected text, got ["${'x'.repeat(56)}"]`); // 60, whole
    expect(messageOf(Text(5), ['x'.repeat(57)])).toBe(`expected text, got ["${'x'.repeat(55)}...`); // 61: 57 and ...
    expect(messageOf(closed('O', { name: Text(5) }), {})).toBe('expected text, got nothing');
    expect(messageOf(closed('O', { at: t.string }), {})).toBe('required: expected string');
    expect(messageOf(closed('O', { at: t.string }), { at: 5 })).toBe('expected string, got 5');
  });
});

describe('numbers and ids', () => {
  it('takes positive counts from 1 and non-negative ones from 0, up to 10^12', () => {
    expect(messageOf(PositiveInt, 1)).toBe('accepted');
    expect(messageOf(PositiveInt, 0)).toBe(`expected a positive integer (at most ${MAX_COUNT}), got 0`);
    expect(messageOf(NonNegativeInt, 0)).toBe('accepted');
    expect(messageOf(NonNegativeInt, MAX_COUNT)).toBe('accepted');
    expect(messageOf(NonNegativeInt, MAX_COUNT + 1)).toBe(`expected a non-negative integer (at most ${MAX_COUNT}), got 1000000000001`);
    expect(messageOf(PositiveMinorUnits, 1)).toBe('accepted');
  });

  it('names the values a literal union takes', () => {
    const Per = literalUnion('Per', ['order', 'unit']);
    expect(messageOf(Per, 'unit')).toBe('accepted');
    expect(messageOf(Per, 'each')).toBe('expected one of order | unit, got "each"');
  });
});

describe('decimals', () => {
  it('keeps a decimal as its canonical string, from a number or a string', () => {
    expect(errorsOf(DecimalString, '1.50')).toBe('1.5');
    expect(messageOf(DecimalString, ' 2 ')).toBe('expected a decimal number, got " 2 "');
    expect(errorsOf(DecimalString, 0.05)).toBe('0.05');
    expect(errorsOf(DecimalString, '1E3')).toBe('1000');
    expect(errorsOf(DecimalString, '-0.5')).toBe('-0.5');
    expect(errorsOf(DecimalString, '0e999')).toBe('0');
  });

  it('bounds size (below 10^15), places (30) and significant digits (34), and says which', () => {
    const bounded = 'expected a decimal below 10^15 with at most 34 significant digits and 30 places, got';
    expect(errorsOf(DecimalString, '999999999999999.9')).toBe('999999999999999.9');
    expect(messageOf(DecimalString, '1000000000000000')).toBe(`${bounded} "1000000000000000"`);
    expect(messageOf(DecimalString, '-1e15')).toBe(`${bounded} "-1e15"`);
    expect(errorsOf(DecimalString, `0.${'0'.repeat(29)}1`)).toBe('1e-30');
    expect(messageOf(DecimalString, `0.${'0'.repeat(30)}1`)).toBe(`${bounded} "0.${'0'.repeat(30)}1"`);
    // 4 + 30 digits = 34 significant; 5 + 30 = 35
    expect(errorsOf(DecimalString, `1234.${'1'.repeat(30)}`)).toBe(`1234.${'1'.repeat(30)}`);
    expect(messageOf(DecimalString, `12345.${'1'.repeat(30)}`)).toBe(`${bounded} "12345.${'1'.repeat(30)}"`);
  });

  it('refuses what is not a plain decimal, and a string over 64 characters', () => {
    expect(messageOf(DecimalString, '0x10')).toBe('expected a decimal number, got "0x10"');
    expect(messageOf(DecimalString, true)).toBe('expected a decimal number, got true');
    expect(messageOf(DecimalString, Infinity)).toBe('expected a finite decimal, got null');
    expect(errorsOf(DecimalString, `0.${'0'.repeat(62)}`)).toBe('0'); // 64 characters
    expect(messageOf(DecimalString, `0.${'0'.repeat(63)}`)).toMatch(/^expected a decimal number, got "0\.0+\.\.\.$/); // 65
  });

  it('a non-negative decimal is one ≥ 0', () => {
    expect(errorsOf(NonNegativeDecimal, '0')).toBe('0');
    expect(errorsOf(NonNegativeDecimal, '-0')).toBe('0');
    expect(messageOf(NonNegativeDecimal, '-0.01')).toBe('expected a decimal ≥ 0, got "-0.01"');
    expect(messageOf(NonNegativeDecimal, 'x')).toBe('expected a decimal number, got "x"');
  });
});

describe('instants, dates and periods', () => {
  it.each([
    ['2026-07-01T10:00:00+14:00', true], // Kiribati, the first zone
    ['2026-07-01T10:00:00+14:01', false],
    ['2026-07-01T10:00:00+13:59', true],
    ['2026-07-01T10:00:00-12:00', true], // Baker Island, the last
    ['2026-07-01T10:00:00-12:01', false],
    ['2026-07-01T10:00:00-11:59', true],
    ['2026-07-01T23:59:59Z', true],
    ['2026-07-01T23:60:00Z', false],
    ['2026-07-01T20:00:00.123456789Z', true],
    ['1900-01-01T00:00:00Z', true],
    ['1899-12-31T23:59:59Z', false],
    ['2999-12-31T23:59:59Z', true],
    ['3000-01-01T00:00:00Z', false],
    ['2024-02-29T00:00:00Z', true],
    ['2100-02-29T00:00:00Z', false], // not a leap year
    ['2026-12-31T00:00:00Z', true],
    ['2026-13-01T00:00:00Z', false],
    ['2026-06-31T00:00:00Z', false],
    ['2026-06-00T00:00:00Z', false],
  ])('%s is an instant: %s', (s, ok) => {
    expect(messageOf(Instant, s)).toBe(ok ? 'accepted' : `expected an ISO 8601 instant with an offset from −12:00 to +14:00, got "${s}"`);
  });

  it('dates exist; a month-day may be 29 February', () => {
    expect(messageOf(DateOnly, '2026-01-31')).toBe('accepted');
    expect(messageOf(DateOnly, '2026-02-29')).toBe('expected a real date YYYY-MM-DD, got "2026-02-29"');
    expect(messageOf(DateOnly, 20260101)).toBe('expected a real date YYYY-MM-DD, got 20260101');
    expect(messageOf(MonthDay, '02-29')).toBe('accepted');
    expect(messageOf(MonthDay, '02-30')).toBe('expected a real month-day MM-DD, got "02-30"');
    expect(messageOf(MonthDay, '2-28')).toBe('expected a real month-day MM-DD, got "2-28"');
    expect(messageOf(MonthDay, 228)).toBe('expected a real month-day MM-DD, got 228');
  });

  it('period ids of the years 1900–2999', () => {
    for (const ok of ['1900', '2999-Q4', '2026-07', '2026-W53', '2026-07-15']) expect(messageOf(PeriodId, ok), ok).toBe('accepted');
    for (const bad of ['1899', '3000-01', '2026-W54', '2026-13', 2026])
      expect(messageOf(PeriodId, bad), String(bad)).toBe(`expected a period id of a year 1900–2999 like 2026, 2026-Q3, 2026-07, 2026-W27 or 2026-07-15, got ${JSON.stringify(bad)}`);
  });
});

describe('bounded lists', () => {
  const list = () => boundedArray(Id, 2, 1);

  it('says how many it wants and how many it got', () => {
    expect(errorsOf(list(), ['a'])).toEqual(['a']);
    expect(errorsOf(list(), ['a', 'b'])).toEqual(['a', 'b']);
    expect(messageOf(list(), [])).toBe('expected at least 1 item(s), got 0');
    expect(messageOf(list(), ['a', 'b', 'c'])).toBe('expected at most 2 items, got 3');
    expect(messageOf(list(), 'a')).toBe('expected a list, got "a"');
    expect(errorsOf(list(), ['a', '-'])).toEqual([{ path: '1', message: 'expected an id (letters, digits, _ . : -; at most 64), got "-"' }]);
  });

  it('is a guard with the same bounds', () => {
    expect(list().is(['a'])).toBe(true);
    expect(list().is([])).toBe(false);
    expect(list().is(['a', 'b', 'c'])).toBe(false);
    expect(list().is(['-'])).toBe(false);
    expect(list().is('a')).toBe(false);
    expect(list().name).toBe('Array<Id>(1..2)');
  });
});

describe('guards, encoders and odd values', () => {
  // made in each test, not when the file is collected: mutation testing credits a codec's code
  // only to the tests that ran while it was made
  const sale = () => closed('Sale', { orderId: Id }, { note: Note(5) });

  it('a closed object guards by its fields, and encodes as it is', () => {
    expect([{ orderId: 'O-1' }, { orderId: 'O-1', note: 'hi' }].map((v) => sale().is(v))).toEqual([true, true]);
    expect([{}, { orderId: '-' }, { orderId: 'O-1', note: 'too long' }, null].map((v) => sale().is(v))).toEqual([false, false, false, false]);
    const value = { orderId: 'O-1', note: 'hi' };
    expect(sale().encode(value)).toBe(value);
    expect(boundedArray(Id, 2).encode(['a', 'b'])).toEqual(['a', 'b']);
  });

  it('a note guards by its length and characters, a decimal by being text', () => {
    expect(['', 'a\nb', 'abcd'].map((v) => Note(4).is(v))).toEqual([true, true, true]);
    expect(['abcde', 'x\u0000', 3].map((v) => Note(4).is(v))).toEqual([false, false, false]);
    expect([DecimalString.is('1.5'), DecimalString.is(1.5), NonNegativeDecimal.is('0'), NonNegativeDecimal.is(0)]).toEqual([true, false, true, false]);
  });

  it('describes a value JSON cannot write by its text', () => {
    expect(messageOf(Text(5), 10n)).toBe('expected text, got 10');
  });

  it('says the same thing about the same field once', () => {
    expect(errorsOf(closed('Twice', { v: t.union([Id, Id]) }), { v: true })).toEqual([{ path: 'v', message: 'expected an id (letters, digits, _ . : -; at most 64), got true' }]);
  });
});

describe('what a codec says it accepts (its JSON Schema, for the OpenAPI document)', () => {
  /** Renders a codec's schema note, naming each codec it holds. */
  const schemaOf = (codec: t.Any): JsonSchema => schemaNoteOf(codec)!((inner) => ({ codec: inner.name }));

  it('a closed object lists its fields, requires the required ones only, and allows no others', () => {
    expect(schemaOf(closed('Sale', { orderId: Id }, { note: Note(5) }))).toEqual({
      type: 'object',
      title: 'Sale',
      properties: { orderId: { codec: 'Id' }, note: { codec: 'Note(5)' } },
      required: ['orderId'],
      additionalProperties: false,
    });
    expect(schemaOf(closed('Filter', {}, { note: Note(5) }))).toEqual({ type: 'object', title: 'Filter', properties: { note: { codec: 'Note(5)' } }, additionalProperties: false });
  });

  it('text says its length, whether it must show something, and whether it is one line', () => {
    expect(schemaOf(Text(20))).toEqual({ type: 'string', minLength: 1, maxLength: 20, description: 'one line of text with something visible; no control characters or bidi overrides' });
    expect(schemaOf(Note(400))).toEqual({ type: 'string', maxLength: 400, description: 'text; no control characters or bidi overrides' });
    expect([Text(20).name, Text(400).name, Text(9, 'Title').name, Note(400).name]).toEqual(['Text(20)', 'Text(400)', 'Title', 'Note(400)']);
  });

  it('a list says its item and bounds, a literal union its values, a fixed note is itself', () => {
    expect(schemaOf(boundedArray(Id, 3))).toEqual({ type: 'array', items: { codec: 'Id' }, maxItems: 3 });
    expect(schemaOf(boundedArray(Id, 3, 1))).toEqual({ type: 'array', items: { codec: 'Id' }, minItems: 1, maxItems: 3 });
    expect(boundedArray(Id, 3).name).toBe('Array<Id>(0..3)');
    expect(schemaOf(literalUnion('Per', ['order', 'unit']))).toEqual({ type: 'string', enum: ['order', 'unit'] });
    const fixed = { type: 'string', format: 'email' };
    expect(schemaOf(withSchema(t.string, fixed))).toBe(fixed);
    expect(schemaNoteOf(t.number)).toBeUndefined();
  });
});

describe('closed objects, made in the test', () => {
  it('refuses an unknown field alone with that one error, and keeps no key for an absent optional', () => {
    const r = decode(closed('Sale', { orderId: Id }, { note: Note(5) }), { orderId: 'O-1', extra: 1 });
    expect(E.isLeft(r) && r.left.errors).toEqual([{ path: 'extra', message: 'unknown field' }]);
    const ok = closed('Sale', { orderId: Id }, { note: Note(5), due: DateOnly }).decode({ orderId: 'O-1', note: null });
    expect(E.isRight(ok) && Object.keys(ok.right)).toEqual(['orderId']);
  });

  it('guards and encodes', () => {
    const Sale = closed('Sale', { orderId: Id });
    expect([Sale.is({ orderId: 'O-1' }), Sale.is({ orderId: 1 })]).toEqual([true, false]);
    const value = { orderId: 'O-1' };
    expect(Sale.encode(value)).toBe(value);
  });

  it('decodes a valid object as io-ts would: declared order, values as their codecs give them, inherited fields unseen', () => {
    const Line = closed('Line', { share: DecimalString }, { note: Note(5) });
    const Order = closed('Order', { id: Id, lines: boundedArray(Line, 3, 1) }, { rate: DecimalString, due: DateOnly });
    const r = Order.decode({ due: undefined, rate: 0.50, lines: [{ note: null, share: '1.0' }], id: 'O-1' });
    expect(E.isRight(r) && JSON.stringify(r.right)).toBe('{"id":"O-1","lines":[{"share":"1"}],"rate":"0.5"}');
    const unchanged = ['a', 'b'];
    const same = boundedArray(Id, 3).decode(unchanged);
    expect(E.isRight(same) && same.right).toBe(unchanged);
    const inherited = Object.assign(Object.create({ id: 'O-1' }), { lines: [{ share: '1' }] });
    expect(errorsOf(Order, inherited)).toEqual([{ path: 'id', message: 'expected an id (letters, digits, _ . : -; at most 64), got nothing' }]);
    expect(errorsOf(Order, { id: 'O-1', lines: [{ share: '1' }, { share: 'x', extra: 1 }] })).toEqual([
      { path: 'lines.1.extra', message: 'unknown field' },
      { path: 'lines.1.share', message: 'expected a decimal number, got "x"' },
    ]);
  });

  it('a value io-ts reads as unknown is never "required": it is described as nothing', () => {
    const root = { key: '', type: t.type({ a: t.unknown }), actual: {} };
    expect(fieldErrors([{ value: undefined, context: [root, { key: 'a', type: t.unknown, actual: undefined }] }])).toEqual([{ path: 'a', message: 'expected unknown, got nothing' }]);
    expect(fieldErrors([{ value: undefined, context: [root, { key: 'a', type: t.string, actual: undefined }] }])).toEqual([{ path: 'a', message: 'required: expected string' }]);
  });
});

describe('accepts: a yes or no exactly where validate answers Right or Left', () => {
  const Line = t.intersection([t.type({ product: t.string, units: t.number }), t.partial({ note: t.string, free: t.boolean })]);
  const Event = t.type({ id: t.string, lines: t.array(Line), at: Instant, share: DecimalString, kind: t.union([t.literal('a'), t.literal('b')]) });
  const good = { id: 'E-1', lines: [{ product: 'P', units: 2 }, { product: 'Q', units: 1, note: 'n', free: false }], at: '2026-07-01T10:00:00+08:00', share: '0.5', kind: 'a' };
  const values: unknown[] = [
    good,
    { ...good, extra: 1 },
    { ...good, lines: [] },
    { ...good, lines: [{ product: 'P', units: '2' }] },
    { ...good, lines: [{ product: 'P', units: 2, note: null }] },
    { ...good, lines: [{ product: 'P', units: 2, note: undefined }] },
    { ...good, lines: [{ product: 'P', units: 2, free: 'no' }] },
    { ...good, lines: new Array(1) },
    { ...good, lines: {} },
    { ...good, at: '2026-02-30T10:00:00+08:00' },
    { ...good, share: 'half' },
    { ...good, kind: 'c' },
    { ...good, id: undefined },
    Object.assign(Object.create({ id: 'E-1' }), { ...good, id: undefined }),
    Object.assign(Object.create({ id: 'E-1' }), (({ id: _, ...rest }) => rest)(good)),
    [good],
    null,
    'E-1',
  ];
  it.each(values.map((v, i) => [i, v]))('value %i', (_, v) => {
    expect(accepts(Event, v)).toBe(E.isRight(Event.validate(v, [])));
  });

  it('a closed object and a bounded list answer by their own rules', () => {
    const Sale = closed('Sale', { orderId: Id, lines: boundedArray(closed('Line', { units: PositiveInt }), 2, 1) });
    expect([accepts(Sale, { orderId: 'O-1', lines: [{ units: 1 }] }), accepts(Sale, { orderId: 'O-1', lines: [] }), accepts(Sale, { orderId: 'O-1', lines: [{ units: 1, x: 1 }] })]).toEqual([true, false, false]);
  });
});

describe('guards at their edges', () => {
  it('a list guard takes exactly its most, and every item must pass', () => {
    const list = boundedArray(Id, 2);
    expect([list.is(['a', 'b']), list.is(['a', '-']), list.is(['-', 'a'])]).toEqual([true, false, false]);
  });

  it('dates and instants are whole strings, not text that holds one or coerces to one', () => {
    const lookalike = { toString: () => '2026-07-01' };
    expect([isDateOnly('2026-07-01'), isDateOnly('2026-01-01 2026-07-01'), isDateOnly('2026-07-01T10:00'), isDateOnly(lookalike)]).toEqual([true, false, false, false]);
    expect([isInstant('2026-07-01T10:00:00Z'), isInstant({ toString: () => '2026-07-01T10:00:00Z' })]).toEqual([true, false]);
  });

  it('a month-day is MM-DD and nothing luxon would read after 2024- (a month, a time, an ordinal day)', () => {
    for (const bad of ['05', '05-20T10', '123T10-05', { toString: () => '05-20' }]) expect(MonthDay.is(bad), String(bad)).toBe(false);
    expect(MonthDay.is('05-20')).toBe(true);
  });

  it('a decimal takes a signed exponent', () => {
    expect([errorsOf(DecimalString, '1e+3'), errorsOf(DecimalString, '15e-1'), errorsOf(DecimalString, '2E3')]).toEqual(['1000', '1.5', '2000']);
  });
});
