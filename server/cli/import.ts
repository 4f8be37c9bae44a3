// tally import FILE [--dry-run] [--batch N] [--rejects PATH]: NDJSON commands, one
// {"type","data"} per line, sent through the engine in batches. A progress bar on a TTY, a
// summary at the end, and the rejected lines with their problems written beside the file.
import { createReadStream, writeFileSync, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import * as E from 'fp-ts/Either';
import cliProgress from 'cli-progress';
import { compose } from '../compose';
import { loadConfigWithoutSecret } from '../config';
import { SYSTEM_ACTOR } from '../engine/actor';
import { digestOf, type CommandInput } from '../engine/engine';
import { commandsByType } from '../../core/catalog';
import { decode } from '../../core/shared/codec';
import { invalid } from '../../core/shared/problem';
import { countFlag, flag, parseArgs } from './args';
import { runCsvImport } from './importCsv';
import { importSealed, startsWithSealedEvent } from './importSealed';
import { rejectedByCode } from './importWords';
import { readerLang } from './terminalLang';
import type { Lang } from '../../core/incentives/calculate/describe';
import { fromProblem, problemBody, type ProblemBody } from '../http/problem';
import { jsonMistake } from '../jsonMistake';
import { problemIn } from '../http/problemWords';

/** A rejected line as the rejects file holds it: its stable code, and the problem in the reader's language. */
interface Rejected {
  readonly line: number;
  readonly code: string;
  readonly problem: ProblemBody;
  readonly input?: string;
}

/** A line that is not JSON: a problem of its own, put as the engine puts its problems. */
const notJson = (detail: string): ProblemBody => ({ ...problemBody(400, 'Invalid input', detail), type: '/problems/import/not-json', code: 'not-json' });

export const run = async (argv: string[]): Promise<number> => {
  const a = parseArgs(argv);
  const file = a.positional[0];
  if (!file) {
    console.error('usage: tally import FILE [--dry-run] [--batch 500] [--rejects FILE.rejected.ndjson]');
    return 2;
  }
  const lang = readerLang(a, 'import');
  if (!lang) return 2;
  // a directory read as a stream fails without naming itself: name it (main.ts says it in one line)
  if (statSync(file).isDirectory()) throw Object.assign(new Error(`${file} is a directory`), { code: 'EISDIR', path: file });
  // A CRM export (CSV) is mapped to commands row by row: see importCsv.ts.
  if (a.flags.has('format') || /\.csv$/i.test(file)) return runCsvImport(file, a, lang);
  // A `tally export` file holds sealed events, not commands: it is appended verbatim (migration).
  if (a.flags.has('sealed') || (await startsWithSealedEvent(file))) return importSealed(file, a, lang);
  const size = statSync(file).size;
  const batchSize = countFlag(a, 'batch', 500, 10_000);
  const dryRun = a.flags.has('dry-run');
  const rejectsPath = flag(a, 'rejects') ?? `${file}.rejected.ndjson`;
  const config = loadConfigWithoutSecret(process.env, { TALLY_DEMO: '0' });
  const tally = await compose(config);
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: lang === 'en' ? 'import [{bar}] {percentage}% | {value}/{total} bytes | {rate} lines/s' : '导入 [{bar}] {percentage}% | {value}/{total} 字节 | 每秒 {rate} 行', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(size, 0, { rate: 0 });

  const rejected: Rejected[] = [];
  const reject = (line: number, problem: ProblemBody, input: string) => rejected.push({ line, code: problem.code, problem: problemIn(problem, lang), input });
  let accepted = 0;
  let unchanged = 0;
  let lines = 0;
  let bytes = 0;
  const t0 = performance.now();
  let batch: { line: number; input: CommandInput; raw: string }[] = [];
  // One batch is in flight while the next is read and decided (the engine decides it against the
  // one ahead while that one's COMMIT is in flight); each batch's answers are counted in order.
  let inFlight: Promise<void> = Promise.resolve();
  /** the last position any earlier batch answered with */
  let answeredUpTo = 0;

  const flush = async () => {
    if (batch.length === 0) return;
    const current = batch;
    batch = [];
    if (dryRun) {
      for (const item of current) {
        const spec = typeof item.input.type === 'string' ? commandsByType.get(item.input.type) : undefined;
        if (!spec) {
          // as the engine refuses it when it is not a dry run
          const unknown = `unknown command type '${String(item.input.type)}'`;
          reject(item.line, fromProblem(invalid(unknown, [{ path: 'type', message: unknown }])), item.raw);
          continue;
        }
        const checked = decode(spec.codec, item.input.data, spec.type);
        if (E.isRight(checked)) accepted++;
        // paths as the engine reports them, under `data`
        else reject(item.line, fromProblem({ ...checked.left, errors: checked.left.errors?.map((e) => ({ ...e, path: `data.${e.path}` })) }), item.raw);
      }
      return;
    }
    // Keyed by content (as the CSV import is), so re-running the same commands — from this file
    // under any path, or another holding them — appends nothing new and refuses nothing.
    const known = tally.deps.projections.position;
    const answered = tally.deps.engine.handleBatch(
      current.map((item) => item.input),
      { ...SYSTEM_ACTOR, sub: 'import' },
      {},
      current.map((item) => `import:${digestOf(item.input).slice(0, 40)}`),
    );
    answered.catch(() => undefined); // its failure is met when its turn comes below, not unhandled before
    const previous = inFlight;
    inFlight = previous.then(async () => {
      const results = await answered;
      // new events follow every event the batches before it were answered with; a line seen
      // before (its key replayed) answers with older ones
      const before = Math.max(known, answeredUpTo);
      results.forEach((r, i) => {
        if (E.isLeft(r)) reject(current[i].line, fromProblem(r.left), current[i].raw);
        else {
          if (r.right.some((e) => e.position > before)) accepted++;
          else unchanged++;
          for (const e of r.right) answeredUpTo = Math.max(answeredUpTo, e.position);
        }
      });
    });
    await previous;
  };

  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  for await (const raw of rl) {
    lines++;
    bytes += Buffer.byteLength(raw) + 1;
    if (raw.trim() === '') continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      reject(lines, notJson(`not JSON: ${jsonMistake(raw)}`), raw);
      continue;
    }
    const input = (typeof parsed === 'object' && parsed !== null ? parsed : { type: undefined, data: undefined }) as CommandInput;
    batch.push({ line: lines, input, raw });
    if (batch.length >= batchSize) {
      await flush();
      bar?.update(bytes, { rate: Math.round(lines / ((performance.now() - t0) / 1000)) });
    }
  }
  await flush();
  await inFlight;
  bar?.update(size, { rate: Math.round(lines / ((performance.now() - t0) / 1000)) });
  bar?.stop();
  await tally.close();
  const seconds = (performance.now() - t0) / 1000;
  if (rejected.length > 0) writeFileSync(rejectsPath, rejected.map((r) => JSON.stringify(r)).join('\n') + '\n');
  console.log(ndjsonSummaryIn(lang, { dry: dryRun, lines, accepted, unchanged, rejected: rejected.length, seconds, rejectsPath }));
  if (rejected.length > 0) console.log(rejectedByCode(rejected, lang));
  return rejected.length > 0 ? 1 : 0;
};

interface NdjsonSummary {
  dry: boolean;
  lines: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  seconds: number;
  rejectsPath: string;
}

/** The closing line of an NDJSON import, in the reader's language. */
export const ndjsonSummaryIn = (lang: Lang, s: NdjsonSummary): string => {
  const rate = Math.round(s.lines / Math.max(s.seconds, 1e-9));
  return lang === 'en'
    ? `${s.dry ? 'dry run: ' : ''}${s.lines} lines, ${s.accepted} ${s.dry ? 'well-formed' : `accepted, ${s.unchanged} already imported`}, ${s.rejected} rejected in ${s.seconds.toFixed(1)} s (${rate} lines/s)` +
        (s.rejected > 0 ? `; rejected lines with their problems: ${s.rejectsPath}` : '')
    : `${s.dry ? '试运行：' : ''}共 ${s.lines} 行，${s.dry ? `格式正确 ${s.accepted} 行` : `接受 ${s.accepted} 行，已导入过 ${s.unchanged} 行`}，拒绝 ${s.rejected} 行，用时 ${s.seconds.toFixed(1)} 秒（每秒 ${rate} 行）` +
        (s.rejected > 0 ? `；被拒绝的行及其问题见 ${s.rejectsPath}` : '');
};
