// A closed object decodes a field by the field codec's guard alone when that codec's validate
// answers by its guard (ids, amounts, instants, text, io-ts's primitives): the walk must accept
// exactly what io-ts's own validate of the same fields accepts, and give the same value.
import fc from 'fast-check';
import * as E from 'fp-ts/Either';
import * as t from 'io-ts';
import { describe, expect, it } from 'vitest';
import {
  accepts, closed, DateOnly, Id, Instant, literalUnion, MAX_COUNT, MAX_MINOR_UNITS, MinorUnits, MonthDay, NonNegativeInt, Note, PeriodId, PositiveInt, PositiveMinorUnits, SignedMinorUnits, Text,
} from '../../core/shared/codec';

const codecs: Record<string, t.Mixed> = {
  Id, Instant, DateOnly, MonthDay, PeriodId, MinorUnits, PositiveMinorUnits, SignedMinorUnits, NonNegativeInt, PositiveInt,
  Text: Text(12), LongText: Text(400), Note: Note(12), Kind: literalUnion('Kind', ['a', 'b']), string: t.string, number: t.number, boolean: t.boolean,
};

/** Values at the edges of what those codecs take, beside anything at all. */
const edgy = fc.oneof(
  fc.anything(),
  fc.constantFrom(0, -0, 1, -1, 0.5, NaN, Infinity, -Infinity, MAX_MINOR_UNITS, MAX_MINOR_UNITS + 1, -MAX_MINOR_UNITS, MAX_COUNT, MAX_COUNT + 1, Number.MAX_SAFE_INTEGER + 2, null, undefined, true, '', ' ', 'a', 'b', 'c'),
  fc.constantFrom('2026-02-29', '2024-02-29', '2026-07-01T10:00:00+08:00', '2026-06-31T10:00:00Z', '1899-12-31', '2026-Q3', '2026-W53', '02-29', '13-01', 'a\u0000b', 'x\u202e', 'a\nb', '\ud800', '\u200b'),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.stringMatching(/^[A-Za-z0-9_.:-]{0,70}$/),
  fc.integer({ min: -1e13 - 5, max: 1e13 + 5 }),
  fc.double(),
);

describe('a closed object decodes a field by its guard exactly as io-ts validates it', () => {
  it('given any value for each field codec, when decoded, then accepted exactly where io-ts accepts it, as the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...Object.keys(codecs)), edgy, fc.boolean(), (name, v, optional) => {
        const codec = codecs[name];
        const walked = (optional ? closed('O', {}, { v: codec }) : closed('O', { v: codec })).decode({ v });
        // optional: a field given as null or undefined is absent, and otherwise io-ts's verdict
        const absent = optional && (v === null || v === undefined);
        const viaIoTs = absent ? E.right({}) : t.type({ v: codec }).validate({ v }, []);
        expect(E.isRight(walked)).toBe(E.isRight(viaIoTs));
        if (E.isRight(walked) && E.isRight(viaIoTs)) expect(walked.right).toEqual(viaIoTs.right);
        expect(accepts(codec, v)).toBe(E.isRight(codec.validate(v, [])));
      }),
      { numRuns: 20_000 },
    );
  });
});
