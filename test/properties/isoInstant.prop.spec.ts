import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoMillis } from '../../core/shared/isoInstant';

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** Strings of the log's shapes, with every field free to leave its range (and a few characters free to be wrong). */
const instantLike = fc
  .record({
    year: fc.integer({ min: 0, max: 9999 }),
    month: fc.integer({ min: 0, max: 13 }),
    day: fc.integer({ min: 0, max: 32 }),
    hour: fc.integer({ min: 0, max: 25 }),
    minute: fc.integer({ min: 0, max: 60 }),
    second: fc.option(fc.integer({ min: 0, max: 60 })),
    fraction: fc.option(fc.stringMatching(/^[0-9]{1,4}$/)),
    zone: fc.oneof(fc.constant('Z'), fc.constant(''), fc.constant('z'), fc.tuple(fc.constantFrom('+', '-'), fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 })).map(([s, h, m]) => `${s}${pad(h)}:${pad(m)}`), fc.constant('+0800')),
  })
  .map(({ year, month, day, hour, minute, second, fraction, zone }) => {
    const sec = second === null ? '' : `:${pad(second)}${fraction === null ? '' : `.${fraction}`}`;
    return `${pad(year, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}${sec}${zone}`;
  });

describe('isoMillis', () => {
  it('answers as Date.parse for the log’s shapes and their near misses', () => {
    fc.assert(fc.property(instantLike, (s) => Object.is(isoMillis(s), Date.parse(s))), { numRuns: 20_000 });
  });

  it('answers as Date.parse for any instant written with Z or an offset, and for any string', () => {
    const instant = fc.integer({ min: Date.UTC(100, 0, 1), max: Date.UTC(9999, 11, 31) });
    fc.assert(
      fc.property(instant, fc.integer({ min: -23 * 60 - 59, max: 23 * 60 + 59 }), (ms, offset) => {
        const iso = new Date(ms).toISOString();
        const local = new Date(ms + offset * 60_000).toISOString().slice(0, 19);
        const sign = offset < 0 ? '-' : '+';
        const withOffset = `${local}${sign}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
        return isoMillis(iso) === ms && isoMillis(withOffset) === Date.parse(withOffset) && isoMillis(withOffset) === Math.floor(ms / 1000) * 1000;
      }),
      { numRuns: 5_000 },
    );
    fc.assert(fc.property(fc.string(), (s) => Object.is(isoMillis(s), Date.parse(s))));
  });
});
