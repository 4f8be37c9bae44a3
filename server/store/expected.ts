// The optimistic-concurrency rule every adapter applies the same way (written in plain JavaScript
// so the SQLite writer thread applies the same one).
export { checkExpected } from './expectedRevision.mjs';
