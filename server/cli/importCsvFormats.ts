// How a CRM export's rows become Tally commands: the column mapping (mapping.json), value
// parsing (dates in TALLY_TIMEZONE, amounts in yuan → fen, rep and customer look-ups) and one
// builder per format — zoho-deals (OpenDeal, then WinDeal/LoseDeal for closed deals),
// fxiaoke-orders (RecordSale, consecutive rows of one order as its lines), csv (any command).
import { createHash } from 'node:crypto';
import { DateTime } from 'luxon';
import type { Directory } from '../../core/teams/readModels/directory';
import { Dec } from '../../core/shared/money';
import { ID_PATTERN } from '../../core/shared/codec';
import { offsetMinutes } from '../../core/shared/period';

export const FORMATS = ['zoho-deals', 'fxiaoke-orders', 'csv'] as const;
export type Format = (typeof FORMATS)[number];

export interface FieldSpec {
  readonly column: string;
  readonly type?: 'string' | 'int' | 'money' | 'date' | 'instant' | 'decimal' | 'rep' | 'customer';
}

export interface Mapping {
  /** Tally field → column header (zoho-deals, fxiaoke-orders) */
  readonly columns: Readonly<Record<string, string>>;
  /** generic csv: the command type and each data path (`lines.0.amount`) → its column */
  readonly command?: string;
  readonly fields?: Readonly<Record<string, FieldSpec>>;
  /** rep column value (a name, an e-mail) → repId; else the value is taken as a repId or a rep name */
  readonly reps: Readonly<Record<string, string>>;
  /** customer column value → customerId */
  readonly customers: Readonly<Record<string, string>>;
  /** CRM stage → Tally stage, or `won` / `lost` (zoho-deals) */
  readonly stages: Readonly<Record<string, string>>;
  /** amounts in the file: `major` (yuan, 2 decimals; default) or `minor` (fen) */
  readonly amountUnit: 'major' | 'minor';
  /** a luxon format for dates, e.g. `MM/dd/yyyy`; default: ISO-like dates with `-` or `/` */
  readonly dateFormat?: string;
  /** register customers the log does not know yet (needs the customer name and rep columns) */
  readonly registerCustomers: boolean;
  /** the stage a closed deal is opened in before it is won or lost (default: the last stage) */
  readonly closedDealStage?: string;
}

const DEFAULT_COLUMNS: Record<Format, Record<string, string>> = {
  'zoho-deals': {
    dealId: 'Record Id', title: 'Deal Name', customerId: 'Account Id', customerName: 'Account Name', rep: 'Deal Owner', amount: 'Amount',
    stage: 'Stage', expectedCloseAt: 'Closing Date', createdAt: 'Created Time', lostReason: 'Reason For Loss', competitor: 'Competitor',
  },
  'fxiaoke-orders': {
    orderId: '销售订单编号', customerId: '客户编号', customerName: '客户名称', rep: '负责人', occurredAt: '下单日期', product: '产品名称', units: '数量', amount: '小计',
  },
  csv: {},
};

const DEFAULT_STAGES: Record<string, string> = { 'Closed Won': 'won', 'Closed Lost': 'lost', 'Closed Lost to Competition': 'lost', 赢单: 'won', 输单: 'lost' };

/** Read and check mapping.json; a bad key is an error that names it. */
export const parseMapping = (raw: unknown, format: Format): Mapping => {
  if (raw !== undefined && (typeof raw !== 'object' || raw === null || Array.isArray(raw))) throw new Error('the mapping must be a JSON object');
  const m = (raw ?? {}) as Record<string, unknown>;
  const known = ['format', 'columns', 'command', 'fields', 'reps', 'customers', 'stages', 'amountUnit', 'dateFormat', 'registerCustomers', 'closedDealStage', 'comment'];
  for (const k of Object.keys(m)) if (!known.includes(k)) throw new Error(`mapping: unknown key '${k}' (known: ${known.join(', ')})`);
  const record = (k: string): Record<string, string> => {
    const v = m[k] ?? {};
    if (typeof v !== 'object' || v === null || Array.isArray(v) || Object.values(v).some((x) => typeof x !== 'string')) throw new Error(`mapping.${k}: expected an object of strings`);
    return v as Record<string, string>;
  };
  if (m.amountUnit !== undefined && m.amountUnit !== 'major' && m.amountUnit !== 'minor') throw new Error("mapping.amountUnit: expected 'major' or 'minor'");
  if (m.dateFormat !== undefined && typeof m.dateFormat !== 'string') throw new Error('mapping.dateFormat: expected a luxon format such as yyyy/MM/dd');
  const fields: Record<string, FieldSpec> = {};
  if (format === 'csv') {
    if (typeof m.command !== 'string') throw new Error('mapping.command: the generic csv format needs the command type each row becomes');
    const f = m.fields;
    if (typeof f !== 'object' || f === null || Array.isArray(f)) throw new Error('mapping.fields: expected { "data.path": "Column" | { "column": "Column", "type": "int" } }');
    for (const [path, spec] of Object.entries(f)) {
      const s = typeof spec === 'string' ? { column: spec } : (spec as FieldSpec);
      if (typeof s?.column !== 'string') throw new Error(`mapping.fields.${path}: expected a column name`);
      fields[path] = s;
    }
  }
  return {
    columns: { ...DEFAULT_COLUMNS[format], ...record('columns') },
    ...(format === 'csv' ? { command: m.command as string, fields } : {}),
    reps: record('reps'),
    customers: record('customers'),
    stages: { ...DEFAULT_STAGES, ...record('stages') },
    amountUnit: (m.amountUnit as Mapping['amountUnit']) ?? 'major',
    ...(m.dateFormat ? { dateFormat: m.dateFormat as string } : {}),
    registerCustomers: m.registerCustomers === true,
    ...(typeof m.closedDealStage === 'string' ? { closedDealStage: m.closedDealStage } : {}),
  };
};

// ---------- values ----------

/** A row as a column → value record; a reason string is a refusal of the row. */
export type Row = Readonly<Record<string, string>>;
/** A row refused: `code` is stable, for a script to branch on; the message is English, said again in the reader's language by importWords.ts. */
export class RowError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}
const refuse = (code: string, reason: string): never => {
  throw new RowError(code, reason);
};

const AUTO_DATE_FORMATS = ['yyyy-MM-dd HH:mm:ss', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd', 'yyyy/MM/dd HH:mm:ss', 'yyyy/MM/dd HH:mm', 'yyyy/M/d H:mm', 'yyyy/M/d', 'yyyy.MM.dd', "yyyy-MM-dd'T'HH:mm:ss"];

interface LocalMoment {
  readonly date: string;
  readonly instant: string;
}

/** The formats the fast path reads exactly as luxon would (luxon costs tens of µs a row). */
const FAST_FORMATS = new Set(['yyyy-MM-dd', 'yyyy-MM-dd HH:mm', 'yyyy-MM-dd HH:mm:ss', 'yyyy/MM/dd', 'yyyy/MM/dd HH:mm', 'yyyy/MM/dd HH:mm:ss']);
const LOCAL = /^(\d{4})([-/])(\d{2})\2(\d{2})(?: (\d{2}):(\d{2})(?::(\d{2}))?)?$/;
const two = (n: number) => String(n).padStart(2, '0');

/** `2026-06-03 10:20` as a wall-clock time in the zone, with the zone's offset then; undefined if not that shape or not a real time. */
const fastLocal = (v: string, zone: string): LocalMoment | undefined => {
  const m = LOCAL.exec(v);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = [+m[1], +m[3], +m[4], +(m[5] ?? 0), +(m[6] ?? 0), +(m[7] ?? 0)];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  // the offset at the instant, found from the wall time (twice, for a wall time near a DST change)
  let off = offsetMinutes(wall - offsetMinutes(wall, zone) * 60_000, zone);
  off = offsetMinutes(wall - off * 60_000, zone);
  const sign = off < 0 ? '-' : '+';
  const date = `${m[1]}-${m[3]}-${m[4]}`;
  return { date, instant: `${date}T${two(h)}:${two(mi)}:${two(s)}${sign}${two(Math.floor(Math.abs(off) / 60))}:${two(Math.abs(off) % 60)}` };
};

export interface Values {
  text(field: string, required?: boolean): string | undefined;
  instant(field: string): string;
  date(field: string): string;
  money(field: string): number;
  int(field: string): number;
  rep(field: string): string;
}

/** Typed reads of a row's cells, each refusal naming the column and the bad value. */
export const valuesOf = (row: Row, columns: Readonly<Record<string, string>>, mapping: Mapping, directory: Directory, zone: string): Values => {
  const column = (field: string) => columns[field] ?? field;
  const text = (field: string, required = true): string | undefined => {
    const v = (row[column(field)] ?? '').trim();
    if (v === '') return required ? refuse('empty-cell', `${column(field)} is empty`) : undefined;
    return v;
  };
  const parseDate = (field: string): LocalMoment => {
    const v = text(field)!;
    const fast = !mapping.dateFormat || FAST_FORMATS.has(mapping.dateFormat) ? fastLocal(v, zone) : undefined;
    if (fast) return fast;
    const formats = mapping.dateFormat ? [mapping.dateFormat] : AUTO_DATE_FORMATS;
    for (const f of formats) {
      const d = DateTime.fromFormat(v, f, { zone });
      if (d.isValid) return { date: d.toISODate()!, instant: d.toISO({ suppressMilliseconds: true })! };
    }
    const iso = DateTime.fromISO(v, { zone, setZone: true });
    if (iso.isValid && /^\d{4}-/.test(v)) return { date: iso.toISODate()!, instant: iso.toISO({ suppressMilliseconds: true })! };
    return refuse('bad-date', `${column(field)} '${v}' is not a date${mapping.dateFormat ? ` in the format ${mapping.dateFormat}` : ''}`);
  };
  return {
    text,
    instant: (field) => parseDate(field).instant,
    date: (field) => parseDate(field).date,
    money: (field) => {
      const v = text(field)!.replace(/[,\s¥￥]|CNY|RMB|元/g, '');
      const major = mapping.amountUnit === 'major';
      if (!(major ? /^-?\d+(\.\d{1,2})?$/ : /^-?\d+$/).test(v)) return refuse('bad-amount', `${column(field)} '${text(field)}' is not an amount${major ? ' in yuan (at most 2 decimals)' : ' in fen'}`);
      if (v.startsWith('-')) return refuse('negative-amount', `${column(field)} '${text(field)}' is a negative amount`);
      const minor = major ? new Dec(v).times(100).toNumber() : Number(v);
      return Number.isSafeInteger(minor) ? minor : refuse('amount-too-large', `${column(field)} '${text(field)}' is too large`);
    },
    int: (field) => {
      const v = text(field)!;
      if (!/^\d+(\.0+)?$/.test(v)) return refuse('bad-count', `${column(field)} '${v}' is not a whole non-negative number`);
      return Number.parseInt(v, 10);
    },
    rep: (field) => {
      const v = text(field)!;
      const mapped = mapping.reps[v];
      if (mapped !== undefined) return directory.reps.has(mapped) ? mapped : refuse('unknown-rep', `unknown rep '${mapped}' (mapped from ${column(field)} '${v}')`);
      if (directory.reps.has(v)) return v;
      const byName = [...directory.reps.values()].filter((r) => r.name === v);
      if (byName.length === 1) return byName[0].repId;
      return byName.length > 1 ? refuse('ambiguous-rep', `rep name '${v}' is ambiguous; map it in mapping.reps`) : refuse('unknown-rep', `unknown rep '${v}' in ${column(field)}`);
    },
  };
};

/** A stable id for a customer known only by name (`C-` + 12 hex digits of its SHA-256). */
export const customerIdForName = (name: string): string => `C-${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;

export interface BuildContext {
  readonly directory: Directory;
  readonly zone: string;
  readonly mapping: Mapping;
  /** pipeline stages in force, for the stage a closed deal is opened in */
  readonly stages: readonly string[];
  /** customers registered earlier in this run */
  readonly registered: Set<string>;
}

export interface Command {
  readonly type: string;
  readonly data: Record<string, unknown>;
}

/**
 * The customer a row names: by id, by mapped or exact name; registered (first command) when
 * unknown and the mapping allows it, else the row is refused.
 */
const customerOf = (v: Values, ctx: BuildContext, repId: string): { customerId: string; register: Command[] } => {
  const { directory, mapping, registered } = ctx;
  const id = v.text('customerId', false);
  const name = v.text('customerName', false);
  const mapped = (id && mapping.customers[id]) ?? (name && mapping.customers[name]);
  let customerId = mapped || id;
  if (!customerId && name) {
    const byName = [...directory.customers.values()].filter((c) => c.name === name);
    customerId = byName.length === 1 ? byName[0].customerId : customerIdForName(name);
  }
  if (!customerId) return refuse('no-customer', 'the row names no customer (customerId or customerName column)');
  if (!ID_PATTERN.test(customerId)) return refuse('bad-id', `customer id '${customerId}' is not an id (letters, digits, _ . : -)`);
  if (directory.customers.has(customerId) || registered.has(customerId)) return { customerId, register: [] };
  if (!mapping.registerCustomers || !name) return refuse('unknown-customer', `unknown customer '${customerId}'${mapping.registerCustomers ? ' and no customer name to register it with' : ' (set registerCustomers in the mapping to register new customers)'}`);
  registered.add(customerId);
  return { customerId, register: [{ type: 'RegisterCustomer', data: { customerId, name, ownerRepId: repId } }] };
};

const idOf = (v: Values, field: string): string => {
  const id = v.text(field)!;
  return ID_PATTERN.test(id) ? id : refuse('bad-id', `${field} '${id}' is not an id (letters, digits, _ . : -; at most 64)`);
};

/** One zoho-deals row: OpenDeal, and WinDeal or LoseDeal when the CRM stage is a closed one. */
export const zohoDeal = (v: Values, ctx: BuildContext): Command[] => {
  const dealId = idOf(v, 'dealId');
  const repId = v.rep('rep');
  const amount = v.money('amount');
  const crmStage = v.text('stage')!;
  const stage = ctx.mapping.stages[crmStage] ?? crmStage;
  const close = v.date('expectedCloseAt');
  const created = v.text('createdAt', false) ? v.instant('createdAt') : undefined;
  const closedAt = DateTime.fromISO(close, { zone: ctx.zone }).set({ hour: 12 }).toISO({ suppressMilliseconds: true })!;
  const openedAt = created ?? DateTime.fromISO(close, { zone: ctx.zone }).toISO({ suppressMilliseconds: true })!;
  const closed = stage === 'won' || stage === 'lost';
  if (closed && Date.parse(openedAt) > Date.parse(closedAt)) refuse('closes-before-created', `deal '${dealId}' closes (${close}) before it was created (${created})`);
  const openStage = closed ? (ctx.mapping.closedDealStage ?? ctx.stages[ctx.stages.length - 1] ?? refuse('no-pipeline-stages', 'no pipeline stages are defined to open the closed deal in (SetPipelineStages)')) : stage;
  const title = v.text('title', false);
  const competitor = v.text('competitor', false);
  const { customerId, register } = customerOf(v, ctx, repId);
  const out: Command[] = [
    ...register,
    { type: 'OpenDeal', data: { dealId, customerId, repId, amount, stage: openStage, expectedCloseAt: close, occurredAt: openedAt, ...(title ? { title: title.slice(0, 200) } : {}) } },
  ];
  if (stage === 'won') out.push({ type: 'WinDeal', data: { dealId, occurredAt: closedAt } });
  if (stage === 'lost')
    out.push({ type: 'LoseDeal', data: { dealId, reason: v.text('lostReason', false) ?? crmStage, occurredAt: closedAt, ...(competitor ? { competitor } : {}) } });
  return out;
};

/** One fxiaoke-orders row: its order id and one line; rows of one order are merged by the caller. */
export const fxiaokeLine = (v: Values, ctx: BuildContext) => {
  const orderId = idOf(v, 'orderId');
  const repId = v.rep('rep');
  const occurredAt = v.instant('occurredAt');
  const line = { product: v.text('product')!.slice(0, 120), units: v.int('units'), amount: v.money('amount') };
  return { orderId, repId, occurredAt, line, customer: () => customerOf(v, ctx, repId) };
};

/** A generic row: the mapped command with each data path read as its type. */
export const genericRow = (v: Values, ctx: BuildContext): Command[] => {
  const data: Record<string, unknown> = {};
  for (const [path, spec] of Object.entries(ctx.mapping.fields ?? {})) {
    const field = spec.column;
    const present = v.text(field, false) !== undefined;
    if (!present) continue;
    const value = (() => {
      switch (spec.type ?? 'string') {
        case 'int': return v.int(field);
        case 'money': return v.money(field);
        case 'date': return v.date(field);
        case 'instant': return v.instant(field);
        case 'rep': return v.rep(field);
        case 'decimal': return v.text(field);
        default: return v.text(field);
      }
    })();
    setPath(data, path, value);
  }
  return [{ type: ctx.mapping.command!, data }];
};

const setPath = (target: Record<string, unknown>, path: string, value: unknown) => {
  const keys = path.split('.');
  let o: Record<string, unknown> | unknown[] = target;
  keys.forEach((k, i) => {
    const last = i === keys.length - 1;
    const key: string | number = /^\d+$/.test(k) ? Number(k) : k;
    const rec = o as Record<string | number, unknown>;
    if (last) rec[key] = value;
    else o = (rec[key] ??= /^\d+$/.test(keys[i + 1]) ? [] : {}) as Record<string, unknown>;
  });
};
