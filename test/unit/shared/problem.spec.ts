// Refusals as values, and events lifted to their current shape: the problem each constructor
// makes (its kind decides the HTTP status), and an upcaster chain run in version order.
import { describe, expect, it } from 'vitest';
import { conflict, forbidden, invalid, invalidField, notFound, ruleBroken } from '../../../core/shared/problem';
import { defineUpcaster, upcasterOf } from '../../../core/shared/upcast';

describe('problems', () => {
  it('each constructor gives its kind, title and detail', () => {
    expect(invalid('bad body')).toEqual({ kind: 'invalid', title: 'Invalid input', detail: 'bad body', errors: [] });
    expect(invalidField('data.amount', 'expected a positive integer')).toEqual({
      kind: 'invalid', title: 'Invalid input', detail: 'data.amount: expected a positive integer', errors: [{ path: 'data.amount', message: 'expected a positive integer' }],
    });
    expect(ruleBroken('goal-closed', 'goal G-1 is closed')).toEqual({ kind: 'rule', title: 'Business rule refused the command', detail: 'goal G-1 is closed', rule: 'goal-closed' });
    expect(notFound('rep', 'R-9')).toEqual({ kind: 'notFound', title: 'Not found', detail: "unknown rep 'R-9'" });
    expect(conflict('already approved')).toEqual({ kind: 'conflict', title: 'Conflict', detail: 'already approved' });
    expect(forbidden('not yours')).toEqual({ kind: 'forbidden', title: 'Forbidden', detail: 'not yours' });
  });
});

describe('upcasters', () => {
  // v1 { amount } → v2 { amountMinor } → v3 { amount: { minor } }, registered out of order
  const up = upcasterOf([
    defineUpcaster({ type: 'Paid', from: 2, matches: (d: any) => 'amountMinor' in d, up: (d: any) => ({ amount: { minor: d.amountMinor } }) }),
    defineUpcaster({ type: 'Paid', from: 1, matches: (d: any) => typeof d.amount === 'number', up: (d: any) => ({ amountMinor: d.amount }) }),
  ]);

  it('lifts an event through every later version, in version order', () => {
    expect(up({ type: 'Paid', data: { amount: 5 } })).toEqual({ type: 'Paid', data: { amount: { minor: 5 } } });
    expect(up({ type: 'Paid', data: { amountMinor: 7 } })).toEqual({ type: 'Paid', data: { amount: { minor: 7 } } });
  });

  it('returns an event already current, or of another type, as it is (the same object)', () => {
    const current = { type: 'Paid', data: { amount: { minor: 1 } } };
    const other = { type: 'Refunded', data: { amount: 5 } };
    expect(up(current)).toBe(current);
    expect(up(other)).toBe(other);
  });
});
