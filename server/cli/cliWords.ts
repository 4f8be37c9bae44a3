// The command line's own mistakes (main.ts, cliErrors.ts) in the reader's language: a mistyped
// option, a missing value, an extra argument, a file that cannot be read or written. Option names,
// paths and values stay as typed.
import type { Lang } from '../../core/incentives/calculate/describe';
import { sayBy, type Phrase } from '../../core/shared/phrases';
import { sentenceIn } from '../http/problemWords';
import { CONFIG_ZH } from './configWords';

const FILE_ZH: Readonly<Record<string, string>> = {
  'no such file or directory': '文件或目录不存在',
  'permission denied': '没有权限',
  'operation not permitted': '不允许该操作',
  'is a directory': '是一个目录',
  'a part of the path is not a directory': '路径中有一部分不是目录',
  'read-only file system': '文件系统只读',
  'no space left on the device': '设备上没有剩余空间',
  'already exists': '已存在',
};

const CLI_ZH: readonly Phrase[] = [
  [/^unknown command '(.+)'$/, (_, name) => `未知的命令 '${name}'`],
  [/^unknown option (\S+) \(did you mean (\S+)\?\)$/, (_, typed, near) => `未知的选项 ${typed}（是不是想用 ${near}？）`],
  [/^unknown option (\S+)$/, (_, typed) => `未知的选项 ${typed}`],
  [/^(\S+) needs a value$/, (_, option) => `${option} 需要一个值`],
  [/^unexpected argument '(.*)'$/, (_, arg) => `多余的参数 '${arg}'`],
  [/^an argument is missing$/, () => '缺少参数'],
  [/^(\S+) is missing$/, (_, what) => `缺少 ${what}`],
  [/^see: (.+)$/, (_, what) => `参见：${what}`],
  // tally replay --report review's options (reviewReport.ts)
  [/^--report (.*): the report this command knows is 'review'$/, (_, r) => `--report ${r}：这个命令只认识 'review' 报告`],
  [/^--period: a month \(2026-06\), a quarter \(2026-Q2\) or a year \(2026\) of 1900–2999, got '(.*)'$/, (_, p) => `--period：应为 1900–2999 年的月（2026-06）、季度（2026-Q2）或年（2026），实际为 '${p}'`],
  [/^(--as-of|--at): an ISO 8601 instant with offset(?: \((.+)\))?, got '(.*)'$/, (_, o, eg, v) => `${o}：应为带时区偏移的 ISO 8601 时间${eg ? `，如 ${eg}` : ''}；实际为 '${v}'`],
  // tally import's own options and its column mapping (importCsvFormats.ts parseMapping)
  [/^--format must be one of (.+)$/, (_, list) => `--format 必须是 ${list} 之一`],
  [/^--encoding takes gbk or utf8 \(default: detected\)$/, () => '--encoding 取 gbk 或 utf8（默认自动检测）'],
  [/^the mapping must be a JSON object$/, () => '映射必须是 JSON 对象'],
  [/^mapping: unknown key '(.+)' \(known: (.+)\)$/, (_, key, known) => `映射：未知的键 '${key}'（已知的键：${known}）`],
  [/^(mapping\.\S+): expected an object of strings$/, (_, at) => `${at}：应为值都是字符串的对象`],
  [/^mapping\.amountUnit: expected 'major' or 'minor'$/, () => "mapping.amountUnit：应为 'major' 或 'minor'"],
  [/^mapping\.dateFormat: expected a luxon format such as yyyy\/MM\/dd$/, () => 'mapping.dateFormat：应为 luxon 日期格式，如 yyyy/MM/dd'],
  [/^mapping\.command: the generic csv format needs the command type each row becomes$/, () => 'mapping.command：通用 csv 格式需要指定每一行变成的命令类型'],
  [/^mapping\.fields: expected (.+)$/, (_, shape) => `mapping.fields：应为 ${shape}`],
  [/^(mapping\.fields\.\S+): expected a column name$/, (_, at) => `${at}：应为列名`],
  [/^there is no store at (.+) \(TALLY_STORE=(\S+)\); run (.+) where the server keeps its data, or set TALLY_STORE$/, (_, path, spec, cmd) => `${path} 处没有存储（TALLY_STORE=${spec}）；请在服务器存放数据的目录运行 ${cmd}，或设置 TALLY_STORE`],
  [/^(.+): (no such file or directory|permission denied|operation not permitted|is a directory|a part of the path is not a directory|read-only file system|no space left on the device|already exists)$/, (_, path, what) => `${path}：${FILE_ZH[what]}`],
];

/** A line of the command line's own, said in the reader's language: its phrase here, else the problems' (a value a setting or option expects), else as written. */
export const cliSaid = (text: string, lang: Lang): string => (lang === 'en' ? text : (sayBy([...CLI_ZH, ...CONFIG_ZH], text) ?? sentenceIn(text, lang)));
