import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { IntColumn, IntList } from '../../../core/ledger/ledgerColumns';
import { StringTable } from '../../../core/ledger/stringTable';

describe('ledger columns', () => {
  it('an IntList keeps every value pushed, in order, through its growth, and counts those below a bound', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { maxLength: 3000 }), fc.integer({ min: -1, max: 200_000 }), (steps, bound) => {
        const l = new IntList();
        const values: number[] = [];
        let v = 0;
        for (const s of steps) l.push((v += s)), values.push(v);
        expect(l.length).toBe(values.length);
        expect([...l.data.subarray(0, l.length)]).toEqual(values);
        expect(l.countBelow(bound)).toBe(values.filter((x) => x < bound).length);
      }),
      { numRuns: 200 },
    );
  });

  it('an IntColumn reads back every value set, Int32 or not (large amounts, fractions, its own marker), through its growth', () => {
    const value = fc.oneof(fc.integer(), fc.constantFrom(-0x80000000, 0x7fffffff, 0x80000000, -0x80000001, 2 ** 53 - 1, -(2 ** 53)), fc.double({ noNaN: true, noDefaultInfinity: true }));
    fc.assert(
      fc.property(fc.array(value, { maxLength: 3000 }), (values) => {
        const c = new IntColumn();
        values.forEach((v, i) => {
          c.reserve(i);
          c.set(i, v);
        });
        values.forEach((v, i) => expect(c.get(i)).toBe(v === 0 ? 0 : v));
      }),
      { numRuns: 100 },
    );
  });

  it('a StringTable gives every name one id, and reads it back, whatever its characters', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }), fc.constantFrom('SO-1', 'SO-2', '订单-1')), { maxLength: 3000 }), (names) => {
        const table = new StringTable();
        const first = new Map<string, number>();
        for (const name of names) {
          expect(table.find(name)).toBe(first.get(name) ?? -1);
          const id = table.id(name);
          if (!first.has(name)) first.set(name, first.size);
          expect(id).toBe(first.get(name));
        }
        expect(table.size).toBe(first.size);
        for (const [name, id] of first) expect(table.name(id)).toBe(name);
      }),
      { numRuns: 60 },
    );
  });
});
