// tally verify: recompute the hash chain from the store, then hold every idempotency record against
// it; exit 1 naming the first bad position or key. With TALLY_CHECKPOINT_KEY set, also compare the
// log with the last signed checkpoint (so a cut tail is found too) and, when all is well, sign a new
// one at the head. Without a checkpoint file it signs the first one only when told to
// (`--init-checkpoint`): a missing file may be a deleted one, and signing then would bless a log
// cut short or rewritten since.
import { existsSync } from 'node:fs';
import { checkAgainst, checkpointFileOf, checkpointKeyOf, isAuthentic, keysDigest, readCheckpoint, signCheckpoint, writeCheckpoint } from '../audit/checkpoint';
import { verifyKeys } from '../audit/verifyKeys';
import { auditSaid } from '../audit/auditWords';
import { verifyLog } from '../audit/verifyLog';
import { openExistingStore } from '../store/select';
import { parseArgs } from './args';
import { readerLang } from './terminalLang';

/** What `tally verify` says, in English or Chinese; positions, hashes and paths as they are, the reasons said by auditWords.ts. */
const SAID = {
  en: {
    badAt: (p: number | undefined, why: string | undefined, intact: number) => `FAILED at position ${p}: ${why} (${intact === 1 ? 'the event before it is' : `${intact} events before it are`} intact)`,
    badKeys: (why: string, count: number) => `FAILED: ${why} (the chain itself is intact: ${count} events)`,
    ok: (count: number, head: string, keys: number, listed: boolean, s: string) =>
      `ok: ${count} events, chain intact, head ${head}; ${keys} idempotency keys ${listed ? 'each bound to its command' : 'found on their commands (this store keeps them in its own log)'} (${s} s)`,
    noCheckpoint: (unchecked: string | undefined) => `no signed checkpoint: set TALLY_CHECKPOINT_KEY (on a durable store) to detect a log cut short at its tail${unchecked ? ` (the checkpoint in ${unchecked} was not checked)` : ''}`,
    notSigned: (file: string) => `FAILED: the checkpoint in ${file} is not signed with TALLY_CHECKPOINT_KEY (edited, or signed with another key)`,
    badCheckpoint: (p: number, why: string) => `FAILED at position ${p}: ${why}`,
    holds: (at: string, p: number) => `checkpoint of ${at} (position ${p}) still holds`,
    refused: (file: string) =>
      `REFUSED: no checkpoint in ${file}. If this is the first signed verify of this log, run \`tally verify --init-checkpoint\`; if a checkpoint was there before, it was removed, and signing now would bless whatever the log holds — restore it from your copy instead.`,
    signed: (p: number, hash: string, file: string) => `signed checkpoint: position ${p}, head ${hash} → ${file}`,
    keepCopy: '  keep a copy elsewhere too: a checkpoint deleted or rolled back together with the log proves nothing',
  },
  'zh-CN': {
    badAt: (p: number | undefined, why: string | undefined, intact: number) => `失败：位置 ${p}：${why}（此前的 ${intact} 个事件完好）`,
    badKeys: (why: string, count: number) => `失败：${why}（哈希链本身完好：${count} 个事件）`,
    ok: (count: number, head: string, keys: number, listed: boolean, s: string) =>
      `正常：${count} 个事件，哈希链完好，链头 ${head}；${keys} 个幂等键${listed ? '均与其命令对应' : '都在其命令上找到（该存储把它们记在自己的日志里）'}（${s} 秒）`,
    noCheckpoint: (unchecked: string | undefined) => `没有签名检查点：请设置 TALLY_CHECKPOINT_KEY（在持久存储上），以发现尾部被截断的日志${unchecked ? `（${unchecked} 中的检查点未核对）` : ''}`,
    notSigned: (file: string) => `失败：${file} 中的检查点不是用 TALLY_CHECKPOINT_KEY 签名的（被改过，或用别的密钥签名）`,
    badCheckpoint: (p: number, why: string) => `失败：位置 ${p}：${why}`,
    holds: (at: string, p: number) => `${at} 的检查点（位置 ${p}）依然成立`,
    refused: (file: string) =>
      `拒绝：${file} 中没有检查点。如果这是该日志第一次签名核验，请运行 \`tally verify --init-checkpoint\`；如果之前有检查点，那它已被删除，此时签名等于认可日志现有的任何内容——请改为从你的副本恢复它。`,
    signed: (p: number, hash: string, file: string) => `已签署检查点：位置 ${p}，链头 ${hash} → ${file}`,
    keepCopy: '  请在别处另存一份副本：与日志一起被删除或回滚的检查点什么也证明不了',
  },
} as const;

export const run = async (argv: string[] = []): Promise<number> => {
  const a = parseArgs(argv);
  const initCheckpoint = a.flags.get('init-checkpoint') === true;
  const lang = readerLang(a, 'verify');
  if (!lang) return 2;
  const said = SAID[lang];
  const spec = process.env.TALLY_STORE || 'sqlite:./data/tally.db';
  const key = checkpointKeyOf(process.env);
  const file = checkpointFileOf(spec, process.env);
  // Opening a missing SQLite file would create an empty log, and an empty chain is "intact".
  const store = await openExistingStore(spec, 'tally verify');
  try {
    const t0 = performance.now();
    const r = await verifyLog(store);
    if (!r.ok) {
      console.error(said.badAt(r.badPosition, auditSaid(r.reason ?? '', lang), r.count));
      return 1;
    }
    const keys = await verifyKeys(store);
    if (!keys.ok) {
      console.error(said.badKeys(auditSaid(keys.reason, lang), r.count));
      return 1;
    }
    const s = ((performance.now() - t0) / 1000).toFixed(2);
    console.log(said.ok(r.count, r.head, keys.keys, keys.listed, s));
    if (!key || !file) {
      console.log(said.noCheckpoint(file && existsSync(file) ? file : undefined));
      return 0;
    }
    const previous = readCheckpoint(file);
    if (previous) {
      if (!isAuthentic(key, previous)) {
        console.error(said.notSigned(file));
        return 1;
      }
      const check = await checkAgainst(store, previous);
      if (!check.ok) {
        console.error(said.badCheckpoint(check.badPosition, auditSaid(check.reason, lang)));
        return 1;
      }
      console.log(said.holds(previous.signedAt, previous.position));
    } else if (!initCheckpoint) {
      console.error(said.refused(file));
      return 1;
    }
    const next = signCheckpoint(key, r.count, r.head, new Date().toISOString(), await keysDigest(store, r.count));
    writeCheckpoint(file, next);
    console.log(said.signed(next.position, next.hash, file));
    console.log(said.keepCopy);
    return 0;
  } finally {
    await store.close();
  }
};
