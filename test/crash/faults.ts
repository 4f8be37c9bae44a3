// Storage faults beyond kill -9: a disk that fills up (a file-size limit on the server, so SQLite's
// writes fail the way they do on a full disk) and a torn or corrupt last page of the WAL after a
// crash. Each returns what went wrong, in words; [] when nothing did.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readSync, statSync, truncateSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { adminToken, logProblems, readLog, seedCompany, sleep, startWriters, verify, writeSome } from './client';
import { startTally } from './server';

const WAL_HEADER = 32;
const FRAME_HEADER = 24;

/** The page size recorded in a WAL file's header (bytes 8–11, big-endian). */
const walPageSize = (path: string): number => {
  const header = Buffer.alloc(WAL_HEADER);
  const fd = openSync(path, 'r');
  readSync(fd, header, 0, WAL_HEADER, 0);
  closeSync(fd);
  return header.readUInt32BE(8);
};

const logChecks = async (url: string, token: string, acked: Parameters<typeof logProblems>[1], tailMayBeLost = false) => {
  const log = await readLog(url, token);
  const problems = logProblems(log, acked, { tailMayBeLost });
  const verdict = await verify(url, token);
  if (!verdict.ok || verdict.count !== log.length) problems.push(`audit/verify: ${JSON.stringify(verdict)} for a log of ${log.length}`);
  return { log, problems };
};

/** A tmpfs of `bytes` at `path`, when this process may mount one (root in a VM or container with CAP_SYS_ADMIN). */
const mountTmpfs = (path: string, bytes: number) => {
  mkdirSync(path, { recursive: true });
  const mount = (options: string) => spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', path], { stdio: 'ignore' }).status === 0;
  if (!mount(`size=${bytes}`)) return undefined;
  return {
    grow: () => spawnSync('mount', ['-o', 'remount,size=64m', path], { stdio: 'ignore' }).status === 0,
    unmount: () => void spawnSync('umount', [path], { stdio: 'ignore' }),
  };
};

/**
 * Writers until the disk is full — a tmpfs that size where one can be mounted (ENOSPC: SQLite's
 * SQLITE_FULL), else a file-size limit on the server (EFBIG: SQLITE_IOERR_WRITE) — every refusal
 * must be a 503 problem+json, and after a restart with room again every acknowledged event is there.
 */
export const diskFills = async (dir: string, limitBytes = 768 * 1024): Promise<{ problems: string[]; refused: number; acked: number; how: 'tmpfs' | 'ulimit' }> => {
  const token = await adminToken();
  const tmpfs = mountTmpfs(join(dir, 'disk'), limitBytes);
  const dbPath = join(dir, 'disk', 'full.db');
  const how = tmpfs ? 'tmpfs' : 'ulimit';
  let server = await startTally(dbPath, tmpfs ? {} : { fileSizeLimitBytes: limitBytes });
  const problems: string[] = [];
  try {
    await seedCompany(server.url, token);
    const writing = startWriters(server.url, token, 'full');
    const t0 = performance.now();
    while (writing.refusals.length < 50 && performance.now() - t0 < 30_000) await sleep(20);
    writing.stop();
    await writing.done;
    if (writing.refusals.length === 0) problems.push(`no write was refused within 30 s on a ${limitBytes}-byte disk (${how}; ${writing.acked.length} acknowledged)`);
    for (const r of writing.refusals.slice(0, 200)) {
      const body = r.body as { status?: number; title?: string };
      if (r.status !== 503 || !r.type.startsWith('application/problem+json') || body.status !== 503) {
        problems.push(`a write on a full disk was answered ${r.status} ${r.type} ${JSON.stringify(body).slice(0, 200)}, not 503 problem+json`);
        break;
      }
    }
    await server.kill();
    if (tmpfs && !tmpfs.grow()) problems.push('the tmpfs could not be given room again');
    server = await startTally(dbPath);
    problems.push(...(await logChecks(server.url, token, writing.acked)).problems);
    return { problems, refused: writing.refusals.length, acked: writing.acked.length, how };
  } finally {
    await server.kill();
    tmpfs?.unmount();
  }
};

/**
 * kill -9 while writing, then damage the WAL's last frame — cut it short, or overwrite bytes of its
 * page — and restart: SQLite's recovery drops the damaged transaction, the server starts, the log
 * left is gap-free and verifies, and every event still there is the one that was acknowledged.
 */
export const walDamaged = async (dbPath: string, damage: 'truncate' | 'corrupt'): Promise<{ problems: string[]; walBytes: number; before: number; after: number }> => {
  const token = await adminToken();
  let server = await startTally(dbPath);
  try {
    await seedCompany(server.url, token);
    const writing = startWriters(server.url, token, damage);
    const t0 = performance.now();
    while (writing.acked.length < 200 && performance.now() - t0 < 30_000) await sleep(10);
    await server.kill();
    await writing.done;
    const wal = `${dbPath}-wal`;
    const walBytes = statSync(wal).size;
    const pageSize = walPageSize(wal);
    const frame = FRAME_HEADER + pageSize;
    if (walBytes < WAL_HEADER + 2 * frame) return { problems: [`the WAL holds ${walBytes} bytes after the crash: nothing to damage`], walBytes, before: 0, after: 0 };
    const frames = Math.floor((walBytes - WAL_HEADER) / frame);
    const lastFrame = WAL_HEADER + (frames - 1) * frame;
    if (damage === 'truncate') truncateSync(wal, lastFrame + FRAME_HEADER + 1000);
    else {
      const fd = openSync(wal, 'r+');
      writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, lastFrame + FRAME_HEADER + 2000);
      closeSync(fd);
    }
    const before = Math.max(0, ...writing.acked.map((a) => a.position));
    server = await startTally(dbPath);
    const { log, problems } = await logChecks(server.url, token, writing.acked, true);
    // and the log goes on from where recovery left it
    const more = await writeSome(server.url, token, `${damage}-after`);
    if (more.acked.length === 0) problems.push(`no write was acknowledged after the restart (${more.refusals.length} refused)`);
    problems.push(...(await logChecks(server.url, token, more.acked)).problems);
    return { problems, walBytes, before, after: log.length };
  } finally {
    await server.kill();
  }
};
