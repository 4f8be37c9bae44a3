// A small flag reader: --name value, --flag, and positional arguments. An option that takes no
// value in any command (commands.ts: --sealed, --dry-run, --json …) never takes the word after it,
// so `import --sealed FILE` reads FILE as the file, as main.ts's strict check already did.
import { ConfigError } from '../config';
import { COMMANDS } from './commands';

const SWITCHES: ReadonlySet<string> = new Set(Object.values(COMMANDS).flatMap((c) => Object.entries(c.options).filter(([, o]) => o.type === 'boolean').map(([name]) => name)));

export interface Args {
  readonly positional: string[];
  readonly flags: Map<string, string | true>;
}

export const parseArgs = (argv: readonly string[]): Args => {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const [k, inline] = a.slice(2).split('=', 2);
      if (inline !== undefined) flags.set(k, inline);
      else if (!SWITCHES.has(k) && i + 1 < argv.length && !argv[i + 1].startsWith('--')) flags.set(k, argv[++i]);
      else flags.set(k, true);
    } else positional.push(a);
  }
  return { positional, flags };
};

export const flag = (a: Args, name: string): string | undefined => {
  const v = a.flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** A count option (--batch N): the fallback when absent, at most `max`; anything but a whole number ≥ 1 is refused, said as main.ts says a wrong setting. */
export const countFlag = (a: Args, name: string, fallback: number, max: number): number => {
  const raw = flag(a, name);
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new ConfigError(`--${name}: expected a whole number ≥ 1, got '${raw}'`);
  return Math.min(max, Number(raw));
};
