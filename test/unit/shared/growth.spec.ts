// Growth by hand-worked cases: the ratio and its notes, and which spans are compared before, during
// and after a period (Asia/Shanghai, UTC+8, no daylight saving).
import { describe, expect, it } from 'vitest';
import { comparedGrowth, comparisonView, growthOver, growthRatio, hasGrowthBase, noGrowth, periodComparison, windowComparison } from '../../../core/shared/growth';

const ZONE = 'Asia/Shanghai';
const ms = (iso: string) => Date.parse(iso);
/** A comparison as comparisonView shows it: periodToDate exactly while in progress. */
const spans = (status: string, [cf, ct]: [string, string], [pf, pt]: [string, string]) => ({
  status,
  periodToDate: status === 'in-progress',
  current: { from: cf, to: ct },
  previous: { from: pf, to: pt },
});

describe('growthOver', () => {
  it('is value / base − 1 to 4 places, half away from zero', () => {
    expect(growthOver(150, 100)).toEqual({ growth: 0.5, growthNote: null });
    expect(growthOver(50, 100)).toEqual({ growth: -0.5, growthNote: null });
    expect(growthOver(100, 100)).toEqual({ growth: 0, growthNote: null });
    expect(growthOver(2, 3)).toEqual({ growth: -0.3333, growthNote: null }); // 2/3 − 1 = −0.33333…
    expect(growthOver(1_00005, 1_00000)).toEqual({ growth: 0.0001, growthNote: null }); // 0.00005 → 0.0001
    expect(growthOver(99_995, 100_000)).toEqual({ growth: -0.0001, growthNote: null }); // −0.00005 → −0.0001
  });

  it('has no growth from nothing, nor over a loss, and says why naming the base', () => {
    expect(growthOver(500, 0, '2026-06')).toEqual({ growth: null, growthNote: 'nothing in 2026-06 to grow from' });
    expect(growthOver(500, -200, '2026-06')).toEqual({ growth: null, growthNote: '2026-06 was negative (-200): a change over a loss is not growth' });
    expect(growthOver(500, 0).growthNote).toBe('nothing in the base period to grow from');
  });

  it('measures from a base above zero only, and ranks by the exact ratio', () => {
    expect([hasGrowthBase(1), hasGrowthBase(0), hasGrowthBase(-1)]).toEqual([true, false, false]);
    expect(growthRatio(2, 3)!.toString()).toBe('-0.3333333333333333333333333333333333333333');
    expect(growthRatio(2, 0)).toBeNull();
    expect(noGrowth('no goal')).toEqual({ growth: null, growthNote: 'no goal' });
  });
});

describe('periodComparison', () => {
  it('an ended month against the whole month before', () => {
    const c = periodComparison('2026-11', ms('2026-12-15T00:00:00+08:00'), ZONE);
    expect(comparisonView(c, ZONE)).toEqual(spans('ended', ['2026-11-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00'], ['2026-10-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00']));
    expect(c.previousLabel).toBe('2026-10');
  });

  it('ends with its last millisecond: `at` is included', () => {
    // at 23:59:59.999 on 30 November, at + 1 ms reaches the end: the whole month
    expect(periodComparison('2026-11', ms('2026-11-30T23:59:59.999+08:00'), ZONE).status).toBe('ended');
    expect(periodComparison('2026-11', ms('2026-11-30T23:59:59.998+08:00'), ZONE).status).toBe('in-progress');
  });

  it('a month in progress to date against the same days and hours of the month before', () => {
    // at 2 December 10:00 (included): [1 Dec, 2 Dec 10:00:00.001) against [1 Nov, 2 Nov 10:00:00.001)
    const c = periodComparison('2026-12', ms('2026-12-02T10:00:00+08:00'), ZONE);
    expect(comparisonView(c, ZONE)).toEqual(spans('in-progress', ['2026-12-01T00:00:00+08:00', '2026-12-02T10:00:00.001+08:00'], ['2026-11-01T00:00:00+08:00', '2026-11-02T10:00:00.001+08:00']));
    expect(c.previousLabel).toBe('2026-11 from 2026-11-01T00:00:00+08:00 to 2026-11-02T10:00:00.001+08:00');
  });

  it('never runs the base past its own end: 31 March to date against all of February', () => {
    // 2027-03 at 31 March 12:00: a month and 30 days after 1 March would be past February's end
    const c = periodComparison('2027-03', ms('2027-03-31T12:00:00+08:00'), ZONE);
    expect(comparisonView(c, ZONE).previous).toEqual({ from: '2027-02-01T00:00:00+08:00', to: '2027-03-01T00:00:00+08:00' });
    expect(c.previousLabel).toBe('2027-02');
  });

  it('not started: nothing yet, and nothing of the base', () => {
    const c = periodComparison('2026-12', ms('2026-11-20T00:00:00+08:00'), ZONE);
    expect(comparisonView(c, ZONE)).toEqual(spans('not-started', ['2026-12-01T00:00:00+08:00', '2026-12-01T00:00:00+08:00'], ['2026-11-01T00:00:00+08:00', '2026-11-01T00:00:00+08:00']));
    expect(comparedGrowth(10, 5, c, 'December')).toEqual({ growth: null, growthNote: 'December has not started yet' });
  });

  it('a span inside the period (a straddling week’s days) against the same span a month before', () => {
    // the days of week 2026-W49 in December: 1–7 December, ended by 10 December
    const span = { start: ms('2026-12-01T00:00:00+08:00'), end: ms('2026-12-07T00:00:00+08:00') };
    const c = periodComparison('2026-12', ms('2026-12-10T00:00:00+08:00'), ZONE, span);
    expect(comparisonView(c, ZONE)).toMatchObject({ status: 'ended', previous: { from: '2026-11-01T00:00:00+08:00', to: '2026-11-07T00:00:00+08:00' } });
    expect(c.previousLabel).toBe('2026-11 from 2026-11-01T00:00:00+08:00 to 2026-11-07T00:00:00+08:00');
  });

  // Calendar time is counted in the business zone, never the machine's (UTC here): across a
  // daylight-saving change the same calendar days hold another number of hours, and a month
  // counted from a local midnight is not the month counted from that instant's UTC date.
  it('counts the calendar time to date in the business zone, across a daylight-saving change', () => {
    // New York moved to EDT on 8 March 2026: 1 March 00:00 EST to 10 March 12:00 EDT is 9 days and
    // 12 hours of calendar time (9 days and 11 hours of UTC time); February has no change
    const NY = 'America/New_York';
    const c = periodComparison('2026-03', ms('2026-03-10T12:00:00-04:00'), NY);
    expect(comparisonView(c, NY)).toEqual(spans('in-progress', ['2026-03-01T00:00:00-05:00', '2026-03-10T12:00:00.001-04:00'], ['2026-02-01T00:00:00-05:00', '2026-02-10T12:00:00.001-05:00']));
  });

  it('counts months from the local first of the period, whose UTC date is the 30th before', () => {
    // 2026-Q4 in Shanghai starts 1 October 00:00, 30 September 16:00 UTC; its base, Q3, 1 July,
    // 30 June 16:00 UTC. At 1 November 06:00 it is one month and 6 hours in, and the base to date
    // ends 1 August 06:00. Counted in UTC, a month from 30 September ends 30 October (one month,
    // a day and 6 hours), and a month from 30 June ends 30 July
    const c = periodComparison('2026-Q4', ms('2026-11-01T06:00:00+08:00'), ZONE);
    expect(comparisonView(c, ZONE).previous).toEqual({ from: '2026-07-01T00:00:00+08:00', to: '2026-08-01T06:00:00.001+08:00' });
  });

  it('grows over the base it compared with', () => {
    const c = periodComparison('2026-11', ms('2026-12-15T00:00:00+08:00'), ZONE);
    expect(comparedGrowth(120, 100, c, 'November')).toEqual({ growth: 0.2, growthNote: null });
    expect(comparedGrowth(120, 0, c, 'November')).toEqual({ growth: null, growthNote: 'nothing in 2026-10 to grow from' });
  });
});

describe('windowComparison', () => {
  it('a contest window against the window as long before it, to date while it runs', () => {
    // a 10-day window from 1 December; at 3 December 00:00 (included) → [1 Dec, 3 Dec 00:00:00.001) against 10 days earlier
    const start = ms('2026-12-01T00:00:00+08:00');
    const end = ms('2026-12-11T00:00:00+08:00');
    const c = windowComparison(start, end, ms('2026-12-03T00:00:00+08:00'), ZONE);
    expect(comparisonView(c, ZONE)).toEqual(spans('in-progress', ['2026-12-01T00:00:00+08:00', '2026-12-03T00:00:00.001+08:00'], ['2026-11-21T00:00:00+08:00', '2026-11-23T00:00:00.001+08:00']));
    expect(c.previousLabel).toBe('the window before, from 2026-11-21T00:00:00+08:00 to 2026-11-23T00:00:00.001+08:00');
    expect(windowComparison(start, end, end, ZONE).status).toBe('ended');
    expect(windowComparison(start, end, start - 1, ZONE).status).toBe('not-started');
    expect(windowComparison(start, end, start, ZONE).status).toBe('in-progress');
  });
});
