// tally backup --out FILE: a consistent copy of the SQLite store while the server keeps running,
// through SQLite's online backup (pages copied in steps, so writers wait only for a step), then
// checked: the copy's hash chain is recomputed and its head must be the head copied. Restoring is
// stopping the server, putting the copy in the store's place (without the old -wal and -shm
// files) and starting it again; README: Backup and restore.
import Database from 'better-sqlite3';
import { existsSync, renameSync, rmSync } from 'node:fs';
import { auditSaid } from '../audit/auditWords';
import { verifyLog } from '../audit/verifyLog';
import { loadConfigWithoutSecret } from '../config';
import { StoreConfigError } from '../store/port';
import { SqliteStore } from '../store/sqlite';
import { flag, parseArgs } from './args';
import { readerLang } from './terminalLang';

/** What `tally backup` says, in English or Chinese; paths, positions and hashes as they are. */
const SAID = {
  en: {
    needsOut: '--out FILE is needed: where the copy goes',
    notSqlite: (spec: string) => `TALLY_STORE=${spec}: tally backup copies a SQLite store; back up EventStoreDB with its own tools (README: Backup and restore)`,
    noStore: (source: string, spec: string) => `there is no store at ${source} (TALLY_STORE=${spec})`,
    exists: (out: string) => `${out} exists already; tally backup writes a new file`,
    broken: (p: number | undefined, why: string | undefined, partial: string) => `FAILED: the copy's chain breaks at position ${p}: ${why}; ${partial} is kept for inspection`,
    done: (count: number, head: string, out: string, s: string) => `backed up ${count} events, chain intact, head ${head} → ${out} (${s} s)`,
  },
  'zh-CN': {
    needsOut: '需要 --out FILE：副本写到哪里',
    notSqlite: (spec: string) => `TALLY_STORE=${spec}：tally backup 只复制 SQLite 存储；EventStoreDB 请用它自己的工具备份（README：Backup and restore）`,
    noStore: (source: string, spec: string) => `${source} 处没有存储（TALLY_STORE=${spec}）`,
    exists: (out: string) => `${out} 已存在；tally backup 只写新文件`,
    broken: (p: number | undefined, why: string | undefined, partial: string) => `失败：副本的哈希链在位置 ${p} 处断开：${why}；${partial} 保留以供检查`,
    done: (count: number, head: string, out: string, s: string) => `已备份 ${count} 个事件，哈希链完好，链头 ${head} → ${out}（${s} 秒）`,
  },
} as const;

export const run = async (argv: string[]): Promise<number> => {
  const a = parseArgs(argv);
  const lang = readerLang(a, 'backup');
  if (!lang) return 2;
  const said = SAID[lang];
  const out = flag(a, 'out');
  if (!out) throw new StoreConfigError(said.needsOut);
  const spec = loadConfigWithoutSecret().store;
  if (!spec.startsWith('sqlite:')) throw new StoreConfigError(said.notSqlite(spec));
  const source = spec.slice('sqlite:'.length);
  if (!existsSync(source)) throw new StoreConfigError(said.noStore(source, spec));
  if (existsSync(out)) throw new StoreConfigError(said.exists(out));
  const t0 = performance.now();
  const partial = `${out}.partial`;
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(partial);
  } finally {
    db.close();
  }
  const copy = new SqliteStore(partial);
  try {
    const r = await verifyLog(copy);
    if (!r.ok) {
      console.error(said.broken(r.badPosition, auditSaid(r.reason ?? '', lang), partial));
      return 1;
    }
    await copy.close();
    for (const f of [`${partial}-wal`, `${partial}-shm`]) rmSync(f, { force: true });
    renameSync(partial, out);
    console.log(said.done(r.count, r.head, out, ((performance.now() - t0) / 1000).toFixed(1)));
    return 0;
  } catch (e) {
    await copy.close().catch(() => undefined);
    throw e;
  }
};
