// `tally import` of a `tally export` file: sealed events appended verbatim (positions, hashes and
// recorded times kept) into an empty store — or onto a store holding a prefix of the same export,
// so an interrupted import resumes — then the store's chain and keys are verified against the file.
import { createReadStream, statSync } from 'node:fs';
import { createInterface } from 'node:readline';
import cliProgress from 'cli-progress';
import { auditSaid } from '../audit/auditWords';
import { verifyLog } from '../audit/verifyLog';
import { jsonMistake } from '../jsonMistake';
import { loadConfigWithoutSecret } from '../config';
import { ChainVerifier } from '../store/hashChain';
import type { EventStore, SealedAppend } from '../store/port';
import { SealedMismatchError } from '../store/sealed';
import { openStore } from '../store/select';
import { countFlag, type Args } from './args';
import type { Lang } from '../../core/incentives/calculate/describe';
import { CommandGrouper, isSealedEvent } from './sealedFormat';

/** Does the file's first non-empty line hold a sealed event (rather than a command)? */
export const startsWithSealedEvent = async (file: string): Promise<boolean> => {
  const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
  try {
    for await (const line of rl) {
      if (line.trim() === '') continue;
      try {
        return isSealedEvent(JSON.parse(line));
      } catch {
        return false;
      }
    }
    return false;
  } finally {
    rl.close();
  }
};

/** Why a sealed import stopped, written in English; auditWords.ts says it in Chinese. */
class ImportFailed extends Error {}

/** What a sealed import tells its reader, in English or Chinese; the export's own facts (positions, hashes) as they are. */
const SAID = {
  en: {
    what: (events: number, keys: number) => `${events} events, ${keys} idempotency keys`,
    dry: (what: string, head: string) => `dry run: ${what}; the export's chain is intact, head ${head}`,
    imported: (n: number, after: number, seconds: number, rate: number) => `imported ${n} events${after > 0 ? ` (resumed after position ${after})` : ''} in ${seconds.toFixed(1)} s (${rate} events/s)`,
    resume: (n: number) => (n > 0 ? ` (${n} events were imported before; run the same import again to resume)` : ''),
    verified: (what: string, head: string) => `verified: ${what}; chain intact, head ${head} as in the export`,
    failed: (why: string) => `verification FAILED: ${why}`,
  },
  'zh-CN': {
    what: (events: number, keys: number) => `${events} 个事件、${keys} 个幂等键`,
    dry: (what: string, head: string) => `试运行：${what}；导出文件的哈希链完好，链头 ${head}`,
    imported: (n: number, after: number, seconds: number, rate: number) => `已导入 ${n} 个事件${after > 0 ? `（从位置 ${after} 之后续导）` : ''}，用时 ${seconds.toFixed(1)} 秒（每秒 ${rate} 个事件）`,
    resume: (n: number) => (n > 0 ? `（此前已导入 ${n} 个事件；再次运行同一导入即可续导）` : ''),
    verified: (what: string, head: string) => `已核验：${what}；哈希链完好，链头 ${head} 与导出文件一致`,
    failed: (why: string) => `核验失败：${why}`,
  },
} as const;

export const importSealed = async (file: string, a: Args, lang: Lang = 'en'): Promise<number> => {
  const said = SAID[lang];
  const dryRun = a.flags.has('dry-run');
  const batchSize = countFlag(a, 'batch', 1000, 100_000);
  const config = loadConfigWithoutSecret(process.env, { TALLY_DEMO: '0' });
  const store = dryRun ? undefined : await openStore(config.store);
  if (store && !store.appendSealed) {
    await store.close();
    console.error(`tally import: ${auditSaid(`the ${store.kind} store cannot take sealed events`, lang)}`);
    return 2;
  }
  const t0 = performance.now();
  const bar = process.stderr.isTTY ? new cliProgress.SingleBar({ format: lang === 'en' ? 'import [{bar}] {percentage}% | {value}/{total} bytes' : '导入 [{bar}] {percentage}% | {value}/{total} 字节', stream: process.stderr }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(statSync(file).size, 0);
  const fileChain = new ChainVerifier();
  const keys = new Map<string, string>();
  let appended = 0;
  try {
    const head = store ? await store.head() : { position: 0, hash: '' };
    let prefixSeen = head.position === 0;
    const grouper = new CommandGrouper();
    let pending: SealedAppend[] = [];
    const flush = async () => {
      // On a resumed import, what the store already holds is skipped.
      const fresh = pending.filter((c) => c.events.length > 0 && c.events[c.events.length - 1].position > head.position);
      pending = [];
      for (const c of fresh) if (c.idempotency) keys.set(c.idempotency.key, c.events.map((e) => e.position).join(','));
      if (store && fresh.length > 0) await store.appendSealed!(fresh);
      appended += fresh.reduce((n, c) => n + c.events.length, 0);
    };
    let lineNo = 0;
    let bytes = 0;
    const rl = createInterface({ input: createReadStream(file, 'utf8'), crlfDelay: Infinity });
    for await (const raw of rl) {
      lineNo++;
      bytes += Buffer.byteLength(raw) + 1;
      if (raw.trim() === '') continue;
      let line: unknown;
      try {
        line = JSON.parse(raw);
      } catch {
        throw new ImportFailed(`line ${lineNo} is not JSON: ${jsonMistake(raw)}`);
      }
      if (!grouper.push(line)) throw new ImportFailed(`line ${lineNo} is neither a sealed event nor the idempotency record of the command before it`);
      if (isSealedEvent(line)) {
        if (!fileChain.push(line)) throw new ImportFailed(`the export itself is broken at position ${fileChain.result().badPosition}: ${fileChain.result().reason}`);
        if (line.position === head.position) {
          if (line.hash !== head.hash) throw new ImportFailed(`the store is not empty (${head.position} events) and does not hold the start of this export: sealed import needs an empty store`);
          prefixSeen = true;
        }
      }
      pending.push(...grouper.take());
      if (pending.length >= batchSize) {
        await flush();
        bar?.update(bytes);
      }
    }
    pending.push(...grouper.finish());
    await flush();
    bar?.update(bytes);
    bar?.stop();
    if (!prefixSeen) throw new ImportFailed(`the store holds ${head.position} events, more than this export: sealed import needs an empty store`);
    const seconds = (performance.now() - t0) / 1000;
    const exported = fileChain.result();
    const what = said.what(exported.count, keys.size);
    if (!store) {
      console.log(said.dry(what, exported.head));
      return 0;
    }
    console.log(said.imported(appended, head.position, seconds, Math.round(appended / Math.max(seconds, 1e-9))));
    return await verifyAgainst(store, exported.count, exported.head, keys, what, lang);
  } catch (e) {
    bar?.stop();
    if (e instanceof ImportFailed || e instanceof SealedMismatchError) {
      console.error(`tally import: ${auditSaid(e.message, lang)}${said.resume(appended)}`);
      return 1;
    }
    throw e;
  } finally {
    await store?.close();
  }
};

/** After the import: the store's chain is intact and ends where the export ends, every key is there. */
const verifyAgainst = async (store: EventStore, count: number, head: string, keys: ReadonlyMap<string, string>, what: string, lang: Lang): Promise<number> => {
  const check = await verifyLog(store);
  let missing = 0;
  for (const [key, positions] of keys) if ((await store.findIdempotency(key))?.positions.join(',') !== positions) missing++;
  if (check.ok && check.count === count && check.head === head && missing === 0) {
    console.log(SAID[lang].verified(what, head));
    return 0;
  }
  const why = !check.ok ? `the chain breaks at position ${check.badPosition}: ${check.reason}` : check.count !== count || check.head !== head ? `the store ends at ${check.count} (${check.head}), the export at ${count} (${head})` : `${missing} idempotency keys are missing`;
  console.error(`tally import: ${SAID[lang].failed(auditSaid(why, lang))}`);
  return 1;
};
