// Business periods (contract ids: 2026, 2026-Q3, 2026-07, 2026-W27, 2026-07-15), computed in
// the deployment's time zone. A month boundary in Asia/Shanghai is not a UTC boundary.
// Pure: instants come in as ISO strings or epoch milliseconds; nothing reads the clock.
import { DateTime } from 'luxon';

export type PeriodKind = 'year' | 'quarter' | 'month' | 'week' | 'day';

export interface Period {
  readonly id: string;
  readonly kind: PeriodKind;
  readonly year: number;
  /** quarter 1-4, month 1-12, ISO week 1-53; for a day, its month. */
  readonly index: number;
  /** for a day, the day of month. */
  readonly day?: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** ISO weeks in an ISO week-numbering year (52 or 53). */
export const weeksInIsoYear = (year: number): number => {
  const dow = (y: number) => (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) % 7;
  return dow(year) === 4 || dow(year - 1) === 3 ? 53 : 52;
};

const daysInMonth = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export const parsePeriod = (id: string): Period | undefined => {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(id))) return { id, kind: 'year', year: +m[1], index: 1 };
  if ((m = /^(\d{4})-Q([1-4])$/.exec(id))) return { id, kind: 'quarter', year: +m[1], index: +m[2] };
  if ((m = /^(\d{4})-(\d{2})$/.exec(id))) {
    const month = +m[2];
    return month >= 1 && month <= 12 ? { id, kind: 'month', year: +m[1], index: month } : undefined;
  }
  if ((m = /^(\d{4})-W(\d{2})$/.exec(id))) {
    const week = +m[2];
    return week >= 1 && week <= weeksInIsoYear(+m[1]) ? { id, kind: 'week', year: +m[1], index: week } : undefined;
  }
  if ((m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(id))) {
    const [year, month, day] = [+m[1], +m[2], +m[3]];
    return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)
      ? { id, kind: 'day', year, index: month, day }
      : undefined;
  }
  return undefined;
};

export const periodKind = (id: string): PeriodKind | undefined => parsePeriod(id)?.kind;

// ---------- local calendar fields of an instant, fast enough for folds over millions ----------

const QUARTER_HOUR = 900_000;
/** quarter hours per cached block: one UTC day */
const BLOCK = 96;
/** per zone and block: the offset of the whole block, or of each quarter hour when it changes inside */
const offsetCache = new Map<string, Map<number, number | Int16Array>>();

const zoneOffset = (quarter: number, zone: string): number => DateTime.fromMillis(quarter * QUARTER_HOUR, { zone }).offset;

/**
 * UTC offset in minutes of `zone` at `ms`; real offset changes fall on quarter hours. A day whose
 * first and last quarter hours share an offset has it throughout (zones change at most twice a
 * year), so luxon is asked twice per day rather than once per quarter hour folded.
 */
export const offsetMinutes = (ms: number, zone: string): number => {
  let byZone = offsetCache.get(zone);
  if (!byZone) offsetCache.set(zone, (byZone = new Map()));
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const block = Math.floor(quarter / BLOCK);
  let off = byZone.get(block);
  if (off === undefined) {
    const start = block * BLOCK;
    const first = zoneOffset(start, zone);
    off = first === zoneOffset(start + BLOCK - 1, zone) ? first : Int16Array.from({ length: BLOCK }, (_, i) => zoneOffset(start + i, zone));
    if (byZone.size > 50_000) byZone.clear();
    byZone.set(block, off);
  }
  return typeof off === 'number' ? off : off[quarter - block * BLOCK];
};

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const toMillis = (instant: string | number): number => (typeof instant === 'number' ? instant : Date.parse(instant));

export const localDate = (instant: string | number, zone: string): LocalDate => {
  const ms = toMillis(instant);
  const d = new Date(ms + offsetMinutes(ms, zone) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** ISO week-year and week of a calendar date. */
export const isoWeekOf = (year: number, month: number, day: number): { weekYear: number; week: number } => {
  const date = Date.UTC(year, month - 1, day);
  const dow = ((new Date(date).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7
  const thursday = new Date(date + (4 - dow) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return { weekYear, week };
};

const idOfDate = (kind: PeriodKind, d: LocalDate): string => {
  switch (kind) {
    case 'year':
      return String(d.year);
    case 'quarter':
      return `${d.year}-Q${Math.floor((d.month - 1) / 3) + 1}`;
    case 'month':
      return `${d.year}-${pad(d.month)}`;
    case 'day':
      return `${d.year}-${pad(d.month)}-${pad(d.day)}`;
    case 'week': {
      const w = isoWeekOf(d.year, d.month, d.day);
      return `${w.weekYear}-W${pad(w.week)}`;
    }
  }
};

/** The period of the given kind that contains an instant, in `zone`. */
export const periodOf = (kind: PeriodKind, instant: string | number, zone: string): string => idOfDate(kind, localDate(instant, zone));

// ---------- bounds ----------

export interface Bounds {
  /** inclusive, epoch ms */
  readonly start: number;
  /** exclusive, epoch ms */
  readonly end: number;
}

const boundsCache = new Map<string, Bounds>();

const startOf = (p: Period, zone: string): DateTime => {
  switch (p.kind) {
    case 'year':
      return DateTime.fromObject({ year: p.year, month: 1, day: 1 }, { zone });
    case 'quarter':
      return DateTime.fromObject({ year: p.year, month: (p.index - 1) * 3 + 1, day: 1 }, { zone });
    case 'month':
      return DateTime.fromObject({ year: p.year, month: p.index, day: 1 }, { zone });
    case 'week':
      return DateTime.fromObject({ weekYear: p.year, weekNumber: p.index, weekday: 1 }, { zone });
    case 'day':
      return DateTime.fromObject({ year: p.year, month: p.index, day: p.day }, { zone });
  }
};

const span: Record<PeriodKind, object> = { year: { years: 1 }, quarter: { months: 3 }, month: { months: 1 }, week: { weeks: 1 }, day: { days: 1 } };

export const periodBounds = (id: string, zone: string): Bounds => {
  const key = `${zone}|${id}`;
  const hit = boundsCache.get(key);
  if (hit) return hit;
  const p = parsePeriod(id);
  if (!p) throw new RangeError(`not a period id: ${id}`);
  const start = startOf(p, zone);
  const b = { start: start.toMillis(), end: start.plus(span[p.kind]).toMillis() };
  if (boundsCache.size > 50_000) boundsCache.clear();
  boundsCache.set(key, b);
  return b;
};

export const inPeriod = (id: string, instant: string | number, zone: string): boolean => {
  const b = periodBounds(id, zone);
  const ms = toMillis(instant);
  return ms >= b.start && ms < b.end;
};

/** Share of the period elapsed at `at` (0 before it starts, 1 after it ends). */
export const elapsedFraction = (id: string, at: string | number, zone: string): number => {
  const b = periodBounds(id, zone);
  const ms = toMillis(at);
  if (ms <= b.start) return 0;
  if (ms >= b.end) return 1;
  return (ms - b.start) / (b.end - b.start);
};

// ---------- navigation ----------

/** The same kind of period shifted by `n` (2026-07 → 2026-06 for -1; 2026-Q1 → 2025-Q4). */
export const shiftPeriod = (id: string, n: number): string => {
  const p = parsePeriod(id);
  if (!p) throw new RangeError(`not a period id: ${id}`);
  switch (p.kind) {
    case 'year':
      return String(p.year + n);
    case 'quarter': {
      const q = p.year * 4 + (p.index - 1) + n;
      return `${Math.floor(q / 4)}-Q${(((q % 4) + 4) % 4) + 1}`;
    }
    case 'month': {
      const m = p.year * 12 + (p.index - 1) + n;
      return `${Math.floor(m / 12)}-${pad((((m % 12) + 12) % 12) + 1)}`;
    }
    case 'week': {
      const monday = DateTime.fromObject({ weekYear: p.year, weekNumber: p.index, weekday: 1 }, { zone: 'UTC' }).plus({ weeks: n });
      return `${monday.weekYear}-W${pad(monday.weekNumber)}`;
    }
    case 'day': {
      const d = new Date(Date.UTC(p.year, p.index - 1, p.day! + n));
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
    }
  }
};

export const previousPeriod = (id: string): string => shiftPeriod(id, -1);

const ORDER: PeriodKind[] = ['year', 'quarter', 'month', 'week', 'day'];

/** True when `child` kind is strictly finer than `parent` kind. */
export const isFiner = (child: PeriodKind, parent: PeriodKind): boolean => ORDER.indexOf(child) > ORDER.indexOf(parent);

/**
 * The sub-periods of `id` of kind `into`, in order; undefined when `into` is not finer.
 * A week belongs to the month, quarter and year that hold its Thursday (the ISO rule).
 */
export const subPeriods = (id: string, into: PeriodKind): string[] | undefined => {
  const p = parsePeriod(id);
  if (!p || !isFiner(into, p.kind)) return undefined;
  if (into === 'week' && p.kind === 'year') {
    return Array.from({ length: weeksInIsoYear(p.year) }, (_, i) => `${p.year}-W${pad(i + 1)}`);
  }
  // Walk days of the period (UTC calendar arithmetic, zone-free) and collect distinct ids.
  const first = p.kind === 'week' ? isoWeekMonday(p.year, p.index) : Date.UTC(p.year, p.kind === 'quarter' ? (p.index - 1) * 3 : p.kind === 'month' || p.kind === 'day' ? p.index - 1 : 0, p.day ?? 1);
  const out: string[] = [];
  for (let ms = first; ; ms += 86_400_000) {
    const d = new Date(ms);
    const ld = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    if (idOfDate(p.kind, ld) !== id) break;
    if (into === 'week') {
      // only weeks whose Thursday lies inside the parent
      const thursday = new Date(ms + (4 - (((d.getUTCDay() + 6) % 7) + 1)) * 86_400_000);
      const td = { year: thursday.getUTCFullYear(), month: thursday.getUTCMonth() + 1, day: thursday.getUTCDate() };
      if (idOfDate(p.kind, td) !== id) continue;
    }
    const child = idOfDate(into, ld);
    if (out[out.length - 1] !== child) out.push(child);
  }
  return out;
};

const isoWeekMonday = (weekYear: number, week: number): number => {
  const jan4 = Date.UTC(weekYear, 0, 4);
  const dow = ((new Date(jan4).getUTCDay() + 6) % 7) + 1;
  return jan4 - (dow - 1) * 86_400_000 + (week - 1) * 7 * 86_400_000;
};
