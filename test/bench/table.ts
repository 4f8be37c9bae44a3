// The benchmark table: one row per figure of SPEC §9, with its floor measured in the same run,
// the ratio between them and whether the target is met; printed as text or written as JSON.

export interface Row {
  readonly what: string;
  /** the measured figure, formatted, or 'n/a (…)' */
  readonly measured: string;
  readonly target: string;
  readonly floor: string;
  /** measured ÷ floor (or the ratio the target is about); null when there is no floor */
  readonly ratio: number | null;
  /** null: not measured */
  readonly met: boolean | null;
  /** raw numbers for comparing runs */
  readonly values?: Readonly<Record<string, number>>;
  readonly note?: string;
}

export const notAvailable = (what: string, target: string, why: string): Row => ({ what, measured: `n/a (${why})`, target, floor: '—', ratio: null, met: null });

export const perSecond = (n: number): string => `${Math.round(n).toLocaleString('en-US')}/s`;
export const ms = (n: number): string => `${n < 10 ? n.toFixed(2) : n.toFixed(1)} ms`;
export const mib = (bytes: number): string => `${(bytes / 2 ** 20).toFixed(0)} MiB`;
export const kb = (bytes: number): string => `${(bytes / 1000).toFixed(1)} kB`;

const cell = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - [...s].length));

export const renderTable = (rows: readonly Row[], header: string): string => {
  const cols = ['what', 'measured', 'target', 'floor (same run)', 'ratio', 'met'];
  const lines = rows.map((r) => [r.what, r.measured, r.target, r.floor, r.ratio === null ? '—' : r.ratio.toFixed(2), r.met === null ? '—' : r.met ? 'yes' : 'NO']);
  const widths = cols.map((c, i) => Math.max(c.length, ...lines.map((l) => [...l[i]].length)));
  const fmt = (l: string[]) => `| ${l.map((s, i) => cell(s, widths[i])).join(' | ')} |`;
  const notes = rows.filter((r) => r.note).map((r) => `  - ${r.what}: ${r.note}`);
  return [header, fmt(cols), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...lines.map(fmt), ...(notes.length ? ['', 'notes:', ...notes] : [])].join('\n');
};
