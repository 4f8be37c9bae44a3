// A setting that is wrong and a store that cannot be opened or written, said in Chinese: the
// messages of config.ts (ConfigError), store/select.ts and sqliteSchema.ts (StoreConfigError),
// a store refusing a write (StoreUnavailableError) and a port already taken (serve.ts), phrase by
// phrase. Variable names, values, paths and commands stay as typed.
import type { Phrase } from '../../core/shared/phrases';
import { describeStores } from '../store/select';

const DURATION_WHY_ZH: Readonly<Record<string, string>> = {
  'not an ISO-8601 duration': '不是 ISO-8601 时长',
  'years and months have no fixed length': '年和月没有固定长度',
  'a duration must not be negative': '时长不能为负',
};

/** What SQLite says when it refuses, as better-sqlite3 passes it on. */
const SQLITE_ZH: Readonly<Record<string, string>> = {
  'database is locked': '数据库被另一个进程锁住了（等待 10 秒后仍未释放）',
  'attempt to write a readonly database': '数据库是只读的',
  'database or disk is full': '数据库或磁盘已满',
  'disk I/O error': '磁盘读写出错',
};

/** How to free a port (serve.ts). */
const PORT_HINT_ZH: Readonly<Record<string, string>> = {
  'set PORT to a free one': '请把 PORT 设为空闲的端口',
  'the demo page takes PORT + 1 unless set': '演示页面默认使用 PORT + 1，除非另行设置',
};

const STORES_ZH = 'memory:、sqlite:路径（如 sqlite:./data/tally.db）或 esdb://主机:端口?tls=false';
const stores = (text: string) => (text === describeStores ? STORES_ZH : text);

export const CONFIG_ZH: readonly Phrase[] = [
  [/^(\S+)=(.*): expected a positive decimal such as (\S+)$/, (_, name, raw, eg) => `${name}=${raw}：应为正的十进制数，如 ${eg}`],
  [/^TALLY_PACE_AHEAD \((.+)\) ≥ TALLY_PACE_ON_TRACK \((.+)\) ≥ TALLY_PACE_AT_RISK \((.+)\) must hold$/, (_, a, b, c) => `必须满足 TALLY_PACE_AHEAD（${a}）≥ TALLY_PACE_ON_TRACK（${b}）≥ TALLY_PACE_AT_RISK（${c}）`],
  [/^(\S+)=(.*): (.+); expected an ISO-8601 duration such as P1D, PT12H or PT0S$/, (_, name, raw, why) => `${name}=${raw}：${DURATION_WHY_ZH[why] ?? why}；应为 ISO-8601 时长，如 P1D、PT12H 或 PT0S`],
  [/^(\S+)=(.*): expected a whole number ≥ (-?\d+)$/, (_, name, raw, min) => `${name}=${raw}：应为不小于 ${min} 的整数`],
  [/^(\S+)=(.*): expected a duration of at least a minute, such as 900s, 30m, 8h or 30d$/, (_, name, raw) => `${name}=${raw}：应为至少一分钟的时长，如 900s、30m、8h 或 30d`],
  [/^TALLY_BODY_TIMEOUT \((\d+)\) must be at least TALLY_HEADERS_TIMEOUT \((\d+)\)$/, (_, body, headers) => `TALLY_BODY_TIMEOUT（${body}）不能小于 TALLY_HEADERS_TIMEOUT（${headers}）`],
  [/^TALLY_DEMO_NOW=(.*): expected an ISO 8601 instant with its offset, e\.g\. (\S+)$/, (_, raw, eg) => `TALLY_DEMO_NOW=${raw}：应为带时区偏移的 ISO 8601 时间，如 ${eg}`],
  [/^TALLY_DEMO_NOW=(.*): later than now; the demo records nothing in the future$/, (_, raw) => `TALLY_DEMO_NOW=${raw}：晚于现在；演示数据不记录将来的事`],
  [/^TALLY_METRICS_TOKEN: give at least 32 visible ASCII characters \(e\.g\. (.+)\)$/, (_, eg) => `TALLY_METRICS_TOKEN：至少要 32 个可见的 ASCII 字符（例如 ${eg}）`],
  [/^(\S+)=(.*): expected 0 or 1$/, (_, name, raw) => `${name}=${raw}：应为 0 或 1`],
  [/^TALLY_TIMEZONE=(.*): not an IANA time zone \(e\.g\. Asia\/Shanghai\)$/, (_, raw) => `TALLY_TIMEZONE=${raw}：不是 IANA 时区（如 Asia/Shanghai）`],
  [/^TALLY_CURRENCY=(.*): expected an ISO 4217 code such as CNY$/, (_, raw) => `TALLY_CURRENCY=${raw}：应为 ISO 4217 货币代码，如 CNY`],
  [/^TALLY_JWT_SECRET is not set: give a secret of at least 32 bytes \(e\.g\. (.+)\)$/, (_, eg) => `没有设置 TALLY_JWT_SECRET：请给出至少 32 字节的密钥（例如 ${eg}）`],
  [/^TALLY_JWT_SECRET is shorter than 32 bytes: give a longer secret$/, () => 'TALLY_JWT_SECRET 不足 32 字节：请给出更长的密钥'],
  [/^TALLY_CHECKPOINT_KEY is shorter than 32 bytes: give a longer key \(e\.g\. (.+)\)$/, (_, eg) => `TALLY_CHECKPOINT_KEY 不足 32 字节：请给出更长的密钥（例如 ${eg}）`],
  [/^TALLY_CORS_ORIGINS: '(.*)' is not an origin like (\S+)$/, (_, o, eg) => `TALLY_CORS_ORIGINS：'${o}' 不是形如 ${eg} 的源`],
  [/^(.+) is not a Tally checkpoint$/, (_, file) => `${file} 不是 Tally 的检查点文件`],
  [/^(.+): that port is already in use \((.+)\)$/, (_, setting, hint) => `${setting}：该端口已被占用（${PORT_HINT_ZH[hint] ?? hint}）`],
  // the store
  [/^TALLY_STORE=(.*): a path is needed after sqlite: \((.+)\)$/, (_, spec, list) => `TALLY_STORE=${spec}：sqlite: 后面需要路径（${stores(list)}）`],
  [/^TALLY_STORE=(.*) is not a store this version knows; use (.+)$/, (_, spec, list) => `TALLY_STORE=${spec} 不是这个版本认识的存储；请使用 ${stores(list)}`],
  [/^(.+) is not a SQLite database \(TALLY_STORE=(.*)\)$/, (_, path, spec) => `${path} 不是 SQLite 数据库（TALLY_STORE=${spec}）`],
  [/^(.+) cannot be opened as a SQLite database \(TALLY_STORE=(.*)\): it is a directory, or its folder cannot be written$/, (_, path, spec) => `无法把 ${path} 作为 SQLite 数据库打开（TALLY_STORE=${spec}）：它是一个目录，或所在目录不可写`],
  [/^(.+) cannot be opened \(TALLY_STORE=(.*)\): (.+)$/, (_, path, spec, why) => `无法打开 ${path}（TALLY_STORE=${spec}）：${SQLITE_ZH[why] ?? why}`],
  [
    /^(.+) has schema version (\d+), and this Tally knows versions up to (\d+): it was written by a newer Tally\. Run that version \(or newer\) on it, or restore a backup this version made; nothing was changed$/,
    (_, path, v, known) => `${path} 的结构版本是 ${v}，而这个 Tally 只认识到版本 ${known}：它是更新的 Tally 写的。请用那个版本（或更新的版本）打开，或恢复这个版本做的备份；没有做任何改动`,
  ],
  [/^the event store refused the write: (.+)$/, (_, why) => `事件存储拒绝了写入：${SQLITE_ZH[why] ?? why}`],
  [/^the store is closed$/, () => '存储已关闭'],
];
