// Many distinct strings (an order id per sale: a million of them) as small whole numbers, held in
// typed arrays instead of a Map of strings. A Map keeps each name as its own string object plus an
// entry, about 75 bytes an order; this keeps its characters in one arena (a byte a character for
// Latin-1 names, two for others), its start in a column, and an open-addressing index of ids:
// about 20 bytes beside the characters, none of them objects the collector walks. Names are read
// back (decoded) only when a reader asks for one.

import { bytes, Column, int32s, MASK, SHIFT } from './ledgerColumns';

const EMPTY = -1;

/** FNV-1a over the UTF-16 code units. */
const hashOf = (name: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return h | 0;
};


export class StringTable {
  /** every name's code units, one after another: one byte each, or two (low, high) for a wide name */
  private readonly bytes = new Column(bytes);
  private used = 0;
  /** per id: where its name starts in `bytes` (its end is the next id's start) */
  private readonly starts = new Column(int32s);
  /** per id: 1 when a unit of its name is above 255 (two bytes a unit) */
  private readonly wide = new Column(bytes);
  /**
   * open addressing, kept at most 70 % full: per slot its name's hash and its id (EMPTY where
   * free), side by side, so a probe compares hashes in one cache line and reads a name only when
   * its hash matches (reading names at random was most of the cost), and a rehash reads no name
   */
  private slots = new Int32Array(2 * 2048).fill(EMPTY);
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** The id of `name`, given one when it is new. */
  id(name: string): number {
    const h = hashOf(name);
    const found = this.lookup(name, h);
    return found >= 0 ? found : this.insert(name, h, -found - 1);
  }

  /** The id of a name already seen, or -1. */
  find(name: string): number {
    const found = this.lookup(name, hashOf(name));
    return found >= 0 ? found : -1;
  }

  /** The name of an id. */
  name(id: number): string {
    const from = this.starts.get(id);
    const to = this.starts.get(id + 1);
    const b = this.bytes;
    let out = '';
    if (this.wide.get(id) === 0) for (let i = from; i < to; i++) out += String.fromCharCode(b.get(i));
    else for (let i = from; i < to; i += 2) out += String.fromCharCode(b.get(i) | (b.get(i + 1) << 8));
    return out;
  }

  /** The id of `name`, or when it has none -1 - the free slot where it would go. */
  private lookup(name: string, h: number): number {
    const slots = this.slots;
    const mask = (slots.length >> 1) - 1;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const id = slots[2 * s + 1];
      if (id === EMPTY) return -1 - s;
      if (slots[2 * s] === h && this.is(id, name)) return id;
    }
  }

  private is(id: number, name: string): boolean {
    const from = this.starts.get(id);
    const n = name.length;
    const b = this.bytes;
    if (this.wide.get(id) === 0) {
      if (this.starts.get(id + 1) - from !== n) return false;
      for (let i = 0; i < n; i++) if (b.get(from + i) !== name.charCodeAt(i)) return false;
    } else {
      if (this.starts.get(id + 1) - from !== 2 * n) return false;
      for (let i = 0; i < n; i++) if ((b.get(from + 2 * i) | (b.get(from + 2 * i + 1) << 8)) !== name.charCodeAt(i)) return false;
    }
    return true;
  }

  /** Give `name` the next id; `free` is the slot lookup found for it. */
  private insert(name: string, h: number, free: number): number {
    const id = this.count++;
    this.starts.reserve(id + 1);
    this.wide.reserve(id);
    const n = name.length;
    let wide = 0;
    for (let i = 0; i < n; i++) if (name.charCodeAt(i) > 255) wide = 1;
    this.bytes.reserve(this.used + n * (1 + wide));
    const at = this.used;
    if (wide === 0 && n > 0 && at >>> SHIFT === (at + n - 1) >>> SHIFT) {
      // the whole name in one chunk (nearly always): stored straight into it
      const chunk = this.bytes.chunkOf(at);
      for (let i = 0, o = at & MASK; i < n; i++) chunk[o + i] = name.charCodeAt(i);
      this.used += n;
    } else if (wide === 0) for (let i = 0; i < n; i++) this.bytes.set(this.used++, name.charCodeAt(i));
    else
      for (let i = 0; i < name.length; i++) {
        const u = name.charCodeAt(i);
        this.bytes.set(this.used++, u & 0xff);
        this.bytes.set(this.used++, u >>> 8);
      }
    this.starts.set(id + 1, this.used);
    this.wide.set(id, wide);
    if (this.count * 10 > (this.slots.length >> 1) * 7) {
      this.rehash();
      this.place(this.slots, id, h);
    } else (this.slots[2 * free] = h), (this.slots[2 * free + 1] = id);
    return id;
  }

  private place(slots: Int32Array, id: number, h: number): void {
    const mask = (slots.length >> 1) - 1;
    let s = h & mask;
    while (slots[2 * s + 1] !== EMPTY) s = (s + 1) & mask;
    slots[2 * s] = h;
    slots[2 * s + 1] = id;
  }

  private rehash(): void {
    const old = this.slots;
    this.slots = new Int32Array(2 * old.length).fill(EMPTY);
    for (let s = 0; s < old.length; s += 2) if (old[s + 1] !== EMPTY) this.place(this.slots, old[s + 1], old[s]);
  }
}
