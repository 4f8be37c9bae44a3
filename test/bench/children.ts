// Child processes of the bench: TypeScript files run with tsx and --expose-gc, on loopback,
// talking over IPC — servers that say { type: 'ready', port }, workers that send one result.
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const EXEC_ARGV = ['--import', 'tsx', '--expose-gc'];

export interface Child {
  readonly process: ChildProcess;
  readonly port: number;
  readonly url: string;
  /** ask something over IPC and wait for the answer of that type */
  ask<T>(message: { type: string } & Record<string, unknown>, answer: string): Promise<T>;
  stop(): Promise<void>;
}

/** Fork a TypeScript file with tsx and --expose-gc (and `nodeFlags`); resolves once it says { type: 'ready', port }. */
export const startChild = (file: string, env: Record<string, string> = {}, startTimeoutMs = 180_000, nodeFlags: readonly string[] = []): Promise<Child> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(file, import.meta.url)), [], {
      cwd: ROOT,
      execArgv: [...EXEC_ARGV, ...nodeFlags],
      env: { ...process.env, ...env },
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file} did not start within ${startTimeoutMs / 1000} s`));
    }, startTimeoutMs);
    child.once('exit', (code) => reject(new Error(`${file} exited with ${code} before it was ready`)));
    child.on('message', function ready(m: { type: string; port: number }) {
      if (m.type !== 'ready') return;
      clearTimeout(timer);
      child.off('message', ready);
      child.removeAllListeners('exit');
      resolve({
        process: child,
        port: m.port,
        url: `http://127.0.0.1:${m.port}`,
        ask: <T>(message: { type: string }, answer: string) =>
          new Promise<T>((res) => {
            const on = (r: { type: string }) => {
              if (r.type !== answer) return;
              child.off('message', on);
              res(r as T);
            };
            child.on('message', on);
            child.send(message);
          }),
        stop: () =>
          new Promise<void>((res) => {
            if (child.exitCode !== null) return res();
            child.once('exit', () => res());
            child.kill('SIGTERM');
            setTimeout(() => child.kill('SIGKILL'), 5000).unref();
          }),
      });
    });
  });

/** Run a worker to its one result message. */
export const runWorker = <T>(file: string, args: string[], env: Record<string, string> = {}): Promise<T> =>
  new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL(file, import.meta.url)), args, { cwd: ROOT, execArgv: EXEC_ARGV, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let result: T | undefined;
    child.once('message', (m) => (result = m as T));
    child.once('exit', (code) => (result !== undefined ? resolve(result) : reject(new Error(`${file} ${args[0] ?? ''} exited with ${code} and no result`))));
  });
