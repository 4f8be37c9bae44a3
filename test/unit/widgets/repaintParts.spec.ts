// The repaint bench's breakdown (test/browser/support/repaint.ts): a round's parts are never
// negative and add up to its total, even when the stream message beats the POST's answer.
import { describe, expect, it } from 'vitest';
import { repaintParts } from '../../browser/support/repaint';

describe('repaint parts', () => {
  it('splits a round in order: append, stream, react, fetch, decode, render, paint', () => {
    // sent at 100; answered 130, heard 135, refetch 136–160, loaded 165, shown 170, painted 180:
    // 30 + 5 + 1 + 24 + 5 + 5 + 10 = 80 = 180 − 100
    expect(repaintParts({ start: 100, ends: [130, 135, 136, 160, 165, 170, 180] })).toEqual({ total: 80, parts: [30, 5, 1, 24, 5, 5, 10] });
  });

  it('counts a part seen to end before the previous one as 0 and the next from the previous end', () => {
    // the message heard at 120, before the POST's answer at 130: stream 0; the refetch that began
    // at 125 counts from 130 (react 0, fetch 160 − 130 = 30); 30 + 0 + 0 + 30 + 5 + 5 + 10 = 80
    const { total, parts } = repaintParts({ start: 100, ends: [130, 120, 125, 160, 165, 170, 180] });
    expect(parts).toEqual([30, 0, 0, 30, 5, 5, 10]);
    expect(total).toBe(80);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });
});
