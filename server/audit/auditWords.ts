// Why the log does not hold, in the reader's language: the hash chain's reasons (hashChain.ts), an
// idempotency record that names no command (verifyKeys.ts), a checkpoint the log no longer reaches
// (checkpoint.ts), a sealed event that does not continue the log (store/sealed.ts), and why a
// sealed import stopped (cli/importSealed.ts). The reasons are written in English where they are
// found and said in Chinese here, phrase by phrase, for `tally verify`, `tally backup`, `tally
// import` and GET /api/audit/verify. Positions, hashes, keys and times stay as they are.
import type { Lang } from '../../core/incentives/calculate/describe';
import { sayBy, type Phrase } from '../../core/shared/phrases';
import { jsonMistakeZh } from '../jsonMistake';

/** What an idempotency record says wrongly (verifyKeys.ts faultOf). */
const RECORD_FAULT_ZH: readonly Phrase[] = [
  [/^names (.+), but every keyed command appended at least one event$/, (_, what) => `写的是 ${what}，但每条带键的命令都至少追加了一个事件`],
  [/^names positions (.+), which are not one command's consecutive events$/, (_, list) => `写的位置 ${list} 不是同一条命令的连续事件`],
  [/^names position (\d+), which holds no event of that key and sender$/, (_, p) => `写的是位置 ${p}，但该位置没有这个键和发送者的事件`],
  [/^leaves out position (\d+), an event of the same command$/, (_, p) => `漏掉了位置 ${p}，那是同一条命令的事件`],
];

/** Why a sealed event does not continue a log (store/sealed.ts mismatch). */
const SEALED_ZH: readonly Phrase[] = [
  [/^position (\d+) where (\d+) was expected$/, (_, p, e) => `出现的是位置 ${p}，应为位置 ${e}`],
  [/^prevHash does not link to the head of this log$/, () => 'prevHash 没有连到这个日志的链头'],
  [/^revision (\d+) of (\S+) where (\d+) was expected$/, (_, r, stream, e) => `${stream} 的版本号为 ${r}，应为 ${e}`],
  [/^idempotency key '(.*)' is already in the log$/, (_, key) => `幂等键 '${key}' 已在日志中`],
];

const AUDIT_ZH: readonly Phrase[] = [
  // the hash chain
  [/^position (\d+) where (\d+) was expected \(gap or reorder\)$/, (_, p, e) => `出现的是位置 ${p}，应为位置 ${e}（有缺口或顺序错乱）`],
  [/^prevHash does not link to the previous event$/, () => 'prevHash 没有连到前一个事件'],
  [/^hash does not match the event content$/, () => '哈希与事件内容不符（内容被改过）'],
  // idempotency records
  [/^the idempotency record of key '(.*)' (.+)$/, (_, key, fault) => `键 '${key}' 的幂等记录${sayBy(RECORD_FAULT_ZH, fault) ?? fault}`],
  [/^(\d+) idempotency records, but only (\d+) commands in the log carry their key$/, (_, n, m) => `有 ${n} 条幂等记录，但日志中只有 ${m} 条命令带有它们的键`],
  // signed checkpoints
  [/^the log ends at position (\d+), but the checkpoint signed at (\S+) saw it reach (\d+): events were removed from its tail$/, (_, end, at, reach) => `日志止于位置 ${end}，但 ${at} 签署的检查点见到它到达 ${reach}：尾部的事件被删除了`],
  [/^the event at position (\d+) is not the one the checkpoint signed at (\S+): history was rewritten$/, (_, p, at) => `位置 ${p} 的事件不是 ${at} 签署的检查点所见的那个：历史被改写了`],
  [
    /^the idempotency records of positions 1–(\d+) are not those the checkpoint signed at (\S+): a record was edited \(its body digest or positions\), removed or added$/,
    (_, p, at) => `位置 1–${p} 的幂等记录与 ${at} 签署的检查点所见的不同：有记录被修改（内容摘要或位置）、删除或添加`,
  ],
  // sealed events and the import of an export
  [/^sealed event at position (\d+) does not continue this log: (.+)$/, (_, p, why) => `位置 ${p} 的封存事件接不上这个日志：${sayBy(SEALED_ZH, why) ?? said(why)}`],
  [/^line (\d+) is not JSON: (.+)$/, (_, n, mistake) => `第 ${n} 行不是有效的 JSON：${jsonMistakeZh(mistake)}`],
  [/^line (\d+) is neither a sealed event nor the idempotency record of the command before it$/, (_, n) => `第 ${n} 行既不是封存事件，也不是前一条命令的幂等记录`],
  [/^the export itself is broken at position (\d+): (.+)$/, (_, p, why) => `导出文件本身在位置 ${p} 处断开：${said(why)}`],
  [/^the store is not empty \((\d+) events\) and does not hold the start of this export: sealed import needs an empty store$/, (_, n) => `存储不是空的（${n} 个事件），也不含这个导出文件的开头：封存导入需要空的存储`],
  [/^the store holds (\d+) events, more than this export: sealed import needs an empty store$/, (_, n) => `存储中有 ${n} 个事件，比这个导出文件还多：封存导入需要空的存储`],
  [/^the (\S+) store cannot take sealed events$/, (_, kind) => `${kind} 存储不能接收封存事件`],
  [/^the chain breaks at position (\d+): (.+)$/, (_, p, why) => `哈希链在位置 ${p} 处断开：${said(why)}`],
  [/^the store ends at (\d+) \((\w*)\), the export at (\d+) \((\w*)\)$/, (_, a, ha, b, hb) => `存储止于位置 ${a}（${ha}），导出文件止于位置 ${b}（${hb}）`],
  [/^(\d+) idempotency keys are missing$/, (_, n) => `缺少 ${n} 个幂等键`],
];

const said = (text: string): string => sayBy(AUDIT_ZH, text) ?? text;

/** A reason the log, its keys, a checkpoint or an export does not hold, in the reader's language. */
export const auditSaid = (text: string, lang: Lang): string => (lang === 'en' ? text : said(text));
