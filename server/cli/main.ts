// `tally <command>`: the commands and their options are in commands.ts. A command line is checked
// against its command's options before anything runs: unknown options, missing values and extra
// arguments exit 2 naming them; `--help` and `tally help` print and exit without starting or
// writing anything; a file that cannot be read or written is one line, not a stack trace.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError } from '../config';
import { StoreConfigError, StoreUnavailableError } from '../store/port';
import { COMMANDS, commandHelp, overview } from './commands';
import { fileProblem, suggestOption } from './cliErrors';
import { cliSaid } from './cliWords';
import { terminalLang } from './terminalLang';
import { LANGS, type Lang } from '../../core/incentives/calculate/describe';

const [name, ...args] = process.argv.slice(2);
// the reader's language, for help and mistakes too: --lang when it names one we write, else the terminal's
const langAt = args.findIndex((x) => x === '--lang' || x.startsWith('--lang='));
const asked = langAt < 0 ? undefined : args[langAt].startsWith('--lang=') ? args[langAt].slice('--lang='.length) : args[langAt + 1];
const lang: Lang = (LANGS as readonly (string | undefined)[]).includes(asked) ? (asked as Lang) : terminalLang();

const usageError = (message: string, name?: string): never => {
  console.error(`tally${name ? ` ${name}` : ''}: ${cliSaid(message, lang)}`);
  console.error(cliSaid(name ? `see: tally ${name} --help` : 'see: tally help', lang));
  process.exit(2);
};

const version = (): string => (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;

if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
  const about = name === 'help' ? args[0] : undefined;
  if (about !== undefined && !(about in COMMANDS)) usageError(`unknown command '${about}'`);
  console.log(about !== undefined ? commandHelp(about, lang) : overview(lang));
  process.exit(0);
}
if (name === '--version' || name === '-v' || name === 'version') {
  console.log(version());
  process.exit(0);
}
if (!Object.hasOwn(COMMANDS, name)) usageError(`unknown command '${name}'`);
if (args.includes('--help') || args.includes('-h')) {
  console.log(commandHelp(name, lang));
  process.exit(0);
}

const spec = COMMANDS[name];
try {
  const options = Object.fromEntries(Object.entries(spec.options).map(([k, o]) => [k, { type: o.type }]));
  const { positionals } = parseArgs({ args, options, strict: true, allowPositionals: true });
  if (positionals.length < spec.positionals.min) usageError(`${spec.positionals.name ?? 'an argument'} is missing`, name);
  if (positionals.length > spec.positionals.max) usageError(`unexpected argument '${positionals[spec.positionals.max]}'`, name);
} catch (e) {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  if (!code.startsWith('ERR_PARSE_ARGS')) throw e;
  usageError(suggestOption((e as Error).message, Object.keys(spec.options)), name);
}

try {
  const code = await (await spec.load()).run(args);
  if (name !== 'serve') process.exit(code);
} catch (e) {
  const file = fileProblem(e);
  if (file) {
    console.error(`tally ${name}: ${cliSaid(file, lang)}`);
    process.exit(1);
  }
  if (e instanceof ConfigError || e instanceof StoreConfigError) usageError(e.message, name);
  // a store that refuses a write (locked by another process, read-only, full): one line, not a stack trace
  if (e instanceof StoreUnavailableError) {
    console.error(`tally ${name}: ${cliSaid(e.message, lang)}`);
    process.exit(1);
  }
  throw e;
}
