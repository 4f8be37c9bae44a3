// A long read split into steps: a generator that yields between bounded pieces of work and returns
// its answer. Core stays synchronous and pure — `runSteps` runs every step at once, which is what
// the plain functions do; the shell may instead run a few steps, give the event loop a turn, and
// go on (the alert scheduler does, so one look does not stall the server for its whole length).

/** Work that yields (nothing) between pieces and returns `T`. */
export type Steps<T> = Generator<void, T, void>;

/** Runs every step at once: the answer, as if the work had never been split. */
export const runSteps = <T>(steps: Steps<T>): T => {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
};

/** How many rows or items a loop handles between two yields: small enough that a piece is well under a millisecond or two. */
export const STEP_ROWS = 20_000;
export const STEP_ITEMS = 1_000;

/**
 * Sorts `list` in place as Array.prototype.sort does (stable, so the same order for any
 * comparator), yielding every STEP_ITEMS elements merged: a bottom-up merge sort whose runs of
 * STEP_ITEMS are sorted by the engine's own sort first.
 */
export function* sortSteps<T>(list: T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const n = list.length;
  for (let from = 0; from < n; from += STEP_ITEMS) {
    const run = list.slice(from, from + STEP_ITEMS).sort(compare);
    for (let k = 0; k < run.length; k++) list[from + k] = run[k];
    if (from + STEP_ITEMS < n) yield;
  }
  let src = list;
  let dst = new Array<T>(n);
  for (let width = STEP_ITEMS; width < n; width *= 2) {
    for (let lo = 0, done = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      // the left run's element first on a tie: that keeps the sort stable
      for (let k = lo; k < hi; k++) dst[k] = j >= hi || (i < mid && compare(src[i], src[j]) <= 0) ? src[i++] : src[j++];
      done += hi - lo;
      if (done >= STEP_ITEMS * 4) (done = 0), yield;
    }
    [src, dst] = [dst, src];
  }
  if (src !== list) for (let k = 0; k < n; k++) list[k] = src[k];
  return list;
}
