// offsetMinutes caches a zone's offset per day; it must still say what luxon says at every
// quarter hour, across DST changes, half-hour zones and past years. Before about 1970 some
// zones ran on local mean time with offsets of odd seconds (St John's was −3:30:52): no sale
// Tally records is that old, so the property covers 1970 to 2100.
import fc from 'fast-check';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import { offsetMinutes } from '../../core/shared/period';

const ZONES = ['Asia/Shanghai', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'America/St_Johns', 'Pacific/Chatham', 'UTC'];
const QUARTER = 900_000;

describe('offsetMinutes', () => {
  it('given any instant and zone, when its offset is asked, then it is luxon’s offset at its quarter hour', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), (zone, ms) => {
        expect(offsetMinutes(ms, zone)).toBe(DateTime.fromMillis(Math.floor(ms / QUARTER) * QUARTER, { zone }).offset);
      }),
      { numRuns: 3000 },
    );
  });

  it('given instants asked in turn in two zones, the same day or the next, when each offset is asked, then each is luxon’s (the last day asked is kept)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1970, 0, 1), max: Date.UTC(2100, 0, 1) }), fc.array(fc.integer({ min: 0, max: 2 * 96 }), { maxLength: 8 }), (a, b, ms, steps) => {
        for (const [k, q] of steps.entries()) {
          const at = ms + q * QUARTER;
          const zone = k % 2 === 0 ? a : b;
          expect(offsetMinutes(at, zone)).toBe(DateTime.fromMillis(Math.floor(at / QUARTER) * QUARTER, { zone }).offset);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('given the days around DST changes, when every quarter hour is asked, then each is luxon’s', () => {
    for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'Europe/London']) {
      for (const day of ['2026-03-08', '2026-11-01', '2026-04-05', '2026-10-04', '2026-03-29', '2026-10-25']) {
        const start = Date.parse(`${day}T00:00:00Z`) - 86_400_000;
        for (let ms = start; ms < start + 3 * 86_400_000; ms += QUARTER) expect(offsetMinutes(ms, zone)).toBe(DateTime.fromMillis(ms, { zone }).offset);
      }
    }
  });
});
