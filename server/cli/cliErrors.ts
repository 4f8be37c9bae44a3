// The CLI's errors in one line each: a mistyped option with the option it most likely meant, and
// a file that cannot be read or written with what is wrong with it.

const distance = (a: string, b: string): number => {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length];
};

/** node:util parseArgs' message, shortened, with the known option nearest to an unknown one. */
export const suggestOption = (message: string, known: readonly string[]): string => {
  const unknown = /^Unknown option '(-{1,2}[^']+)'/.exec(message);
  if (unknown) {
    const typed = unknown[1].replace(/^-+/, '');
    const near = known.map((k) => ({ k, d: distance(typed, k) })).sort((x, y) => x.d - y.d)[0];
    const hint = near && near.d <= Math.max(2, Math.floor(typed.length / 3)) ? ` (did you mean --${near.k}?)` : '';
    return `unknown option ${unknown[1]}${hint}`;
  }
  const missing = /^Option '(-{1,2}[^ ']+)[^']*' argument (missing|is ambiguous)/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  const unexpected = /^Unexpected argument '([^']+)'/.exec(message);
  if (unexpected) return `unexpected argument '${unexpected[1]}'`;
  return message.split('. ')[0];
};

const WHAT: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'already exists',
};

/** "PATH: what is wrong" for an error of the file system; undefined for any other error. */
export const fileProblem = (e: unknown): string | undefined => {
  const err = e as NodeJS.ErrnoException;
  if (!err || typeof err.code !== 'string' || !(err.code in WHAT) || typeof err.path !== 'string') return undefined;
  return `${err.path}: ${WHAT[err.code]}`;
};
