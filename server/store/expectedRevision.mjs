// The optimistic-concurrency rule every adapter applies the same way. Plain JavaScript, so the
// SQLite writer thread (which loads no TypeScript) applies this very rule.

/** `actual` is the stream's last revision, -1 when it has no events. */
export const checkExpected = (expected, actual) => (expected === 'any' ? true : expected === 'no-stream' ? actual === -1 : expected === actual);
