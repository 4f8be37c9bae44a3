// tally export [--out FILE]: the whole log as sealed events (NDJSON, see sealedFormat.ts), to
// stdout or a file, for `tally import` into another store with positions, hashes and times intact.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { loadConfigWithoutSecret } from '../config';
import { openExistingStore } from '../store/select';
import { flag, parseArgs } from './args';
import { readerLang } from './terminalLang';
import { exportLines, type ExportStats } from './sealedFormat';

/** A file open for writing, or the error that kept it from opening (a missing directory, no permission). */
const opened = (file: string): Promise<WriteStream> =>
  new Promise((resolve, reject) => {
    const stream = createWriteStream(file);
    stream.once('open', () => resolve(stream)).once('error', reject);
  });

/** The closing line on stderr (stdout may carry the export), in English or Chinese. */
const SAID = {
  en: (s: ExportStats, seconds: string, file: string | undefined) => `exported ${s.events} events and ${s.keys} idempotency keys, head ${s.head || '(empty log)'} (${seconds} s)${file ? ` to ${file}` : ''}`,
  'zh-CN': (s: ExportStats, seconds: string, file: string | undefined) => `已导出 ${s.events} 个事件和 ${s.keys} 个幂等键，链头 ${s.head || '（空日志）'}（${seconds} 秒）${file ? `，写入 ${file}` : ''}`,
} as const;

export const run = async (argv: string[]): Promise<number> => {
  const a = parseArgs(argv);
  const lang = readerLang(a, 'export');
  if (!lang) return 2;
  const file = flag(a, 'out');
  const config = loadConfigWithoutSecret();
  const store = await openExistingStore(config.store, 'tally export');
  const t0 = performance.now();
  const stats: ExportStats = { events: 0, keys: 0, head: '' };
  let failed: Error | undefined;
  try {
    const out = file ? await opened(file) : process.stdout;
    out.on('error', (e) => (failed = e)); // a full disk mid-write: reported below, not an unhandled event
    for await (const text of exportLines(store, stats)) if (!out.write(text)) await once(out, 'drain');
    if (failed) throw failed;
    if (file) await new Promise<void>((resolve, reject) => (out as ReturnType<typeof createWriteStream>).end((e?: Error | null) => (e ? reject(e) : resolve())));
    // stdout carries the data, so the summary goes to stderr.
    console.error(SAID[lang](stats, ((performance.now() - t0) / 1000).toFixed(1), file));
    return 0;
  } finally {
    await store.close();
  }
};
