// `tally help` and each command's --help in Chinese, for a terminal whose locale is Chinese (or
// --lang zh-CN): every command's summary, its details and each of its options, keyed as in
// commands.ts (a test holds the two tables to the same commands and options). Command names,
// option names, values and examples are the command line's own and stay as they are.
import type { Lang } from '../../core/incentives/calculate/describe';

export interface CommandWords {
  readonly summary: string;
  readonly details: readonly string[];
  readonly options: Readonly<Record<string, string>>;
}

/** What an option's value is (commands.ts), named in Chinese after the option in help: `--out 文件`. */
export const VALUE_ZH = {
  ROLE: '角色',
  SUBJECT: '主体',
  TEAM: '团队',
  TTL: '有效期',
  LANG: '语言',
  REPORT: '报告',
  PERIOD: '期间',
  TIME: '时间',
  N: '条数',
  FILE: '文件',
  FORMAT: '格式',
  ENCODING: '编码',
} as const;

export type ValueName = keyof typeof VALUE_ZH;

const LANG_OPTION = '输出语言：zh-CN 或 en（默认取终端的语言，即 LC_ALL、LC_MESSAGES 或 LANG）';

export const HELP_ZH: Readonly<Record<string, CommandWords>> = {
  serve: {
    summary: '启动服务器（npm start）',
    details: ['由环境变量配置（README：Configuration）；存储为空时载入演示公司，除非 TALLY_DEMO=0。'],
    options: {},
  },
  token: {
    summary: '签发访问令牌（需要 TALLY_JWT_SECRET）',
    details: ['销售代表的 --sub 是其 repId；经理需要 --sub（本人的编号）和 --team。', '示例：npx tally token --role manager --sub M-01 --team T-NORTH --ttl 8h'],
    options: { role: 'admin、manager、rep 或 viewer', sub: '主体：销售代表的 repId、经理的编号', team: '经理所在的团队', ttl: '有效期：900s、30m、8h、30d（不超过 TALLY_TOKEN_MAX_TTL）', lang: LANG_OPTION },
  },
  verify: {
    summary: '重新计算哈希链，并逐一核对每条幂等记录；失败时退出码为 1，并指出第一个出错的位置或键',
    details: ['设置了 TALLY_CHECKPOINT_KEY 时，还会对照上一个签名检查点检查日志，并签署新的检查点；没有检查点文件时拒绝执行，除非用 --init-checkpoint 签署第一个。'],
    options: { 'init-checkpoint': '设置了 TALLY_CHECKPOINT_KEY 且尚无检查点时：签署第一个检查点', lang: LANG_OPTION },
  },
  replay: {
    summary: '从日志重建所有读模型并报告速度，或打印截至 T 所知的复盘',
    details: ['示例：npx tally replay --report review --period 2026-10 --as-of 2026-11-01T09:00:00+08:00'],
    options: {
      json: '输出 JSON', report: 'review', period: '月、季度或年：2026-10、2026-Q4、2026', 'as-of': '记录时间：复盘在那一刻所知的样子', team: '团队编号', at: '计量所用的业务时间', lang: LANG_OPTION,
    },
  },
  import: {
    summary: '导入 NDJSON 命令、tally 导出文件或 CRM 导出文件（CSV）',
    details: ['NDJSON：每行一个 {"type","data"}。tally 导出文件导入空存储，位置和哈希保持不变。', '被拒绝的行写入 FILE.rejected.ndjson / FILE.rejected.csv（或 --rejects 指定的文件），每行带稳定的代码和原因。'],
    options: {
      'dry-run': '检查每一行，不追加任何内容', batch: '每次追加的命令数（默认 500）', rejects: '被拒绝的行写到哪里', format: 'zoho-deals、fxiaoke-orders 或 csv', map: 'JSON 格式的列映射',
      encoding: 'gbk 或 utf8（不指定时自动检测）', sealed: '把 FILE 当作 tally 导出文件读取', progress: '即使 stderr 不是终端也显示进度条', lang: '原因和汇总的语言：zh-CN 或 en（默认取终端的语言，即 LC_ALL、LC_MESSAGES 或 LANG）',
    },
  },
  export: {
    summary: '把日志写成封存事件（NDJSON），供 tally import 使用',
    details: ['不指定 --out 时写到标准输出。'],
    options: { out: '要写入的文件', lang: LANG_OPTION },
  },
  backup: {
    summary: '在服务器运行时复制 SQLite 存储，并检查副本的哈希链',
    details: ['恢复：停止服务器，把 FILE 放到存储的位置（删除旧的 -wal 和 -shm 文件），再启动。README：Backup and restore。'],
    options: { out: '要写入的新文件（不能已存在）', lang: LANG_OPTION },
  },
  'build-widgets': {
    summary: '写出 widgets/dist/tally.js 并报告其 gzip 大小（npm run build）',
    details: [],
    options: {},
  },
};

/** The help's own words around the commands' texts. */
export const HELP_FRAME: Readonly<Record<Lang, { usage: string; options: string; help: string; overview: readonly string[] }>> = {
  en: {
    usage: 'usage: ',
    options: 'options:',
    help: 'this help',
    overview: ['  tally help COMMAND, or tally COMMAND --help: its options', '  tally --version: the version', '', 'TALLY_STORE selects the store for each (default sqlite:./data/tally.db).', "Output is in the terminal's language (LC_ALL, LC_MESSAGES or LANG), or as --lang zh-CN|en says."],
  },
  'zh-CN': {
    usage: '用法：',
    options: '选项：',
    help: '显示本帮助',
    overview: ['  tally help 命令，或 tally 命令 --help：该命令的选项', '  tally --version：版本号', '', '每个命令都由 TALLY_STORE 选择存储（默认 sqlite:./data/tally.db）。', '输出语言取终端的语言（LC_ALL、LC_MESSAGES 或 LANG），或由 --lang zh-CN|en 指定。'],
  },
};
