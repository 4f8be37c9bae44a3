// Typed-array columns for the sales ledger: a million credits as a few flat arrays instead of a
// million objects (about a tenth of the heap, and nothing for the collector to walk).
//
// A column is a list of chunks of 16,384 values. Its first chunk doubles until it is whole (a small
// ledger, as a test or a demo folds, stays small); after that a column grows by adding a chunk:
// nothing is copied however long it gets (growing one flat array by copying cost a twentieth of a
// replay), and it never holds more than one chunk of slack.

export const SHIFT = 14;
const CHUNK = 1 << SHIFT;
export const MASK = CHUNK - 1;
const FIRST = 64;

export const int32s = (n: number): Int32Array => new Int32Array(n);
export const bytes = (n: number): Uint8Array => new Uint8Array(n);

export class Column<A extends Int32Array | Uint8Array> {
  private readonly chunks: A[];

  /** `empty`: what an index never set reads as */
  constructor(
    private readonly make: (n: number) => A,
    private readonly empty = 0,
  ) {
    this.chunks = [this.made(FIRST)];
  }

  /** How many indexes have room. */
  get capacity(): number {
    const last = this.chunks.length - 1;
    return last * CHUNK + this.chunks[last].length;
  }

  get(i: number): number {
    return this.chunks[i >>> SHIFT][i & MASK];
  }

  /** Set an index below the capacity. */
  set(i: number, v: number): void {
    this.chunks[i >>> SHIFT][i & MASK] = v;
  }

  /** The chunk holding index `i` (read at `i & MASK`): a loop over ascending rows reads a chunk's values straight from its array. */
  chunkOf(i: number): A {
    return this.chunks[i >>> SHIFT];
  }

  /** Room for index `n`. */
  reserve(n: number): void {
    while (this.capacity <= n) {
      const last = this.chunks.length - 1;
      const c = this.chunks[last];
      if (c.length === CHUNK) this.chunks.push(this.made(CHUNK));
      else {
        const bigger = this.made(Math.min(CHUNK, c.length * 2));
        bigger.set(c as never);
        this.chunks[last] = bigger;
      }
    }
  }

  private made(n: number): A {
    const a = this.make(n);
    if (this.empty !== 0) a.fill(this.empty);
    return a;
  }
}

/** The marker of a value kept in the side table; no amount or count is ever this low. */
export const WIDE = -0x80000000;

/** Does an IntColumn keep `v` in its chunk (not in the side table)? */
export const fitsChunk = (v: number): boolean => (v | 0) === v && v !== WIDE;

/**
 * Whole numbers (amounts in fen, units) in four bytes each instead of eight: every value that
 * fits an Int32 is kept in the column, any other (above ¥21,474,836.47 in one credit, or not
 * whole) in a side table by index, so every value reads back exactly.
 */
export class IntColumn {
  private readonly data = new Column(int32s);
  private readonly wide = new Map<number, number>();

  get(i: number): number {
    const v = this.data.get(i);
    return v === WIDE ? (this.wide.get(i) as number) : v;
  }

  set(i: number, v: number): void {
    if (fitsChunk(v)) this.data.set(i, v);
    else {
      this.data.set(i, WIDE);
      this.wide.set(i, v);
    }
  }

  /** Room for index `n`. */
  reserve(n: number): void {
    this.data.reserve(n);
  }

  /** The chunk holding index `i`; a value there that is WIDE is read with get(i). */
  chunkOf(i: number): Int32Array {
    return this.data.chunkOf(i);
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

  /** `first`: names interned in this order before any other, ids 0, 1, … */
  constructor(first: readonly string[] = []) {
    for (const name of first) this.id(name);
  }

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

