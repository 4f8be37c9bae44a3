// The command line as a user types it: help that starts nothing, a version, and mistakes (a
// mistyped option, a missing value, an extra argument, a file that is not there) answered in one
// line with exit 2 (usage) or 1 (the file), never ignored and never a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const BIN = join(__dirname, '../../bin/tally.mjs');
const cwd = mkdtempSync(join(tmpdir(), 'tally-cli-'));
afterAll(() => rmSync(cwd, { recursive: true, force: true }));

const run = (store: string, args: string[]) => {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, env: { PATH: process.env.PATH, TALLY_STORE: store }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const tally = (...args: string[]) => run(`sqlite:${join(cwd, 'data/t.db')}`, args);

describe('tally on the command line', () => {
  it('--help starts nothing and writes nothing, for every command; help and --version answer', () => {
    for (const name of ['serve', 'token', 'verify', 'replay', 'import', 'export', 'build-widgets']) {
      const r = tally(name, '--help');
      expect([r.code, r.out.split('\n')[0]], name).toEqual([0, expect.stringMatching(new RegExp(`^usage: tally ${name}`))]);
    }
    expect(existsSync(join(cwd, 'data'))).toBe(false); // serve --help loaded no demo into a store
    expect(tally('import', '--help').out).toContain('--dry-run');
    const overview = tally('help');
    expect([overview.code, overview.out]).toEqual([0, expect.stringContaining('build-widgets')]);
    expect(tally('help', 'token').out).toContain('--ttl TTL');
    const version = tally('--version');
    expect([version.code, version.out.trim()]).toEqual([0, JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')).version]);
  }, 240_000);

  it('refuses a mistyped option, a missing value and an extra argument with exit 2, naming them', () => {
    const typo = tally('import', 'x.ndjson', '--dryrun');
    expect([typo.code, typo.err.split('\n')[0]]).toEqual([2, 'tally import: unknown option --dryrun (did you mean --dry-run?)']);
    const missing = tally('token', '--role');
    expect([missing.code, missing.err.split('\n')[0]]).toEqual([2, 'tally token: --role needs a value']);
    const extra = tally('verify', 'now');
    expect([extra.code, extra.err.split('\n')[0]]).toEqual([2, "tally verify: unexpected argument 'now'"]);
    const unknown = tally('servee');
    expect([unknown.code, unknown.err.split('\n')[0]]).toEqual([2, "tally: unknown command 'servee'"]);
    expect(existsSync(join(cwd, 'data'))).toBe(false);
  }, 240_000);

  it('a file that cannot be read or written is one line and exit 1', () => {
    const input = tally('import', join(cwd, 'missing.ndjson'));
    expect([input.code, input.err.trim()]).toEqual([1, `tally import: ${join(cwd, 'missing.ndjson')}: no such file or directory`]);
    const output = run('memory:', ['export', '--out', join(cwd, 'no/such/dir/log.ndjson')]);
    expect([output.code, output.err.trim()]).toEqual([1, `tally export: ${join(cwd, 'no/such/dir/log.ndjson')}: no such file or directory`]);
  }, 240_000);
});
