// `tally serve` prints an admin token only when it has just loaded the demo company into an
// empty store: never with TALLY_DEMO=0, never on a restart, where a long-lived admin credential
// in the console's scrollback (and in whatever collects its logs) would serve nobody.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeJwt } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { start } from '../../server/cli/serve';

const JWT = /eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+/g;
const SECRET = 's'.repeat(40);

/** What one start printed: every console.log line, joined. */
const printedBy = async (env: Record<string, string>): Promise<string> => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const running = await start({ PORT: '0', TALLY_DEMO_PORTAL_PORT: '0', HOST: '127.0.0.1', TALLY_JWT_SECRET: SECRET, ...env });
  await running.close();
  const out = log.mock.calls.map((c) => c.join(' ')).join('\n');
  log.mockRestore();
  return out;
};

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('the admin token tally serve prints', () => {
  it('is not printed with TALLY_DEMO=0', async () => {
    const out = await printedBy({ TALLY_STORE: 'memory:', TALLY_DEMO: '0' });
    expect(out).toContain('Tally is listening');
    expect(out.match(JWT)).toBeNull();
    expect(out).toContain('npx tally token --role admin');
  });

  it('is printed once when the demo is loaded into an empty store, and not on the restart', async () => {
    dir = mkdtempSync(join(tmpdir(), 'tally-serve-'));
    const store = `sqlite:${join(dir, 'tally.db')}`;
    const first = await printedBy({ TALLY_STORE: store });
    expect(first).toContain('loaded the demo company');
    const tokens = first.match(JWT) ?? [];
    expect(tokens).toHaveLength(1);
    const claims = decodeJwt(tokens[0]!);
    expect(claims).toMatchObject({ sub: 'admin', role: 'admin' });
    expect(claims.exp! - claims.iat!).toBe(12 * 3600);
    // the same store again: the demo is there already, nothing is loaded, no token is printed
    const again = await printedBy({ TALLY_STORE: store });
    expect(again).not.toContain('loaded the demo company');
    expect(again).toMatch(/\(store sqlite, [1-9]\d* events\)/);
    expect(again.match(JWT)).toBeNull();
  }, 60_000);
});
