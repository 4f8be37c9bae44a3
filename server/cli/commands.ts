// Every `tally` command with the options it takes and its help, in one table: main.ts checks a
// command line against it (node:util parseArgs, strict) before the command runs, so a mistyped
// flag (`--dryrun`) stops with exit 2 instead of being ignored, and `--help` never starts or
// writes anything.
import type { Lang } from '../../core/incentives/calculate/describe';
import { columns, padEnd } from './columns';
import { HELP_FRAME, HELP_ZH, VALUE_ZH, type CommandWords, type ValueName } from './helpWords';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  /** what the value is, as help shows it after the option (`--out FILE`); helpWords.ts names it in Chinese */
  readonly value?: ValueName;
}

type Options = Readonly<Record<string, OptionSpec>>;

export interface CommandSpec {
  /** the command line's shape, after `tally` */
  readonly usage: string;
  readonly summary: string;
  /** more lines of help: what the command does, its options, an example */
  readonly details: readonly string[];
  readonly options: Options;
  /** how many positional arguments it takes */
  readonly positionals: { readonly min: number; readonly max: number; readonly name?: string };
  readonly load: () => Promise<{ run: (args: string[]) => Promise<number> }>;
}

const text = (value: ValueName, description: string) => ({ type: 'string' as const, description, value });
const on = (description: string) => ({ type: 'boolean' as const, description });
const none = { min: 0, max: 0 };
const lang = text('LANG', "zh-CN or en (default: the terminal's, from LC_ALL, LC_MESSAGES or LANG)");

export const COMMANDS: Record<string, CommandSpec> = {
  serve: {
    usage: 'serve',
    summary: 'start the server (npm start)',
    details: ['Configured by environment variables (README: Configuration); on an empty store it loads the demo company unless TALLY_DEMO=0.'],
    options: {},
    positionals: none,
    load: () => import('./serve'),
  },
  token: {
    usage: 'token --role R [--sub S] [--team T] [--ttl 1h]',
    summary: 'mint a bearer token (needs TALLY_JWT_SECRET)',
    details: ['A rep\'s --sub is its repId; a manager needs --sub (its own id) and --team.', 'Example: npx tally token --role manager --sub M-01 --team T-NORTH --ttl 8h'],
    options: ({ role: text('ROLE', 'admin, manager, rep or viewer'), sub: text('SUBJECT', 'the subject: a repId, a manager\'s id'), team: text('TEAM', 'the manager\'s team'), ttl: text('TTL', 'lifetime: 900s, 30m, 8h, 30d (at most TALLY_TOKEN_MAX_TTL)'), lang }),
    positionals: none,
    load: () => import('./token'),
  },
  verify: {
    usage: 'verify [--init-checkpoint]',
    summary: 'recompute the hash chain and hold every idempotency record against it; exit 1 naming the first bad position or key',
    details: ['With TALLY_CHECKPOINT_KEY, also checks the log against the last signed checkpoint and signs a new one; with no checkpoint file it refuses unless --init-checkpoint signs the first.'],
    options: ({ 'init-checkpoint': on('with TALLY_CHECKPOINT_KEY and no checkpoint yet: sign the first one'), lang }),
    positionals: none,
    load: () => import('./verify'),
  },
  replay: {
    usage: 'replay [--json] | replay --report review --period P [--as-of T] [--team T] [--at T] [--lang zh-CN|en] [--json]',
    summary: 'rebuild every read model from the log and report the speed, or print a review as known at T',
    details: ['Example: npx tally replay --report review --period 2026-10 --as-of 2026-11-01T09:00:00+08:00'],
    options: ({ json: on('print JSON'), report: text('REPORT', 'review'), period: text('PERIOD', 'a month, quarter or year: 2026-10, 2026-Q4, 2026'), 'as-of': text('TIME', 'recorded time: the review as it was known then'), team: text('TEAM', 'a team id'), at: text('TIME', 'business time to measure at'), lang }),
    positionals: none,
    load: () => import('./replay'),
  },
  import: {
    usage: 'import FILE [--dry-run] [--batch N] [--rejects FILE] | import FILE.csv --format zoho-deals|fxiaoke-orders|csv [--map mapping.json] [--encoding gbk|utf8]',
    summary: 'import NDJSON commands, a tally export file, or a CRM export (CSV)',
    details: ['NDJSON: one {"type","data"} per line. A tally export goes into an empty store, positions and hashes kept.', 'Rejected lines or rows go to FILE.rejected.ndjson / FILE.rejected.csv (or --rejects).'],
    options: ({
      'dry-run': on('check every line, append nothing'), batch: text('N', 'commands per append (default 500)'), rejects: text('FILE', 'where rejected lines go'),
      format: text('FORMAT', 'zoho-deals, fxiaoke-orders or csv'), map: text('FILE', 'a JSON column mapping'), encoding: text('ENCODING', 'gbk or utf8 (detected when absent)'),
      sealed: on('read FILE as a tally export'), progress: on('a progress bar even when stderr is no terminal'),
      lang: text('LANG', "zh-CN or en for the reasons and the summary (default: the terminal's, from LANG)"),
    }),
    positionals: { min: 1, max: 1, name: 'FILE' },
    load: () => import('./import'),
  },
  export: {
    usage: 'export [--out FILE]',
    summary: 'write the log as sealed events (NDJSON) for tally import',
    details: ['Without --out, to standard output.'],
    options: ({ out: text('FILE', 'the file to write'), lang }),
    positionals: none,
    load: () => import('./export'),
  },
  backup: {
    usage: 'backup --out FILE',
    summary: 'copy the SQLite store while the server runs, and check the copy\'s hash chain',
    details: ['Restore: stop the server, put FILE in the store\'s place (remove the old -wal and -shm files), start it. README: Backup and restore.'],
    options: { out: text('FILE', 'the new file to write (it must not exist)'), lang },
    positionals: none,
    load: () => import('./backup'),
  },
  'build-widgets': {
    usage: 'build-widgets',
    summary: 'write widgets/dist/tally.js and report its gzip size (npm run build)',
    details: [],
    options: {},
    positionals: none,
    load: () => import('./buildWidgets'),
  },
};

/** A command's words in the reader's language: commands.ts's own in English, helpWords.ts's in Chinese. */
const wordsOf = (name: string, lang: Lang): CommandWords => {
  const spec = COMMANDS[name];
  return lang === 'en' ? { summary: spec.summary, details: spec.details, options: Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, o.description])) } : HELP_ZH[name];
};

export const commandHelp = (name: string, lang: Lang = 'en'): string => {
  const spec = COMMANDS[name];
  const words = wordsOf(name, lang);
  const frame = HELP_FRAME[lang];
  // each value named (`--out FILE`, in Chinese `--out 文件`), padded by the columns a terminal gives it
  const named = (option: string, o: OptionSpec) => `  --${option}${o.value ? ` ${lang === 'en' ? o.value : VALUE_ZH[o.value]}` : ''}`;
  const options = Object.entries(spec.options).map(([option, o]) => `${padEnd(named(option, o), Math.max(24, columns(named(option, o)) + 2))}${words.options[option]}`);
  return [`${frame.usage}tally ${spec.usage}`, '', words.summary, ...words.details.map((d) => `  ${d}`), '', frame.options, ...options, `  ${'--help'.padEnd(22)}${frame.help}`].join('\n');
};

export const overview = (lang: Lang = 'en'): string =>
  [
    `${HELP_FRAME[lang].usage}tally <command> [options]`, '',
    ...Object.keys(COMMANDS).map((name) => `  ${name.padEnd(14)}${wordsOf(name, lang).summary}`), '',
    ...HELP_FRAME[lang].overview,
  ].join('\n');
