// Growable typed-array columns for the sales ledger: a million credits as a few flat arrays
// instead of a million objects (about a tenth of the heap, and nothing for the collector to walk).
// Each column grows by an eighth when full: an append still costs O(1) amortised (each value is
// copied about eight times over a column's life, a few milliseconds of memcpy at a million rows),
// and a column holds a sixteenth more than it needs on average where doubling would hold half.

type TypedArray = Int32Array | Float64Array | Uint8Array;
type TypedCtor<A extends TypedArray> = { new (n: number): A };

/** How much a full column grows: the slack it may hold, against the copies it makes. */
export const GROWTH = 1.125;

/** `a` with room for index `n`: the same array, or a copy an eighth larger. */
export const room = <A extends TypedArray>(a: A, n: number, Ctor: TypedCtor<A>): A => {
  if (n < a.length) return a;
  const bigger = new Ctor(Math.max(1024, Math.ceil(a.length * GROWTH), n + 1));
  bigger.set(a as never);
  return bigger;
};

/** The marker of a value kept in the side table; no amount or count is ever this low. */
const WIDE = -0x80000000;

/**
 * Whole numbers (amounts in fen, units) in four bytes each instead of eight: every value that
 * fits an Int32 is kept in the column, any other (above ¥21,474,836.47 in one credit, or not
 * whole) in a side table by row, so every value reads back exactly.
 */
export class IntColumn {
  data = new Int32Array(1024);
  private readonly wide = new Map<number, number>();

  get(i: number): number {
    const v = this.data[i];
    return v === WIDE ? (this.wide.get(i) as number) : v;
  }

  set(i: number, v: number): void {
    if ((v | 0) === v && v !== WIDE) this.data[i] = v;
    else {
      this.data[i] = WIDE;
      this.wide.set(i, v);
    }
  }

  /** Room for index `n`. */
  reserve(n: number): void {
    this.data = room(this.data, n, Int32Array);
  }
}

/** An append-only list of whole numbers (row indexes), ascending when appended in order. */
export class IntList {
  data = new Int32Array(4);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  // Most lists stay small (a customer's, a rep's month), and making a typed array costs more than
  // filling it: small lists double, longer ones grow by a quarter (less slack where the bytes are).
  private grow(): void {
    const n = this.data.length;
    const bigger = new Int32Array(n < 256 ? n * 2 : Math.ceil(n * 1.25));
    bigger.set(this.data);
    this.data = bigger;
  }

  /** How many values are below `bound` (the list ascends): a binary search. */
  countBelow(bound: number): number {
    let lo = 0;
    let hi = this.length;
    if (hi === 0 || this.data[hi - 1] < bound) return hi;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.data[mid] < bound) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Strings as small whole numbers, both ways: a column stores the number, a reader asks the name. */
export class Interner {
  private readonly ids = new Map<string, number>();
  readonly names: string[] = [];

  id(name: string): number {
    let i = this.ids.get(name);
    if (i === undefined) {
      this.ids.set(name, (i = this.names.length));
      this.names.push(name);
    }
    return i;
  }

  /** The id of a name already seen, or -1. */
  find(name: string): number {
    return this.ids.get(name) ?? -1;
  }
}
