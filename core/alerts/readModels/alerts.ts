// The alerts raised, by id and in the order they were recorded: what GET /api/alerts lists, what
// the scheduler consults before raising, and what webhooks and the review panel read.
import { defineProjection } from '../../fold/projection';
import type { World } from '../../fold/world';
import type { AlertRaisedData } from '../events';

export interface AlertRow extends AlertRaisedData {
  /** when Tally recorded it (the scheduler's tick that raised it) */
  readonly raisedAt: string;
  readonly position: number;
}

export interface Alerts {
  readonly byId: Map<string, AlertRow>;
  /** in log order */
  readonly list: AlertRow[];
}

export const alertsProjection = defineProjection({
  name: 'alerts',
  types: ['AlertRaised'],
  init: (): Alerts => ({ byId: new Map(), list: [] }),
  apply: (s, e) => {
    if (e.type === 'AlertRaised' && !s.byId.has(e.data.alertId)) {
      const row: AlertRow = { ...e.data, raisedAt: e.recordedAt, position: e.position };
      s.byId.set(row.alertId, row);
      s.list.push(row);
    }
    return s;
  },
  // rows are never changed once pushed: the state at a position is the rows up to it
  at: (live, position) => {
    const list = live.list.filter((r) => r.position <= position);
    return { byId: new Map(list.map((r) => [r.alertId, r])), list };
  },
});

export interface AlertFilter {
  readonly owner?: string;
  /** raised at or after this instant (ms) */
  readonly sinceMs?: number;
  readonly kinds?: readonly string[];
  /** keep only alerts the reader may see */
  readonly visible?: (a: AlertRow) => boolean;
}

/** Alerts matching the filter, newest first. */
export const alertsWhere = (world: World, f: AlertFilter): AlertRow[] => {
  const out: AlertRow[] = [];
  const list = world.get(alertsProjection).list;
  for (let i = list.length - 1; i >= 0; i--) {
    const a = list[i];
    if (f.sinceMs !== undefined && Date.parse(a.raisedAt) < f.sinceMs) continue;
    if ((f.owner === undefined || a.owner === f.owner) && (!f.kinds || f.kinds.includes(a.kind)) && (!f.visible || f.visible(a))) out.push(a);
  }
  return out;
};

export const alertRaised = (world: World, alertId: string): boolean => world.get(alertsProjection).byId.has(alertId);
