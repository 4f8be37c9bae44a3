// QA: `tally verify` run where there is no store (another directory, a mistyped TALLY_STORE) must
// not create an empty database and report "ok: 0 events, chain intact" to an auditor.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { run } from '../../server/cli/verify';

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

describe('tally verify without a store', () => {
  it('given a sqlite path that does not exist, when verifying, then it fails naming the path and creates nothing', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'tally-qa-verify-')), 'data', 'tally.db');
    vi.stubEnv('TALLY_STORE', `sqlite:${path}`);
    vi.stubEnv('TALLY_CHECKPOINT_KEY', '');
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((...a: unknown[]) => void errors.push(a.join(' ')));
    vi.spyOn(console, 'log').mockImplementation(() => undefined);
    // a StoreConfigError: the CLI prints it and exits 2
    await expect(run()).rejects.toThrow(path);
    expect(existsSync(path)).toBe(false);
  });

  it.each(['replay', 'export'])('tally %s refuses a missing store the same way, creating nothing', async (command) => {
    const path = join(mkdtempSync(join(tmpdir(), `tally-qa-${command}-`)), 'data', 'tally.db');
    vi.stubEnv('TALLY_STORE', `sqlite:${path}`);
    vi.stubEnv('TALLY_JWT_SECRET', 'short');
    const { run: runCommand } = await import(`../../server/cli/${command}.ts`);
    await expect(runCommand([])).rejects.toThrow(/there is no store/);
    expect(existsSync(path)).toBe(false);
  });
});
