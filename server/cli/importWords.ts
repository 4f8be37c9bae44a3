// Why `tally import` refused a CSV row, in the reader's language (the terminal's, or --lang): the
// row checks of importCsvFormats.ts phrase by phrase, then whatever the command's decoder or the
// business rules said, as the API puts its problems (problemWords.ts). Column names and values are
// the file's own and stay as they are.
import type { Lang } from '../../core/incentives/calculate/describe';
import { sentenceIn } from '../http/problemWords';
import { sayBy, type Phrase } from '../../core/shared/phrases';


const ROW_ZH: readonly Phrase[] = [
  [/^(.+) is empty$/, (_, col) => `${col} 为空`],
  [/^(.+) '(.*)' is not a date in the format (.+)$/, (_, col, v, f) => `${col} '${v}' 不是格式为 ${f} 的日期`],
  [/^(.+) '(.*)' is not a date$/, (_, col, v) => `${col} '${v}' 不是日期`],
  [/^(.+) '(.*)' is not an amount in yuan \(at most 2 decimals\)$/, (_, col, v) => `${col} '${v}' 不是以元计的金额（最多两位小数）`],
  [/^(.+) '(.*)' is not an amount in fen$/, (_, col, v) => `${col} '${v}' 不是以分计的金额`],
  [/^(.+) '(.*)' is a negative amount$/, (_, col, v) => `${col} '${v}' 是负数金额`],
  [/^(.+) '(.*)' is too large$/, (_, col, v) => `${col} '${v}' 太大`],
  [/^(.+) '(.*)' is not a whole non-negative number$/, (_, col, v) => `${col} '${v}' 不是非负整数`],
  [/^unknown rep '(.+)' \(mapped from (.+) '(.*)'\)$/, (_, rep, col, v) => `未知的销售代表 '${rep}'（由 ${col} '${v}' 映射而来）`],
  [/^rep name '(.+)' is ambiguous; map it in mapping\.reps$/, (_, v) => `销售代表姓名 '${v}' 有重名；请在 mapping.reps 中指定`],
  [/^unknown rep '(.+)' in (.+)$/, (_, v, col) => `${col} 中的销售代表 '${v}' 不存在`],
  [/^the row names no customer \(customerId or customerName column\)$/, () => '该行没有客户（customerId 或 customerName 列）'],
  [/^customer id '(.+)' is not an id \(letters, digits, _ \. : -\)$/, (_, id) => `客户编号 '${id}' 不是有效编号（字母、数字、_ . : -）`],
  [/^unknown customer '(.+)' and no customer name to register it with$/, (_, id) => `未知的客户 '${id}'，且没有可用于登记的客户名称`],
  [/^unknown customer '(.+)' \(set registerCustomers in the mapping to register new customers\)$/, (_, id) => `未知的客户 '${id}'（在映射中设置 registerCustomers 可登记新客户）`],
  [/^(\S+) '(.+)' is not an id \(letters, digits, _ \. : -; at most 64\)$/, (_, field, id) => `${field} '${id}' 不是有效编号（字母、数字、_ . : -，最多 64 个字符）`],
  [/^deal '(.+)' closes \((.+)\) before it was created \((.+)\)$/, (_, id, close, created) => `商机 '${id}' 的成交（${close}）早于创建（${created}）`],
  [/^no pipeline stages are defined to open the closed deal in \(SetPipelineStages\)$/, () => '没有定义商机阶段，无法创建已关闭的商机（SetPipelineStages）'],
  [/^the rows of order '(.+)' disagree on its rep or date$/, (_, id) => `订单 '${id}' 的各行销售代表或日期不一致`],
  [/^expected (\d+) columns, got (\d+)$/, (_, want, got) => `应为 ${want} 列，实际为 ${got} 列`],
  [/^not valid CSV: a quoted cell is never closed$/, () => '不是有效的 CSV：有一个带引号的单元格没有闭合'],
  [/^not valid CSV: a quote ends a cell, but no comma follows it$/, () => '不是有效的 CSV：引号结束了一个单元格，但后面没有逗号'],
  [/^not valid CSV: (.+)$/, (_, why) => `不是有效的 CSV：${why}`],
  [/^unknown command type '(.+)'$/, (_, type) => `未知的命令类型 '${type}'`],
];

const sayRow = (reason: string): string => {
  const said = sayBy(ROW_ZH, reason);
  if (said !== undefined) return said;
  // a rule's refusal ends with its code in brackets, which stays
  const ruled = /^(.+) \(([a-z-]+)\)$/.exec(reason);
  if (ruled) return `${sentenceIn(ruled[1], 'zh-CN')}（${ruled[2]}）`;
  return sentenceIn(reason, 'zh-CN');
};

/** A rejected row's reason; `order 'SO-7', line 3: …` names the row of a many-row order. */
export const rowReasonIn = (reason: string, lang: Lang): string => {
  if (lang === 'en') return reason;
  const inOrder = /^order '(.+)', line (\d+): (.+)$/.exec(reason);
  return inOrder ? `订单 '${inOrder[1]}' 第 ${inOrder[2]} 行：${sayRow(inOrder[3])}` : sayRow(reason);
};

/** How many rows or lines were rejected for each code, most first: `bad-date 3, unknown-rep 1`. */
export const rejectedByCode = (rejected: readonly { code: string }[], lang: Lang): string => {
  const counts = new Map<string, number>();
  for (const r of rejected) counts.set(r.code, (counts.get(r.code) ?? 0) + 1);
  const list = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([code, n]) => `${code} ${n}`);
  return lang === 'en' ? `rejected by code: ${list.join(', ')}` : `按代码统计的拒绝：${list.join('，')}`;
};
