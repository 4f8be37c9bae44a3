// Badges: those awarded by hand (BadgeAwarded events) and automatic ones, which are derived here
// from the log rather than appended — first sale, 100 % of a goal, most improved of the month —
// each citing the events it follows from, so replaying the log always gives the same badges.
import { mostGrown } from '../../shared/growth';
import { shiftPeriod, periodBounds, periodOf } from '../../shared/period';
import { directoryProjection } from '../../teams/readModels/directory';
import { repGoals } from '../../goals/readModels/goalLink';
import { defineProjection } from '../../fold/projection';
import { entriesIn, firstSaleCredit, repValuesBetween, salesLedgerProjection } from '../../ledger/salesLedger';
import type { World } from '../../fold/world';

export interface Badge {
  readonly badgeId: string;
  readonly repId: string;
  readonly title: string;
  readonly reason: string;
  readonly occurredAt: string;
  readonly kind: 'manual' | 'automatic';
  readonly citations: readonly number[];
  readonly awardedBy?: string;
}

export interface BadgesState {
  readonly manual: Map<string, Badge>;
}

// Only hand-awarded badges are folded; the automatic ones are read from the sales ledger and the
// goals when asked, so replaying the log costs nothing more for them.
export const badgesProjection = defineProjection({
  name: 'badges',
  types: ['BadgeAwarded'],
  init: (): BadgesState => ({ manual: new Map() }),
  apply: (s, e) => {
    if (e.type === 'BadgeAwarded') {
      const d = e.data;
      s.manual.set(d.badgeId, { ...d, occurredAt: e.occurredAt, kind: 'manual', citations: [e.position], awardedBy: e.meta.actor });
    }
    return s;
  },
});

const iso = (ms: number) => new Date(ms).toISOString();
const ADDITIVE = new Set(['revenue', 'units', 'orders']);

const goalBadges = (world: World, repId: string, at: number): Badge[] => {
  const ledger = world.get(salesLedgerProjection);
  const out: Badge[] = [];
  for (const g of repGoals(world, repId)) {
    if (!ADDITIVE.has(g.metric) || g.target <= 0) continue;
    let running = 0;
    for (const e of entriesIn(ledger, `rep:${repId}`, g.period).sort((a, b) => a.ms - b.ms || a.position - b.position)) {
      if (e.ms > at) break;
      const before = running;
      running += g.metric === 'revenue' ? e.amount : g.metric === 'units' ? e.units : e.orders;
      if (before < g.target && running >= g.target) {
        out.push({
          badgeId: `auto:goal-100:${g.goalId}`, repId, title: '100 % of goal', reason: `reached the ${g.metric} goal ${g.goalId} for ${g.period} (${g.target})`,
          occurredAt: iso(e.ms), kind: 'automatic', citations: [...g.citations, e.position].sort((a, b) => a - b),
        });
        break;
      }
    }
  }
  return out;
};

/** The rep whose revenue grew most over the month before, for every month ended by `at`. */
const mostImproved = (world: World, firstMs: number, at: number, from: number): Badge[] => {
  const zone = world.settings.zone;
  const ledger = world.get(salesLedgerProjection);
  const reps = [...world.get(directoryProjection).reps.keys()].sort();
  const out: Badge[] = [];
  // every rep's revenue of a month in one pass over the month's rows (a rep's month, as `totals`
  // gives it: the credits whose business time falls in the month), read twice: as the month and
  // as the month before the next
  const byMonth = new Map<string, Map<string, number>>();
  const revenueOf = (repId: string, month: string) => {
    let reps = byMonth.get(month);
    if (!reps) {
      const b = periodBounds(month, zone);
      byMonth.set(month, (reps = repValuesBetween(ledger, 'revenue', b.start, b.end)));
    }
    return reps.get(repId) ?? 0;
  };
  // earned at the month's last moment (its occurredAt), so the month's own review shows it; at most
  // 20 years of months, so a far-future `at` costs no more than that
  for (let month = shiftPeriod(periodOf('month', firstMs, zone), 1), n = 0; n < 240 && periodBounds(month, zone).end - 1 <= at; month = shiftPeriod(month, 1), n++) {
    // earned at the month's last moment: a month that ended before `from` is not asked for, and not ranked
    if (periodBounds(month, zone).end - 1 < from) continue;
    const prev = shiftPeriod(month, -1);
    const best = mostGrown(reps.map((repId) => ({ key: repId, value: revenueOf(repId, month), base: revenueOf(repId, prev) })));
    if (!best) continue;
    const cited = [...entriesIn(ledger, `rep:${best.key}`, prev), ...entriesIn(ledger, `rep:${best.key}`, month)].map((e) => e.position);
    out.push({
      badgeId: `auto:most-improved:${month}`, repId: best.key, title: 'Most improved of the month',
      reason: `revenue in ${month} grew ${best.growth.times(100).toFixed(1)} % over ${prev}, the most of any rep`,
      occurredAt: iso(periodBounds(month, zone).end - 1), kind: 'automatic', citations: [...new Set(cited)].sort((a, b) => a - b),
    });
  }
  return out;
};

/**
 * Every badge (of one rep, or all) earned by the business moment `at` — and, given `from`, not
 * before it (a review asks for its period's) — in the order earned.
 */
export const badgesOf = (world: World, at: number, repId?: string, from = -Infinity): Badge[] => {
  const s = world.get(badgesProjection);
  const ledger = world.get(salesLedgerProjection);
  const allReps = [...world.get(directoryProjection).reps.keys()];
  const out: Badge[] = [...s.manual.values()].filter((b) => (!repId || b.repId === repId) && Date.parse(b.occurredAt) <= at);
  let first = Infinity;
  for (const r of allReps) {
    const f = firstSaleCredit(ledger, `rep:${r}`);
    if (f) first = Math.min(first, f.ms);
    if (repId && r !== repId) continue;
    // a badge is shown to everyone, an order id only to whom may read the order (SPEC §5a): the citation names the event
    if (f && f.ms <= at) out.push({ badgeId: `auto:first-sale:${r}`, repId: r, title: 'First sale', reason: 'first sale', occurredAt: iso(f.ms), kind: 'automatic', citations: [f.position] });
    out.push(...goalBadges(world, r, at));
  }
  if (Number.isFinite(first)) out.push(...mostImproved(world, first, at, from).filter((b) => !repId || b.repId === repId));
  return out.filter((b) => Date.parse(b.occurredAt) >= from).sort((a, b) => Date.parse(a.occurredAt) - Date.parse(b.occurredAt) || (a.badgeId < b.badgeId ? -1 : 1));
};

