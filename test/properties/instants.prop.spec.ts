// The codecs check instants and dates without luxon on the hot path; their verdict must stay
// luxon's on every string of the accepted shape, real or not (31 June, 29 February, …).
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { isDateOnly, isInstant } from '../../core/shared/codec';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const date = fc.tuple(fc.integer({ min: 1890, max: 3010 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(([y, m, d]) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`);
const time = fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.option(fc.integer({ min: 0, max: 61 })), fc.option(fc.integer({ min: 0, max: 999 })));
const offset = fc.oneof(fc.constant('Z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 16 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`));
const instant = fc.tuple(date, time, offset).map(([d, [h, mi, s, ms], o]) => `${d}T${pad(h)}:${pad(mi)}${s === null ? '' : `:${pad(s)}${ms === null ? '' : `.${pad(ms, 3)}`}`}${o}`);

describe('instants and dates in commands', () => {
  it('given any string of an instant’s shape, when checked, then the verdict is luxon’s within the accepted pattern', () => {
    fc.assert(
      fc.property(instant, (s) => {
        if (isInstant(s)) expect(DateTime.fromISO(s, { setZone: true }).isValid).toBe(true);
        else if (/^(19|2\d)\d{2}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|\+(0\d|1[0-3]):[0-5]\d|\+14:00|-(0\d|1[01]):[0-5]\d|-12:00)$/.test(s))
          expect(DateTime.fromISO(s, { setZone: true }).isValid).toBe(false);
      }),
      { numRuns: 5000 },
    );
  });

  it('given any string of a date’s shape, when checked, then the verdict is luxon’s within the accepted years', () => {
    fc.assert(
      fc.property(date, (s) => {
        expect(isDateOnly(s)).toBe(/^(19|2\d)/.test(s) && DateTime.fromISO(s, { zone: 'UTC' }).isValid);
      }),
      { numRuns: 5000 },
    );
  });

  it('given the days that exist only in leap years, when checked, then they are real exactly then', () => {
    expect([isInstant('2024-02-29T10:00:00+08:00'), isInstant('2026-02-29T10:00:00+08:00'), isInstant('2000-02-29T00:00Z'), isInstant('1900-02-29T00:00Z')]).toEqual([true, false, true, false]);
    expect([isDateOnly('2026-06-31'), isDateOnly('2026-06-30'), isDateOnly('2026-13-01'), isDateOnly('2026-00-10')]).toEqual([false, true, false, false]);
  });
});
