// A real `tally serve` in a child process on loopback, on a SQLite file, for the crash tests:
// started, killed with SIGKILL, restarted — optionally under a file-size limit (`ulimit -f`),
// the way a full disk looks to SQLite.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const CRASH_SECRET = 'crash-test-secret-that-is-long-enough-for-hs256';

export interface RunningTally {
  readonly url: string;
  readonly process: ChildProcess;
  /** what the server wrote to stdout and stderr, for failure messages */
  readonly output: () => string;
  /** kill -9, and wait until the process is gone */
  kill(): Promise<void>;
}

export interface StartOptions {
  /** RLIMIT_FSIZE in bytes for every file the server writes */
  readonly fileSizeLimitBytes?: number;
  readonly timeoutMs?: number;
}

export const startTally = (dbPath: string, o: StartOptions = {}): Promise<RunningTally> => {
  const env = {
    ...process.env,
    TALLY_STORE: `sqlite:${dbPath}`,
    TALLY_DEMO: '0',
    TALLY_JWT_SECRET: CRASH_SECRET,
    TALLY_RATE_LIMIT: String(1e9),
    PORT: '0',
    HOST: '127.0.0.1',
  };
  const bin = ['bin/tally.mjs', 'serve'];
  // dash's ulimit -f counts 512-byte blocks; Node itself ignores SIGXFSZ, so a write past the
  // limit fails with EFBIG instead of killing the server
  const child =
    o.fileSizeLimitBytes === undefined
      ? spawn(process.execPath, bin, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      : spawn('sh', ['-c', `ulimit -f ${Math.ceil(o.fileSizeLimitBytes / 512)} && exec "$0" "$@"`, process.execPath, ...bin], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`tally serve did not start within ${(o.timeoutMs ?? 60_000) / 1000} s:\n${output}`));
    }, o.timeoutMs ?? 60_000);
    const early = (code: number | null, signal: string | null) => {
      clearTimeout(timer);
      reject(new Error(`tally serve exited (${code ?? signal}) before it listened:\n${output}`));
    };
    child.once('exit', early);
    child.stdout!.on('data', function listening() {
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(output);
      if (!m) return;
      clearTimeout(timer);
      child.stdout!.off('data', listening);
      child.off('exit', early);
      resolve({
        url: `http://127.0.0.1:${m[1]}`,
        process: child,
        output: () => output,
        kill: async () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
          await exited;
        },
      });
    });
  });
};
