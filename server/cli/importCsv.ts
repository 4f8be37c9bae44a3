// tally import FILE --format zoho-deals|fxiaoke-orders|csv [--map mapping.json] [--encoding gbk|utf8]
// [--dry-run]: a CRM export (UTF-8 with or without BOM, or GBK — detected, or chosen) read as a
// stream, each row mapped to commands and sent through the engine in batches. A row that does
// not parse (bad date, unknown rep, negative amount…) is reported with its line number and
// nothing of it is sent. Each command is keyed by its own content, so re-running a file — or
// a later export that repeats its rows — appends nothing new.
import { createReadStream, openSync, readSync, closeSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import * as E from 'fp-ts/Either';
import cliProgress from 'cli-progress';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { commandsByType } from '../../core/catalog';
import { directoryProjection } from '../../core/teams/readModels/directory';
import { pipelineProjection } from '../../core/pipeline/readModels/pipeline';
import { decode } from '../../core/shared/codec';
import { invalid, type Problem } from '../../core/shared/problem';
import { fromProblem } from '../http/problem';
import { compose } from '../compose';
import { loadConfigWithoutSecret } from '../config';
import { SYSTEM_ACTOR } from '../engine/actor';
import { digestOf, type CommandEngine } from '../engine/engine';
import type { Projections } from '../projections/runner';
import { countFlag, flag, type Args } from './args';
import { FORMATS, fxiaokeLine, genericRow, parseMapping, RowError, valuesOf, zohoDeal, type BuildContext, type Command, type Format, type Mapping, type Row } from './importCsvFormats';
import type { Lang } from '../../core/incentives/calculate/describe';
import { rejectedByCode, rowReasonIn } from './importWords';
import { cliSaid } from './cliWords';
import { fileProblem } from './cliErrors';
import { jsonMistake } from '../jsonMistake';

export type Encoding = 'utf8' | 'gbk' | 'utf16le';

/**
 * The encoding of a CSV export from its first bytes: a BOM says so; otherwise text that is not
 * valid UTF-8 is taken as GBK (read as GB18030, its superset), what Chinese CRMs and Excel write.
 */
export const detectEncoding = (head: Uint8Array): Encoding => {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'utf8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf16le';
  // do not judge a character cut off at the end of the sample
  let end = head.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const b = head[end - back];
    if ((b & 0xc0) === 0xc0) {
      end -= back;
      break;
    }
    if ((b & 0x80) === 0) break;
  }
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(head.subarray(0, end));
    return 'utf8';
  } catch {
    return 'gbk';
  }
};

const sampleOf = (file: string, bytes = 65_536): Uint8Array => {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(bytes);
    return buf.subarray(0, readSync(fd, buf, 0, bytes, 0));
  } finally {
    closeSync(fd);
  }
};

export interface RejectedRow {
  readonly line: number;
  /** stable, for a script to branch on: a row check's (`bad-date`, `unknown-rep` …, see importCsvFormats.ts) or the engine's problem code (`invalid`, a rule's) */
  readonly code: string;
  readonly reason: string;
  readonly cells: readonly string[];
}

export interface CsvImportReport {
  readonly encoding: Encoding;
  readonly header: readonly string[];
  readonly rows: number;
  /** rows whose commands were appended now (in a dry run: rows that would be sent) */
  readonly imported: number;
  /** rows whose commands were all appended by an earlier run */
  readonly unchanged: number;
  readonly rejected: RejectedRow[];
  /** events appended */
  readonly appended: number;
  readonly seconds: number;
  readonly rowsPerSecond: number;
}

export interface CsvImportOptions {
  readonly file: string;
  readonly format: Format;
  readonly mapping: Mapping;
  readonly encoding?: Encoding;
  readonly dryRun?: boolean;
  /** commands per engine batch */
  readonly batchSize?: number;
  readonly engine: CommandEngine;
  readonly projections: Projections;
  readonly zone: string;
  readonly onProgress?: (p: { bytes: number; rows: number; rowsPerSecond: number }) => void;
}

/** A row (or, for orders, the consecutive rows of one order) and the commands it became. */
interface Unit {
  readonly lines: number[];
  readonly cells: string[][];
  readonly commands: Command[];
}

/** A refusal of the engine or a decoder as a rejected row's code and reason. */
const explain = (p: Problem): { code: string; reason: string } => ({ code: fromProblem(p).code, reason: p.errors?.length ? `${p.detail}` : p.rule ? `${p.detail} (${p.rule})` : p.detail });

export const importCsv = async (o: CsvImportOptions): Promise<CsvImportReport> => {
  const t0 = performance.now();
  const encoding = o.encoding ?? detectEncoding(sampleOf(o.file));
  const batchSize = o.batchSize ?? 500;
  const actor = { ...SYSTEM_ACTOR, sub: 'import' };
  const rejected: RejectedRow[] = [];
  let header: string[] = [];
  let rows = 0;
  let imported = 0;
  let unchanged = 0;
  let appended = 0;
  let bytes = 0;
  const registered = new Set<string>();
  const world = () => o.projections.world;
  const ctx = (): BuildContext => ({ directory: world().get(directoryProjection), zone: o.zone, mapping: o.mapping, stages: world().get(pipelineProjection).stages.map((s) => s.stage), registered });
  const reject = (u: Pick<Unit, 'lines' | 'cells'>, { code, reason }: { code: string; reason: string }) => u.lines.forEach((line, i) => rejected.push({ line, code, reason, cells: u.cells[i] }));

  let batch: Unit[] = [];
  let queued = 0;
  const flush = async () => {
    const units = batch;
    batch = [];
    queued = 0;
    if (units.length === 0) return;
    if (o.dryRun) {
      for (const u of units) {
        const bad = u.commands.map((c) => ({ c, spec: commandsByType.get(c.type) })).find(({ c, spec }) => !spec || E.isLeft(decode(spec.codec, c.data, c.type)));
        if (!bad) imported++;
        // an unknown type as the engine refuses it when it is not a dry run
        else reject(u, explain(bad.spec ? (decode(bad.spec.codec, bad.c.data, bad.c.type) as E.Left<Problem>).left : invalid(`unknown command type '${bad.c.type}'`)));
      }
      return;
    }
    const inputs = units.flatMap((u) => u.commands);
    const before = o.projections.position;
    const results = await o.engine.handleBatch(inputs, actor, {}, inputs.map((c) => `import:${digestOf(c).slice(0, 40)}`));
    let k = 0;
    let last = before;
    for (const u of units) {
      const mine = results.slice(k, (k += u.commands.length));
      const refused = mine.find(E.isLeft);
      if (refused) {
        reject(u, explain(refused.left));
        continue;
      }
      const positions = mine.flatMap((r) => (E.isRight(r) ? r.right.map((e) => e.position) : []));
      const fresh = positions.filter((p) => p > before).length;
      appended += fresh;
      last = Math.max(last, ...positions);
      if (fresh === 0) unchanged++;
      else imported++;
    }
    // later rows look up customers and reps in the read models: let them see this batch
    await o.projections.waitFor(last);
  };
  const enqueue = async (u: Unit) => {
    batch.push(u);
    queued += u.commands.length;
    if (queued >= batchSize) await flush();
  };

  // fxiaoke-orders: consecutive rows with one order id are one order with several lines
  let order: { orderId: string; lines: number[]; cells: string[][]; build: ReturnType<typeof fxiaokeLine>[]; error?: { line: number; code: string; message: string } } | undefined;
  const closeOrder = async () => {
    const g = order;
    order = undefined;
    if (!g) return;
    // one bad row refuses its whole order; the reason names the row when the order has several
    if (g.error) return reject(g, { code: g.error.code, reason: g.lines.length > 1 ? `order '${g.orderId}', line ${g.error.line}: ${g.error.message}` : g.error.message });
    const first = g.build[0];
    const disagree = g.build.find((b) => b.repId !== first.repId || b.occurredAt !== first.occurredAt);
    if (disagree) return reject(g, { code: 'order-disagrees', reason: `the rows of order '${g.orderId}' disagree on its rep or date` });
    try {
      const { customerId, register } = first.customer();
      const sale = { type: 'RecordSale', data: { orderId: g.orderId, customerId, repId: first.repId, lines: g.build.map((b) => b.line), occurredAt: first.occurredAt } };
      await enqueue({ lines: g.lines, cells: g.cells, commands: [...register, sale] });
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      reject(g, { code: e.code, reason: e.message });
    }
  };

  const onRow = async (cells: string[], line: number) => {
    rows++;
    if (cells.length !== header.length) return reject({ lines: [line], cells: [cells] }, { code: 'column-count', reason: `expected ${header.length} columns, got ${cells.length}` });
    const row: Row = Object.fromEntries(header.map((h, i) => [h, cells[i]]));
    const c = ctx();
    try {
      const v = valuesOf(row, o.format === 'csv' ? {} : o.mapping.columns, o.mapping, c.directory, o.zone);
      if (o.format === 'fxiaoke-orders') {
        const orderId = v.text('orderId')!;
        if (order && order.orderId !== orderId) await closeOrder();
        order ??= { orderId, lines: [], cells: [], build: [] };
        order.lines.push(line);
        order.cells.push(cells);
        try {
          order.build.push(fxiaokeLine(v, c));
        } catch (e) {
          if (!(e instanceof RowError)) throw e;
          order.error ??= { line, code: e.code, message: e.message };
        }
        return;
      }
      await enqueue({ lines: [line], cells: [cells], commands: o.format === 'zoho-deals' ? zohoDeal(v, c) : genericRow(v, c) });
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      reject({ lines: [line], cells: [cells] }, { code: e.code, reason: e.message });
    }
  };

  const input = createReadStream(o.file);
  input.on('data', (chunk) => {
    bytes += chunk.length;
  });
  const parser = input.pipe(iconv.decodeStream(encoding === 'gbk' ? 'gb18030' : encoding)).pipe(
    parse({
      bom: true, info: true, relax_column_count: true, skip_empty_lines: true, skip_records_with_error: true,
      on_skip: (err) => {
        if (err) rejected.push({ line: (err as { lines?: number }).lines ?? 0, code: 'not-csv', reason: `not valid CSV: ${csvMistake(err)}`, cells: [] });
        return undefined;
      },
    }),
  );
  let reported = 0;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (header.length === 0) {
      header = record.map((h) => h.replace(/^\uFEFF/, '').trim());
      continue;
    }
    await onRow(record, info.lines);
    if (o.onProgress && rows - reported >= 1000) {
      reported = rows;
      o.onProgress({ bytes, rows, rowsPerSecond: Math.round(rows / ((performance.now() - t0) / 1000)) });
    }
  }
  await closeOrder();
  await flush();
  const seconds = (performance.now() - t0) / 1000;
  o.onProgress?.({ bytes, rows, rowsPerSecond: Math.round(rows / Math.max(seconds, 1e-9)) });
  rejected.sort((a, b) => a.line - b.line);
  return { encoding, header, rows, imported, unchanged, rejected, appended, seconds, rowsPerSecond: Math.round(rows / Math.max(seconds, 1e-9)) };
};

/** What is wrong with a row csv-parse skipped, in our words for the mistakes people make (importWords.ts says them in Chinese); the parser's own otherwise. */
const csvMistake = (err: Error): string => {
  const code = (err as { code?: string }).code;
  if (code === 'CSV_QUOTE_NOT_CLOSED') return 'a quoted cell is never closed';
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return 'a quote ends a cell, but no comma follows it';
  return err.message;
};

// ---------- the CLI ----------

const csvCell = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** Rejected rows as CSV (UTF-8 with BOM, so Excel opens Chinese text right): line, code, reason, the row. */
export const rejectsCsv = (header: readonly string[], rejected: readonly RejectedRow[], lang: Lang = 'en'): string =>
  '\uFEFF' + [[...(lang === 'en' ? ['line', 'code', 'reason'] : ['行号', '代码', '原因']), ...header], ...rejected.map((r) => [String(r.line), r.code, r.reason, ...r.cells])].map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';

export const runCsvImport = async (file: string, a: Args, lang: Lang): Promise<number> => {
  const format = (flag(a, 'format') ?? 'csv') as Format;
  if (!FORMATS.includes(format)) {
    console.error(`tally import: ${cliSaid(`--format must be one of ${FORMATS.join(', ')}`, lang)}`);
    return 2;
  }
  const encodingFlag = flag(a, 'encoding');
  if (encodingFlag !== undefined && !['gbk', 'utf8', 'utf-8', 'gb18030'].includes(encodingFlag.toLowerCase())) {
    console.error(`tally import: ${cliSaid('--encoding takes gbk or utf8 (default: detected)', lang)}`);
    return 2;
  }
  let mapping: Mapping;
  try {
    const mapPath = flag(a, 'map');
    const text = mapPath === undefined ? undefined : readFileSync(mapPath, 'utf8');
    const mistake = text === undefined ? undefined : jsonMistake(text);
    if (mistake !== undefined) throw new Error(`${mapPath}: not JSON: ${mistake}`);
    mapping = parseMapping(text === undefined ? undefined : JSON.parse(text), format);
  } catch (e) {
    console.error(`tally import: ${cliSaid(fileProblem(e) ?? (e as Error).message, lang)}`);
    return 2;
  }
  const config = loadConfigWithoutSecret(process.env, { TALLY_DEMO: '0' });
  const tally = await compose(config);
  const size = statSync(file).size;
  const bar = process.stderr.isTTY || a.flags.has('progress')
    ? new cliProgress.SingleBar({ format: lang === 'en' ? 'import [{bar}] {percentage}% | {rows} rows | {rate} rows/s' : '导入 [{bar}] {percentage}% | {rows} 行 | 每秒 {rate} 行', stream: process.stderr, noTTYOutput: !process.stderr.isTTY, notTTYSchedule: 2000 }, cliProgress.Presets.shades_classic)
    : undefined;
  bar?.start(size, 0, { rows: 0, rate: 0 });
  try {
    const report = await importCsv({
      file, format, mapping, dryRun: a.flags.has('dry-run'), batchSize: countFlag(a, 'batch', 500, 10_000),
      ...(encodingFlag ? { encoding: encodingFlag.toLowerCase().startsWith('utf') ? 'utf8' : 'gbk' } : {}),
      engine: tally.deps.engine, projections: tally.deps.projections, zone: config.zone,
      onProgress: (p) => bar?.update(p.bytes, { rows: p.rows, rate: p.rowsPerSecond }),
    });
    bar?.update(size);
    bar?.stop();
    const rejectsPath = flag(a, 'rejects') ?? `${file}.rejected.csv`;
    const rejected = report.rejected.map((r) => ({ ...r, reason: rowReasonIn(r.reason, lang) }));
    if (rejected.length > 0) writeFileSync(rejectsPath, rejectsCsv(report.header, rejected, lang));
    const dry = a.flags.has('dry-run');
    console.log(summaryIn(lang, { dry, format, encoding: report.encoding, rows: report.rows, imported: report.imported, unchanged: report.unchanged, appended: report.appended, rejected: rejected.length, seconds: report.seconds, rate: report.rowsPerSecond, rejectsPath }));
    if (rejected.length > 0) console.log(rejectedByCode(rejected, lang));
    for (const r of rejected.slice(0, 10)) console.log(lang === 'en' ? `  line ${r.line} (${r.code}): ${r.reason}` : `  第 ${r.line} 行（${r.code}）：${r.reason}`);
    return report.rejected.length > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await tally.close();
  }
};

interface Summary {
  dry: boolean;
  format: string;
  encoding: string;
  rows: number;
  imported: number;
  unchanged: number;
  appended: number;
  rejected: number;
  seconds: number;
  rate: number;
  rejectsPath: string;
}

/** The closing line of a CSV import, in the reader's language. */
export const summaryIn = (lang: Lang, s: Summary): string =>
  lang === 'en'
    ? `${s.dry ? 'dry run: ' : ''}${s.format}, ${s.encoding}: ${s.rows} rows, ${s.imported} ${s.dry ? 'valid' : 'imported'}` +
      `${s.dry ? '' : `, ${s.unchanged} already imported, ${s.appended} events appended`}, ${s.rejected} rejected` +
      ` in ${s.seconds.toFixed(1)} s (${s.rate} rows/s)` +
      (s.rejected > 0 ? `; rejected rows with their reasons: ${s.rejectsPath}` : '')
    : `${s.dry ? '试运行：' : ''}${s.format}，${s.encoding}：共 ${s.rows} 行，${s.dry ? '有效' : '导入'} ${s.imported} 行` +
      `${s.dry ? '' : `，已导入过 ${s.unchanged} 行，追加事件 ${s.appended} 条`}，拒绝 ${s.rejected} 行` +
      `，用时 ${s.seconds.toFixed(1)} 秒（每秒 ${s.rate} 行）` +
      (s.rejected > 0 ? `；被拒绝的行及原因见 ${s.rejectsPath}` : '');

