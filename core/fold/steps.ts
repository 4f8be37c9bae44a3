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
