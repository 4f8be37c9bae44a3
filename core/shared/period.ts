// Business periods (contract ids: 2026, 2026-Q3, 2026-07, 2026-W27, 2026-07-15), computed in
// the deployment's time zone. A month boundary in Asia/Shanghai is not a UTC boundary.
// Pure: instants come in as ISO strings or epoch milliseconds; nothing reads the clock.
import { DateTime } from 'luxon';
import { isoMillis } from './isoInstant';

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

/**
 * Years an id may name on input — every command field and query parameter (SPEC §5a). Ids made
 * by arithmetic (the period before 1900-01) may leave this range, so every function here works
 * on any year 0000–9999 and never throws on an id it made itself.
 */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2999;

/** The years every function here can compute on: four digits. */
const MIN_YEAR = 0;
const MAX_YEAR = 9999;

/** Four digits always (0999, never 999), so an id made by arithmetic is an id. */
const yearId = (year: number) => pad(year, 4);

/** Epoch ms of a UTC calendar day; unlike Date.UTC, years 0–99 are not read as 1900–1999. */
const utcDay = (year: number, month0: number, day: number): number => new Date(0).setUTCFullYear(year, month0, day);

/** ISO weeks in an ISO week-numbering year (52 or 53). */
export const weeksInIsoYear = (year: number): number => {
  const dow = (y: number) => (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400)) % 7;
  return dow(year) === 4 || dow(year - 1) === 3 ? 53 : 52;
};

const daysInMonth = (year: number, month: number) => new Date(utcDay(year, month, 0)).getUTCDate();

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

/** A period id input may name: well formed, and of a year 1900–2999. */
export const acceptedPeriod = (id: string): Period | undefined => {
  const p = parsePeriod(id);
  return p && p.year >= FIRST_YEAR && p.year <= LAST_YEAR ? p : undefined;
};

/** Is an instant's or a date's text (ISO, year first) of a year 1900–2999? No parse: folds ask it of every event. */
const FIRST_YEAR_TEXT = String(FIRST_YEAR);
const AFTER_LAST_YEAR_TEXT = String(LAST_YEAR + 1);
export const acceptedYearText = (iso: string): boolean => iso >= FIRST_YEAR_TEXT && iso < AFTER_LAST_YEAR_TEXT;

// ---------- local calendar fields of an instant, fast enough for folds over millions ----------

const QUARTER_HOUR = 900_000;
/** quarter hours per cached block: one UTC day */
const BLOCK = 96;
/** per zone and block: the offset of the whole block, or of each quarter hour when it changes inside */
const offsetCache = new Map<string, Map<number, number | Int16Array>>();
/** the block offsetMinutes found last, and its zone */
const last: { zone: string; block: number; off: number | Int16Array } = { zone: '', block: NaN, off: 0 };

const zoneOffset = (quarter: number, zone: string): number => DateTime.fromMillis(quarter * QUARTER_HOUR, { zone }).offset;

/**
 * UTC offset in minutes of `zone` at `ms`; real offset changes fall on quarter hours. A day whose
 * first and last quarter hours share an offset has it throughout (zones change at most twice a
 * year), so luxon is asked twice per day rather than once per quarter hour folded.
 */
export const offsetMinutes = (ms: number, zone: string): number => {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  const block = Math.floor(quarter / BLOCK);
  // a fold asks for the same day many times over: the block asked last is answered without the Maps
  if (block === last.block && zone === last.zone) return typeof last.off === 'number' ? last.off : last.off[quarter - block * BLOCK];
  let byZone = offsetCache.get(zone);
  if (!byZone) offsetCache.set(zone, (byZone = new Map()));
  let off = byZone.get(block);
  if (off === undefined) {
    const start = block * BLOCK;
    const first = zoneOffset(start, zone);
    off = first === zoneOffset(start + BLOCK - 1, zone) ? first : Int16Array.from({ length: BLOCK }, (_, i) => zoneOffset(start + i, zone));
    // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied changes its cost, never an answer
    if (byZone.size > 50_000) byZone.clear();
    byZone.set(block, off);
  }
  (last.zone = zone), (last.block = block), (last.off = off);
  return typeof off === 'number' ? off : off[quarter - block * BLOCK];
};

export interface LocalDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export const toMillis = (instant: string | number): number => (typeof instant === 'number' ? instant : isoMillis(instant));

export const localDate = (instant: string | number, zone: string): LocalDate => {
  const ms = toMillis(instant);
  const d = new Date(ms + offsetMinutes(ms, zone) * 60_000);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
};

/** ISO week-year and week of a calendar date. */
export const isoWeekOf = (year: number, month: number, day: number): { weekYear: number; week: number } => {
  const date = utcDay(year, month - 1, day);
  const dow = ((new Date(date).getUTCDay() + 6) % 7) + 1; // Monday 1 … Sunday 7
  const thursday = new Date(date + (4 - dow) * 86_400_000);
  const weekYear = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - utcDay(weekYear, 0, 1)) / (7 * 86_400_000)) + 1;
  return { weekYear, week };
};

/** A date outside the years 0000–9999 is held to the nearest day inside them, so its id parses. */
const clampDate = (d: LocalDate): LocalDate =>
  d.year < MIN_YEAR ? { year: MIN_YEAR, month: 1, day: 1 } : d.year > MAX_YEAR ? { year: MAX_YEAR, month: 12, day: 31 } : d;

const idOfDate = (kind: PeriodKind, date: LocalDate): string => {
  const d = clampDate(date);
  switch (kind) {
    case 'year':
      return yearId(d.year);
    case 'quarter':
      return `${yearId(d.year)}-Q${Math.floor((d.month - 1) / 3) + 1}`;
    case 'month':
      return `${yearId(d.year)}-${pad(d.month)}`;
    case 'day':
      return `${yearId(d.year)}-${pad(d.month)}-${pad(d.day)}`;
    case 'week': {
      const w = isoWeekOf(d.year, d.month, d.day);
      // the ISO week-year of 0000-01-01 is the year before: keep to the first week of the range
      return w.weekYear < MIN_YEAR ? `${yearId(MIN_YEAR)}-W01` : w.weekYear > MAX_YEAR ? `${yearId(MAX_YEAR)}-W52` : `${yearId(w.weekYear)}-W${pad(w.week)}`;
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
  // Stryker disable next-line ConditionalExpression,EqualityOperator: when the cache is emptied changes its cost, never an answer
  if (boundsCache.size > 50_000) boundsCache.clear();
  boundsCache.set(key, b);
  return b;
};

/** An instant as ISO 8601 with the zone's offset, milliseconds only when there are any: `2026-12-02T10:00:00+08:00`. */
export const localInstant = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toISO({ suppressMilliseconds: true })!;

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

/**
 * The same kind of period shifted by `n` (2026-07 → 2026-06 for -1; 2026-Q1 → 2025-Q4). Past the
 * years 0000–9999 it stops at the first or last period of its kind: it always returns an id.
 */
export const shiftPeriod = (id: string, n: number): string => {
  const p = parsePeriod(id);
  if (!p) throw new RangeError(`not a period id: ${id}`);
  const within = (index: number, per: number): number => Math.min(Math.max(index, MIN_YEAR * per), MAX_YEAR * per + per - 1);
  switch (p.kind) {
    case 'year':
      return yearId(within(p.year + n, 1));
    case 'quarter': {
      const q = within(p.year * 4 + (p.index - 1) + n, 4);
      return `${yearId(Math.floor(q / 4))}-Q${(q % 4) + 1}`;
    }
    case 'month': {
      const m = within(p.year * 12 + (p.index - 1) + n, 12);
      return `${yearId(Math.floor(m / 12))}-${pad((m % 12) + 1)}`;
    }
    case 'week': {
      const monday = isoWeekMonday(p.year, p.index) + n * 7 * 86_400_000;
      const d = new Date(monday);
      return idOfDate('week', { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
    }
    case 'day': {
      const d = new Date(utcDay(p.year, p.index - 1, p.day! + n));
      return idOfDate('day', { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
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
    return Array.from({ length: weeksInIsoYear(p.year) }, (_, i) => `${yearId(p.year)}-W${pad(i + 1)}`);
  }
  // Walk days of the period (UTC calendar arithmetic, zone-free) and collect distinct ids.
  const first = p.kind === 'week' ? isoWeekMonday(p.year, p.index) : utcDay(p.year, p.kind === 'quarter' ? (p.index - 1) * 3 : p.kind === 'month' || p.kind === 'day' ? p.index - 1 : 0, p.day ?? 1);
  const out: string[] = [];
  for (let ms = first; ; ms += 86_400_000) {
    const d = new Date(ms);
    const ld = { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
    // past 9999 the ids are held to its last day: stop there rather than walk on for ever
    if (ld.year > MAX_YEAR || idOfDate(p.kind, ld) !== id) break;
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
  const jan4 = utcDay(weekYear, 0, 4);
  const dow = ((new Date(jan4).getUTCDay() + 6) % 7) + 1;
  return jan4 - (dow - 1) * 86_400_000 + (week - 1) * 7 * 86_400_000;
};

/**
 * The same period a year before: 2027-03 → 2026-03, 2027-Q1 → 2026-Q1, 2027 → 2026, ISO week
 * 2027-W05 → 2026-W05 (week 53 → week 52 of a year that has none), 2028-02-29 → 2027-02-28.
 */
export const aYearBefore = (id: string): string => {
  const p = parsePeriod(id);
  if (!p) throw new RangeError(`not a period id: ${id}`);
  const year = Math.max(p.year - 1, MIN_YEAR);
  switch (p.kind) {
    case 'year':
      return shiftPeriod(id, -1);
    case 'quarter':
      return shiftPeriod(id, -4);
    case 'month':
      return shiftPeriod(id, -12);
    case 'week':
      return `${yearId(year)}-W${pad(Math.min(p.index, weeksInIsoYear(year)))}`;
    case 'day':
      return `${yearId(year)}-${pad(p.index)}-${pad(Math.min(p.day!, daysInMonth(year, p.index)))}`;
  }
};
