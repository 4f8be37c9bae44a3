// The review's top movers are the first few of every key ranked in full: kept as they come (a
// company has thousands of customers), they must be exactly the head of the plain sort.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { topMovers, type Contributor } from '../../core/views/review/contributors';
import { KeyTable } from '../../core/views/rowGroups';

const figures = fc.record({ revenue: fc.integer({ min: -50, max: 50 }), units: fc.integer({ min: 0, max: 5 }), orders: fc.integer({ min: 0, max: 3 }) });
const keyed = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'), figures);
const goals = fc.dictionary(fc.constantFrom('a', 'c', 'e', 'k'), fc.record({ target: fc.integer({ min: 1, max: 100 }), expectedToDate: fc.integer({ min: 0, max: 100 }) }));

type Figures = { revenue: number; units: number; orders: number };
type Keyed = { now: Map<string, Figures>; before: Map<string, Figures> };

const KEYS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'];
/** the order a ledger interned the keys in: not their names' (ties are ranked by name) */
const interned = fc.shuffledSubarray(KEYS, { minLength: KEYS.length });

/** A grouping's table of the figures by key, keys numbered as a ledger interns them. */
const tableOf = (figures: Map<string, Figures>, ids: readonly string[]): KeyTable => {
  const t = new KeyTable(ids.length, (k) => ids[k]);
  for (const [key, f] of figures) {
    const k = ids.indexOf(key);
    t.seen[k] = 1;
    (t.revenue[k] = f.revenue), (t.units[k] = f.units), (t.orders[k] = f.orders);
  }
  return t;
};

/** Every key ranked by a full sort, as the review did before it kept only the first few. */
const ranked = (m: Keyed, metric: 'revenue' | 'units' | 'orders', direction: -1 | 0 | 1, limit: number, goalOf: (k: string) => { target: number; expectedToDate: number } | undefined, nameOf: (k: string) => string | undefined): Contributor[] => {
  const rows: Contributor[] = [...new Set([...m.now.keys(), ...m.before.keys()])].map((key) => {
    const value = m.now.get(key)?.[metric] ?? 0;
    const previous = m.before.get(key)?.[metric] ?? 0;
    const goal = goalOf(key);
    const name = nameOf(key);
    return { key, ...(name ? { name } : {}), value, previous, change: value - previous, ...(goal ? { ...goal, deviation: value - goal.expectedToDate } : {}) };
  });
  const score = (c: Contributor) => (direction === 0 ? Math.abs(c.deviation ?? c.change) : direction * (c.deviation ?? c.change));
  return rows.filter((c) => c.change !== 0 || c.value !== 0 || c.deviation !== undefined).sort((a, b) => score(b) - score(a) || (a.key < b.key ? -1 : 1)).slice(0, limit);
};

describe('topMovers', () => {
  it('is the head of every key ranked in full, names and goals included', () => {
    fc.assert(
      // without goals (products, customers) a key below the last kept score is passed over unnamed
      fc.property(keyed, keyed, fc.option(goals), fc.constantFrom('revenue', 'units', 'orders'), fc.constantFrom(-1, 0, 1), fc.integer({ min: 0, max: 6 }), interned, (now, before, g, metric, direction, limit, ids) => {
        const m = { now: new Map(Object.entries(now)), before: new Map(Object.entries(before)) };
        const goalOf = g ? (k: string) => g[k] : undefined;
        const nameOf = (k: string) => (k < 'e' ? `name ${k}` : undefined);
        expect(topMovers({ now: tableOf(m.now, ids), before: tableOf(m.before, ids) }, metric, direction as -1 | 0 | 1, limit, goalOf, nameOf)).toStrictEqual(ranked(m, metric, direction as -1 | 0 | 1, limit, goalOf ?? (() => undefined), nameOf));
      }),
      { numRuns: 400 },
    );
  });
});
