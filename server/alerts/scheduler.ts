// The alert scheduler: every TALLY_ALERT_INTERVAL_MS it asks core which alerts are due now
// (core/alerts/due.ts) and raises, through the engine, those the log does not hold yet. Each
// RaiseAlert writes the alert's own stream and carries an Idempotency-Key derived from the alert's
// identity, so however many instances tick at once and however often they restart, the log holds
// one AlertRaised per alert: a second sender finds the stream taken or the key used, and is refused.
// The look itself (which alerts are due) runs in slices of a few milliseconds with the event loop
// served between them (sliced.ts): at a million events it is 100–300 ms of work, which in one piece
// would hold every request waiting once a minute.
import * as E from 'fp-ts/Either';
import { setImmediate as turn } from 'node:timers/promises';
import { alertRaised } from '../../core/alerts/readModels/alerts';
import type { GoalPolicy } from '../../core/goals/readModels/goalProgress';
import { SYSTEM_ACTOR, type Actor } from '../engine/actor';
import type { CommandEngine } from '../engine/engine';
import type { Logger } from '../ops/logger';
import type { Projections } from '../projections/runner';
import { lookSliced } from './look';
import type { SliceOptions } from './sliced';

/** The actor alerts are recorded as (meta.actor): the scheduler, with an admin's rights. */
export const ALERT_ACTOR: Actor = { ...SYSTEM_ACTOR, sub: 'alerts' };

/** Commands sent in one durable batch: a first tick on a big log may find many alerts due. */
const CHUNK = 200;

export const alertKey = (alertId: string): string => `alert:${alertId}`;

export interface SchedulerDeps {
  readonly engine: CommandEngine;
  readonly projections: Projections;
  readonly clock: () => Date;
  readonly log: Logger;
  readonly policy: GoalPolicy;
  readonly intervalMs: number;
  /** how the look is sliced; the defaults suit the server */
  readonly slice?: Partial<SliceOptions>;
}

/** A slice of at most about 4 ms keeps a look inside the read p99 of SPEC §9 (10 ms); three tries before one at once. */
const SLICE: SliceOptions = { budgetMs: 4, slicedTries: 3, turn: () => turn(), clock: () => performance.now() };

export class AlertScheduler {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;
  private stopped = false;

  constructor(private readonly deps: SchedulerDeps) {}

  /** Starts ticking (not when the interval is 0); the first look is at once. */
  start(): void {
    if (this.deps.intervalMs <= 0 || this.timer || this.stopped) return;
    const run = () => void this.tick().catch((e: unknown) => this.deps.log.error({ err: e }, 'alert scheduler: a tick failed'));
    this.timer = setInterval(run, this.deps.intervalMs);
    this.timer.unref();
    run();
  }

  /**
   * Raises the alerts due now that this instance has not seen raised; resolves with how many the log
   * holds from its sends (one another instance raised with the same key counts: its first answer is replayed).
   */
  tick(): Promise<number> {
    // a slow tick is not overlapped by the next: the next waits for the following interval
    this.running ??= this.raiseDue().finally(() => (this.running = undefined));
    return this.running;
  }

  /** Stops ticking and waits for a tick under way, so the store can close after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => undefined);
  }

  private async raiseDue(): Promise<number> {
    const { engine, projections, clock, log, policy } = this.deps;
    const nowMs = clock().getTime();
    const look = await lookSliced(() => projections.world, nowMs, policy, { ...SLICE, ...this.deps.slice });
    log.debug({ ...look.report, position: look.position }, 'alert scheduler: looked');
    const world = projections.world;
    const due = look.alerts.filter((a) => !alertRaised(world, a.alertId));
    let raised = 0;
    for (let i = 0; i < due.length && !this.stopped; i += CHUNK) {
      const chunk = due.slice(i, i + CHUNK);
      const results = await engine.handleBatch(chunk.map((data) => ({ type: 'RaiseAlert', data })), ALERT_ACTOR, {}, chunk.map((a) => alertKey(a.alertId)));
      results.forEach((r, k) => {
        if (E.isRight(r)) raised += r.right.length;
        // another instance raised it first (its stream taken, its key used): the alert stands once
        else if (r.left.kind === 'conflict') log.debug({ alertId: chunk[k].alertId }, 'alert already raised');
        else log.warn({ alertId: chunk[k].alertId, problem: r.left }, 'alert refused');
      });
    }
    if (raised > 0) log.info({ raised }, 'alerts raised');
    return raised;
  }
}
