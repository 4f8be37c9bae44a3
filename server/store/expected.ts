// The optimistic-concurrency rule every adapter applies the same way.
import type { ExpectedRevision } from './port';

/** `actual` is the stream's last revision, -1 when it has no events. */
export const checkExpected = (expected: ExpectedRevision, actual: number): boolean =>
  expected === 'any' ? true : expected === 'no-stream' ? actual === -1 : expected === actual;
