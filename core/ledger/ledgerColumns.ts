// Growable typed-array columns for the sales ledger: a million credits as a few flat arrays
// instead of a million objects (about a tenth of the heap, and nothing for the collector to walk).
// Each column grows by half when full, so an append costs O(1) amortised and a column holds a
// quarter more than it needs on average (doubling: half).

type TypedArray = Int32Array | Float64Array | Uint8Array;
type TypedCtor<A extends TypedArray> = { new (n: number): A };

/** `a` with room for index `n`: the same array, or a copy half as large again. */
export const room = <A extends TypedArray>(a: A, n: number, Ctor: TypedCtor<A>): A => {
  if (n < a.length) return a;
  const bigger = new Ctor(Math.max(16, Math.ceil(a.length * 1.5), n + 1));
  bigger.set(a as never);
  return bigger;
};

/** An append-only list of whole numbers (row indexes), ascending when appended in order. */
export class IntList {
  data = new Int32Array(4);
  length = 0;

  push(v: number): void {
    if (this.length === this.data.length) this.grow();
    this.data[this.length++] = v;
  }

  // Most lists stay small (a customer's, a rep's month), and making a typed array costs more than
  // filling it: small lists grow fourfold, longer ones by half (less slack where the bytes are).
  private grow(): void {
    const n = this.data.length;
    const bigger = new Int32Array(n < 256 ? n * 4 : Math.ceil(n * 1.5));
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
