// One look of the alert scheduler, in slices (sliced.ts), over a World that sales do not spoil.
// The look reads the live read models, except those that can be read as of a position without
// folding (Projection.at: the sales ledger, below a cut), which it reads as of the look's start.
// So sales and refunds landing between slices — most of what a busy log takes — leave the look
// reading the World at its start position; it starts again only when a read model it read
// without such a view took an event since (a contact logged, a goal set, a customer registered).
import { dueAlertSteps } from '../../core/alerts/due';
import type { RaiseAlert } from '../../core/alerts/commands';
import type { Projection } from '../../core/fold/projection';
import { World } from '../../core/fold/world';
import type { GoalPolicy } from '../../core/goals/readModels/goalProgress';
import { runSliced, type SliceOptions, type SliceReport } from './sliced';

interface LookWorld {
  readonly world: World;
  /** whether every read model read so far still stands as at the look's start */
  readonly standing: () => boolean;
}

/** The live World as of its current position, for a read that lasts while the live one moves on. */
export const lookWorld = (live: World): LookWorld => {
  const at = live.position;
  const readLive: Projection<any>[] = [];
  const stateOf = (p: Projection<any>) => {
    if (p.at) return p.at(live.get(p), at);
    readLive.push(p);
    return live.get(p);
  };
  const world = World.assembled(live.projections, live.settings, stateOf, { position: at, recordedAt: live.recordedAt, leftOut: live.leftOut(at).listed });
  return { world, standing: () => readLive.every((p) => live.lastTakenBy(p) <= at) };
};

/** The alerts due at `nowMs` in slices: dueAlerts of the World at `position`, the position of the look's last start. */
export const lookSliced = async (live: () => World, nowMs: number, policy: GoalPolicy, o: SliceOptions): Promise<{ alerts: RaiseAlert[]; position: number; report: SliceReport }> => {
  let look: LookWorld | undefined;
  let of: World | undefined;
  const start = () => {
    of = live();
    look = lookWorld(of);
    return dueAlertSteps(look.world, nowMs, policy);
  };
  // NaN is equal to nothing: a look whose World is spoiled (or replaced by a rebuild) starts again
  const position = () => (look && of === live() && look.standing() ? look.world.position : NaN);
  const { value, report } = await runSliced(start, position, o);
  return { alerts: value, position: look!.world.position, report };
};
