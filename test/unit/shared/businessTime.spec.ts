// A fact's business time may lie at most the tolerance after now: exactly at the limit is
// accepted, a millisecond past it refused with a 422 that names the field and says the tolerance
// in words.
import { describe, expect, it } from 'vitest';
import { commandInFuture, futureFact } from '../../../core/shared/businessTime';
import type { DecideTime } from '../../../core/shared/decider';

const NOW = '2026-07-01T10:00:00Z';
const at = (futureToleranceMs: number): DecideTime => ({ now: NOW, futureToleranceMs, zone: 'UTC' });
const DAY = 86_400_000;

describe('futureFact', () => {
  it('accepts an instant up to now + tolerance, and refuses one a millisecond later', () => {
    // now 10:00:00Z + 1 day → 2026-07-02T10:00:00Z is the latest; the same in +08:00 is 18:00
    expect(futureFact('2026-07-02T10:00:00Z', 'occurredAt', at(DAY))).toBeUndefined();
    expect(futureFact('2026-07-02T18:00:00+08:00', 'occurredAt', at(DAY))).toBeUndefined();
    expect(futureFact('2026-06-01T00:00:00Z', 'occurredAt', at(0))).toBeUndefined();
    const p = futureFact('2026-07-02T10:00:00.001Z', 'occurredAt', at(DAY));
    expect(p).toEqual({
      kind: 'rule',
      title: 'Business rule refused the command',
      rule: 'occurred-in-future',
      detail: 'occurredAt 2026-07-02T10:00:00.001Z is in the future: a fact can be recorded at most 1 day ahead of now (2026-07-01T10:00:00Z); record it when it has happened',
      errors: [{ path: 'data.occurredAt', message: p!.detail }],
    });
  });

  it('with no tolerance, refuses anything after now', () => {
    expect(futureFact(NOW, 'wonAt', at(0))).toBeUndefined();
    expect(futureFact('2026-07-01T10:00:01Z', 'wonAt', at(0))?.errors).toEqual([
      { path: 'data.wonAt', message: 'wonAt 2026-07-01T10:00:01Z is in the future: a fact can be recorded at most 0 days ahead of now (2026-07-01T10:00:00Z); record it when it has happened' },
    ]);
  });

  it.each([
    [DAY, '1 day'],
    [3 * DAY, '3 days'],
    [3_600_000, '1 hour'],
    [12 * 3_600_000, '12 hours'],
    [25 * 3_600_000, '25 hours'], // not a whole number of days
    [60_000, '1 minute'],
    [90 * 60_000, '90 minutes'],
    [1_000, '1 second'],
    [1_500, '1.5 seconds'],
    [45_000, '45 seconds'],
  ])('says a tolerance of %i ms as “%s”', (ms, words) => {
    const p = futureFact('2027-01-01T00:00:00Z', 'occurredAt', at(ms));
    expect(p?.detail).toContain(`at most ${words} ahead of now`);
  });

  it('checks nothing without an instant or without a clock (a replay, a unit test)', () => {
    expect(futureFact(undefined, 'occurredAt', at(0))).toBeUndefined();
    expect(futureFact('2999-01-01T00:00:00Z', 'occurredAt', undefined)).toBeUndefined();
  });
});

describe('commandInFuture', () => {
  it('checks a command’s occurredAt when it carries one as text', () => {
    expect(commandInFuture({ occurredAt: '2026-07-03T00:00:00Z', orderId: 'O-1' }, at(DAY))?.rule).toBe('occurred-in-future');
    expect(commandInFuture({ occurredAt: '2026-07-01T09:00:00Z' }, at(DAY))).toBeUndefined();
  });

  it('leaves alone a command without one, or that is not an object', () => {
    expect(commandInFuture({ dueAt: '2999-01-01T00:00:00Z' }, at(0))).toBeUndefined();
    expect(commandInFuture({ occurredAt: 4_102_444_800_000 }, at(0))).toBeUndefined();
    expect(commandInFuture(null, at(0))).toBeUndefined();
    expect(commandInFuture('2999-01-01T00:00:00Z', at(0))).toBeUndefined();
  });
});
