// Runs a long core read (fold/steps.ts) in slices: steps run until the slice's budget is spent,
// then the event loop gets a turn (requests waiting are served), then the next slice. The read must
// see the World at one position: if an event lands during a turn, the steps already run read an
// older World, so the run starts again at the new position. After `slicedTries` runs spoiled like
// that (the log written to without a pause) the last run is made at once, in one piece: the answer
// is never later than one plain run after those tries.
import { runSteps, type Steps } from '../../core/fold/steps';

export interface SliceOptions {
  /** milliseconds of steps in one slice before the event loop gets a turn */
  readonly budgetMs: number;
  /** runs tried in slices before one is made at once */
  readonly slicedTries: number;
  /** a turn of the event loop (setImmediate) */
  readonly turn: () => Promise<void>;
  /** a monotonic clock in milliseconds (performance.now) */
  readonly clock: () => number;
}

/** What one sliced run did: for the scheduler's log and for benchmarks. */
export interface SliceReport {
  readonly slices: number;
  /** runs started again because the World moved during a turn */
  readonly restarts: number;
  /** the longest slice in milliseconds of the clock */
  readonly longestMs: number;
  /** whether the last run was made at once */
  readonly atOnce: boolean;
}

/** The answer of `start()`'s steps with the World at `position()` unchanged from the run's first step to its last. */
export const runSliced = async <T>(start: () => Steps<T>, position: () => number, o: SliceOptions): Promise<{ value: T; report: SliceReport }> => {
  let slices = 0;
  let longestMs = 0;
  for (let tries = 0; ; tries++) {
    if (tries >= o.slicedTries) return { value: runSteps(start()), report: { slices, restarts: tries, longestMs, atOnce: true } };
    // a generator runs nothing until its first step: `start` may pick the World `position` then reads
    const steps = start();
    const at = position();
    let sliceStart = o.clock();
    for (;;) {
      const r = steps.next();
      // a read model read for the first time after a turn may have moved on: the end is checked too
      if (r.done && position() !== at) break;
      if (r.done) {
        longestMs = Math.max(longestMs, o.clock() - sliceStart);
        return { value: r.value, report: { slices: slices + 1, restarts: tries, longestMs, atOnce: false } };
      }
      const spent = o.clock() - sliceStart;
      if (spent < o.budgetMs) continue;
      longestMs = Math.max(longestMs, spent);
      slices++;
      await o.turn();
      if (position() !== at) break;
      sliceStart = o.clock();
    }
  }
};
