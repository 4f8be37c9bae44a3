// Answers that depend only on the log position, kept per World until it moves. The live World is
// folded in place, so its next event clears them; an as-of World never moves. Pure: the same
// position always gives the same answers, the memo only saves recomputing them.
import type { World } from './world';

interface Memo {
  position: number;
  readonly tables: Map<string, Map<string, unknown>>;
}

const memos = new WeakMap<World, Memo>();
const MAX_ENTRIES = 5_000;

/** A table of answers named `name` for this World at its current position. */
export const memoTable = <V>(world: World, name: string): Map<string, V> => {
  let m = memos.get(world);
  if (!m || m.position !== world.position) memos.set(world, (m = { position: world.position, tables: new Map() }));
  let table = m.tables.get(name);
  if (!table) m.tables.set(name, (table = new Map()));
  return table as Map<string, V>;
};

/** The memoised answer for `key`, computed once per position. */
export const memoized = <V>(world: World, name: string, key: string, compute: () => V): V => {
  const table = memoTable<V>(world, name);
  let v = table.get(key);
  if (v === undefined && !table.has(key)) {
    // bounded: a client asking for many distinct keys between two events cannot grow it without end
    if (table.size >= MAX_ENTRIES) table.clear();
    table.set(key, (v = compute()));
  }
  return v as V;
};
